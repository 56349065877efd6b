// Choosing the training phase from the race calendar when the runner gives none.
#pragma once

#include <span>
#include <utility>

#include "advise/plan.hpp"

namespace advise {

// Only A races count. recovery while a race's post-race plan runs (race day to its last deep day);
// else by the days to the next race: taper, peak, build within the policy's
// limits, base beyond them; base when no race is ahead (PhaseFrom::no_race).
std::pair<Phase, PhaseFrom> choose_phase(std::span<const RaceDays> races, Day today,
                                         const Policy& policy);

}  // namespace advise
