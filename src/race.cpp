#include "advise/race.hpp"

#include <algorithm>

namespace advise {
namespace {

// Whole days needed to cover `span` counted from race-day midnight.
date::days ceil_days(std::chrono::hours span) { return date::ceil<date::days>(span); }

}  // namespace

RaceDays race_days(const Race& race, bool regular, const Policy& policy) {
  RaceDays d{};
  d.race = race.day;
  // The start is 00:00 on race day, so the blackout reaches back into the
  // day that contains start - blackout.
  d.blackout_first = date::floor<date::days>(race.day - policy.blackout);
  d.deep_until = std::min(race.day - policy.deep_last_day_before, d.blackout_first - date::days{1});
  d.window_opens =
      race.day - (regular ? policy.window_opens_before_regular : policy.window_opens_before);
  d.race_week_first = race.day - policy.race_week;
  d.moderate_from = race.day + ceil_days(policy.post_moderate_from);
  d.deep_floor = race.day + ceil_days(policy.post_no_deep);
  d.deep_from = std::max(race.day + policy.post_deep_from, d.deep_floor);
  d.deep_to = std::max(race.day + policy.post_deep_to, d.deep_from);
  return d;
}

}  // namespace advise
