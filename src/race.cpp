#include "advise/race.hpp"

#include <algorithm>
#include <date/tz.h>

namespace advise {
namespace {

}  // namespace

Instant to_instant(LocalTime time, const date::time_zone* zone) {
  if (zone == nullptr) return Instant{time.time_since_epoch()};
  return zone->to_sys(time, date::choose::earliest);
}

LocalTime to_local(Instant instant, const date::time_zone* zone) {
  if (zone == nullptr) return LocalTime{instant.time_since_epoch()};
  return zone->to_local(instant);
}

std::string_view format_as(Priority priority) {
  switch (priority) {
    case Priority::a: return "A";
    case Priority::b: return "B";
    case Priority::c: return "C";
  }
  return "?";
}

RaceDays race_days(const Race& race, bool regular, const Policy& policy,
                   const date::time_zone* zone) {
  RaceDays d{};
  set_race_days(d, race, regular, policy, zone);
  return d;
}

void set_race_days(RaceDays& d, const Race& race, bool regular, const Policy& policy,
                   const date::time_zone* zone) {
  d.race = race.day;
  d.zone = zone;
  d.priority = race.priority;
  d.timed = race.time.has_value();
  // Absolute time first, local clock times from it: never the other way.
  d.start_instant = to_instant(race.local_start(), zone);
  d.blackout_instant = d.start_instant - policy.blackout;
  d.moderate_instant = d.start_instant + policy.post_moderate_from;
  d.deep_instant = d.start_instant + policy.post_no_deep;
  d.start = to_local(d.start_instant, zone);
  d.blackout_start = to_local(d.blackout_instant, zone);
  d.moderate_at = to_local(d.moderate_instant, zone);
  d.deep_at = to_local(d.deep_instant, zone);

  d.blackout_first = date::floor<date::days>(d.blackout_start);
  d.moderate_from = std::max(date::floor<date::days>(d.moderate_at), race.day + date::days{1});
  d.deep_floor = std::max(date::floor<date::days>(d.deep_at), race.day + date::days{1});
  if (d.full_plan()) {
    d.deep_until = std::min(race.day - policy.deep_last_day_before, d.blackout_first - date::days{1});
    d.window_opens =
        race.day - (regular ? policy.window_opens_before_regular : policy.window_opens_before);
    d.race_week_first = race.day - policy.race_week;
    d.deep_from = std::max(race.day + policy.post_deep_from, d.deep_floor);
    d.deep_to = std::max(race.day + policy.post_deep_to, d.deep_from);
  } else {
    // A tune-up: no window, no 3-day limit, no newcomer week, no deep days.
    d.deep_until = d.blackout_first - date::days{1};
    d.window_opens = d.blackout_first;
    d.race_week_first = d.blackout_first;
    // The day after still gets caution for deep work (assess), as after any
    // race; only the recommended deep days go.
    d.deep_from = d.deep_floor + date::days{1};
    d.deep_to = d.deep_from - date::days{1};
  }
}

}  // namespace advise
