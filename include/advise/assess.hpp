// Judging one session on one day against one race: the single place where the
// timing rules turn into ok, caution or avoid. `advise check` reports these
// findings; the planner schedules only on days every race finds ok.
#pragma once

#include <optional>
#include <vector>

#include "advise/catalogue.hpp"
#include "advise/condition.hpp"
#include "advise/race.hpp"
#include "advise/vocabulary.hpp"

namespace advise {

enum class Level { ok, caution, avoid };
std::string_view format_as(Level level);

// Why a finding came out as it did; renderers turn it into words.
enum class Reason {
  clear_of_race,         // no timing rule of this race reaches the day
  pre_race_window,       // in the pre-race window, fine for this intensity
  deep_in_time,          // deep work on or before the last day for it
  blackout,              // moderate or deep inside the pre-race blackout
  before_blackout_only,  // the blackout starts during the day: only a session ending before it
  deep_too_late,         // deep work after the last day for it, before the blackout starts
  light_in_blackout,     // light work inside the blackout: the sources disagree
  newcomer_race_week,    // first deep session, or after a long gap, in race week
  race_day_flush,        // light work on race day
  race_day_too_soon,     // moderate or deep on race day
  day_after_moderate,    // moderate (or light) work once 24 hours have passed
  moderate_from_time,    // the 24 hours end during the day: moderate work only from then
  day_after_deep_early,  // deep work the day after: floor met, sources disagree
  post_race_deep_window, // deep work on days 2 to 3 after the race
  after_race,            // past the post-race plan
  hard_workout_day,      // deep work on the day of a hard workout: do not stack them
  before_hard_workout,   // deep work the day before one: less than 24 hours before it
  clear_of_workouts,     // no hard workout reaches the day (check with no race)
  condition,             // the runner reports a condition: its cautions apply
};

// Whether a finding of this reason is about a hard workout (its `race` field
// then holds the workout's day).
constexpr bool about_workout(Reason reason) {
  return reason == Reason::hard_workout_day || reason == Reason::before_hard_workout ||
         reason == Reason::clear_of_workouts;
}

struct Finding {
  Level level;
  Reason reason;
  Day race;  // the race; for the hard-workout reasons, the workout's day
  RuleList rules;
  // For reasons that split a day: when, and the zone to show it in.
  std::optional<Instant> at = std::nullopt;
  const date::time_zone* zone = nullptr;
  std::optional<Condition> condition = std::nullopt;  // for Reason::condition
};

// How a session of `intensity` on `day` fares against the race behind `days`.
Finding assess(Day day, Intensity intensity, const RaceDays& days, const Newcomer& newcomer);

// Whether `day` lies before every pre-race rule of the race (its blackout,
// and the newcomers' race week) or after its post-race floor and deep days:
// then assess() finds any session ok, whoever the runner. A quick test for
// the planner, which asks about many days.
constexpr bool out_of_reach(Day day, const RaceDays& d) {
  return (day < d.race && day < d.blackout_first && day < d.race_week_first) ||
         (day > d.race && day >= d.deep_from);
}

// How a session fares against a hard workout on `workout` (taken to start at
// 00:00, as a date-only race does), or nullopt when the workout does not
// reach it: deep work on the day or the day before is refused.
std::optional<Finding> assess_workout(Day day, Intensity intensity, Day workout);

// The caution a reported condition adds to any session, or nullopt for one
// that only changes the cadence (condition.hamstring-risk).
std::optional<Finding> assess_condition(Day day, Condition condition);

}  // namespace advise

#include "advise/formatting.hpp"  // IWYU pragma: export
