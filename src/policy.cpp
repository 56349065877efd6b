#include "advise/policy.hpp"

namespace advise {

Cadence Policy::cadence(Phase phase) const {
  switch (phase) {
    case Phase::peak: return {peak_min, peak_max, training_block_intensity, length_focused};
    case Phase::build: return {build_min, build_max, training_block_intensity, length_focused};
    case Phase::base: return {base_min, base_max, maintenance_intensity, length_full};
    case Phase::maintenance:
      return {maintenance_min, maintenance_max, maintenance_intensity, length_full};
    case Phase::off_season:
      return {off_season_min, off_season_max, maintenance_intensity, length_full};
    case Phase::taper: return {taper_min, taper_max, pre_race_intensity, length_focused};
    case Phase::recovery:
      return {recovery_min, recovery_max, recovery_intensity, length_focused};
  }
  return {peak_min, peak_max, training_block_intensity, length_focused};
}

}  // namespace advise
