#include "advise/phase_choice.hpp"

namespace advise {

std::pair<Phase, PhaseFrom> choose_phase(std::span<const RaceDays> races, Day today,
                                         const Policy& policy) {
  // Tune-ups (B and C races) are run through training and choose nothing.
  for (const auto& r : races) {
    if (r.full_plan() && r.race <= today && today <= r.deep_to) {
      return {Phase::recovery, PhaseFrom::race_calendar};
    }
  }
  for (const auto& r : races) {  // sorted: the first one ahead is the next
    if (!r.full_plan() || r.race <= today) continue;
    const auto away = r.race - today;
    if (away <= policy.taper_within) return {Phase::taper, PhaseFrom::race_calendar};
    if (away <= policy.peak_within) return {Phase::peak, PhaseFrom::race_calendar};
    if (away <= policy.build_within) return {Phase::build, PhaseFrom::race_calendar};
    return {Phase::base, PhaseFrom::race_calendar};
  }
  return {Phase::base, PhaseFrom::no_race};
}

}  // namespace advise
