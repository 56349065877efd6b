// A race and the days and instants its rules mark out around it.
#pragma once

#include <chrono>
#include <optional>

#include "advise/calendar.hpp"
#include "advise/policy.hpp"

namespace date {
class time_zone;
}

namespace advise {

using Minutes = std::chrono::minutes;
// Seconds, not minutes: some historical offsets (local mean time) have them.
using LocalTime = date::local_seconds;
// A point in absolute time. Without a zone, the local clock time itself.
using Instant = date::sys_seconds;

// A: the goal race, with the full pre- and post-race plan. B and C: tune-ups
// run through training, which keep the blackout and the 24-hour floor only.
enum class Priority { a, b, c };
std::string_view format_as(Priority priority);

// A race on a calendar day, with a start time when known. Without one it
// starts at 00:00 local time (pre-race.date-only-start). The zone is the
// query's, not the race's own.
struct Race {
  Race() = default;
  explicit Race(Day d, std::optional<Minutes> t = std::nullopt, Priority p = Priority::a)
      : day(d), time(t), priority(p) {}

  Day day{};
  std::optional<Minutes> time;  // time of day of the start
  Priority priority = Priority::a;

  LocalTime local_start() const { return LocalTime{day} + time.value_or(Minutes{0}); }
  friend bool operator==(const Race&, const Race&) = default;
  friend auto operator<=>(const Race&, const Race&) = default;
};

// Whether the runner counts as new to massage on a given day: a first-timer,
// or a last massage longer before that day than the policy's long gap.
struct Newcomer {
  bool first_time = false;
  std::optional<Day> last_massage;
  date::days long_gap{0};

  bool long_gap_on(Day day) const { return last_massage && day - *last_massage > long_gap; }
  bool on(Day day) const { return first_time || long_gap_on(day); }
};

// The days (inclusive bounds) and times derived from one race under a policy.
// With a zone the hours are real hours (48 hours before a start just after a
// DST change is 47 or 49 on the clock); without one, clock hours.
struct RaceDays {
  Day race;
  const date::time_zone* zone;  // the query's, for showing times; may be null
  Priority priority;
  bool timed;                // a start time was given
  // Instants, and their local times in the query's zone (derived from the
  // instants, so a time in a repeated hour is the right one of the two).
  Instant start_instant;
  Instant blackout_instant;  // start minus the blackout
  Instant moderate_instant;  // start plus the post-race moderate wait
  Instant deep_instant;      // start plus the post-race floor for deep work
  LocalTime start;
  LocalTime blackout_start;
  LocalTime moderate_at;
  LocalTime deep_at;
  Day window_opens;     // earliest day of the pre-race session window (A races)
  Day deep_until;       // last day deep work is fine
  Day blackout_first;   // first day the pre-race blackout touches
  Day race_week_first;  // first day of the week in which newcomers avoid deep work
  Day moderate_from;    // first day after the race for moderate work
  Day deep_floor;       // first day after the race deep work is not refused outright
  Day deep_from;        // recommended deep days after an A race; empty for B and C
  Day deep_to;

  bool full_plan() const { return priority == Priority::a; }
};

// `zone` may be null: clock hours in local time, for date-only races where
// no zone was asked for. A start in a spring-forward gap resolves to the
// change itself (a date-only race whose midnight is skipped starts when the
// day does); an ambiguous one to the earlier instant.
RaceDays race_days(const Race& race, bool regular, const Policy& policy,
                   const date::time_zone* zone);
// The same, into `d` (every field set): the planner fills its own vector
// rather than copying a RaceDays just built, which stalls the processor.
void set_race_days(RaceDays& d, const Race& race, bool regular, const Policy& policy,
                   const date::time_zone* zone);

// Between local clock times and instants in `zone` (null: the clock itself).
Instant to_instant(LocalTime time, const date::time_zone* zone);
LocalTime to_local(Instant instant, const date::time_zone* zone);

}  // namespace advise
