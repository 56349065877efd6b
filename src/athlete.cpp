#include "advise/athlete.hpp"

#include <algorithm>

namespace advise {

bool opens_window_early(const Athlete& athlete, Day race_day, const Policy& policy) {
  return athlete.experience == Experience::regular &&
         !newcomer_of(athlete, policy).on(race_day - policy.window_opens_before_regular);
}

Cadence cadence_for(ConditionSet conditions, Phase phase, const Policy& policy) {
  Cadence c = policy.cadence(phase);
  if (conditions.contains(Condition::hamstring_risk) && c.every_max > policy.hamstring_every) {
    c.every_min = std::min(c.every_min, policy.hamstring_every);
    c.every_max = policy.hamstring_every;
    // Weekly sessions are the hour of the hard blocks: the long session is
    // for those weeks apart (length.60, length.90).
    c.length = std::min(c.length, policy.length_focused);
  }
  return c;
}

}  // namespace advise
