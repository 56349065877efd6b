#include "advise/policy.hpp"

#include <array>

namespace advise {
namespace {

// Which fields make each phase's cadence, in the order of enum Phase: a
// table, not a switch, as batch asks for a random phase every row and the
// switch's jump mispredicted.
struct CadenceFields {
  date::days Policy::*every_min;
  date::days Policy::*every_max;
  Intensity Policy::*intensity;
  std::chrono::minutes Policy::*length;
};
constexpr std::array<CadenceFields, 7> k_cadence_fields{{
    {&Policy::peak_min, &Policy::peak_max, &Policy::training_block_intensity, &Policy::length_focused},
    {&Policy::build_min, &Policy::build_max, &Policy::training_block_intensity, &Policy::length_focused},
    {&Policy::base_min, &Policy::base_max, &Policy::maintenance_intensity, &Policy::length_full},
    {&Policy::maintenance_min, &Policy::maintenance_max, &Policy::maintenance_intensity,
     &Policy::length_full},
    {&Policy::off_season_min, &Policy::off_season_max, &Policy::maintenance_intensity,
     &Policy::length_full},
    {&Policy::taper_min, &Policy::taper_max, &Policy::pre_race_intensity, &Policy::length_focused},
    {&Policy::recovery_min, &Policy::recovery_max, &Policy::recovery_intensity,
     &Policy::length_focused},
}};
static_assert(static_cast<std::size_t>(Phase::recovery) + 1 == k_cadence_fields.size());

}  // namespace

Cadence Policy::cadence(Phase phase) const {
  const auto& f = k_cadence_fields.at(static_cast<std::size_t>(phase));
  return {this->*f.every_min, this->*f.every_max, this->*f.intensity, this->*f.length};
}

}  // namespace advise
