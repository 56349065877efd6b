// plan(): from races, the runner and today to a Plan. Pure: no clock, no I/O.
#pragma once

#include <chrono>
#include <optional>
#include <vector>

#include "advise/assess.hpp"
#include "advise/athlete.hpp"
#include "advise/calendar.hpp"
#include "advise/catalogue.hpp"
#include "advise/policy.hpp"
#include "advise/race.hpp"
#include "advise/vocabulary.hpp"

namespace advise {

// (batch_query() in batch.cpp resets every field for each row: a new one
// goes there too.)
struct Query {
  std::vector<Race> races;  // any order; duplicates count once
  Athlete athlete;
  Day today;
  // The zone of the races, or null: clock hours, for date-only races where no
  // zone was asked for (so that no time-zone data need be loaded).
  const date::time_zone* zone = nullptr;
  // Days of hard workouts (intervals, long runs, anything that matters): no
  // deep session on them or the day before.
  std::vector<Day> hard_workouts;
  bool prepare = false;  // add preparation and after-care to the plan
};

// What one line of advice is about.
enum class Item {
  pre_race_window,    // the days the pre-race session may go on
  pre_race_session,   // the recommended session before a race
  deep_until,         // last day for deep work before a race
  blackout,           // from blackout_first up to the start: nothing moderate or deep
  light_in_blackout,  // what light work the sources allow inside the blackout
  light_flush,        // race day, after the finish
  moderate_from,      // first day for moderate work after the race
  deep_window,        // the days for deep work after the race
  next_session,       // the next session by the phase cadence
};

// One line of advice: a day or a range of days, what to book, and why.
// (set_advice() in plan.cpp sets every field: a new one goes there too.)
struct Advice {
  Item item = Item::next_session;
  Day from{};
  Day to{};  // == from for a single day
  std::optional<Instant> at;  // when it starts, where that matters (blackout, after 24 h)
  std::optional<Intensity> intensity;
  std::optional<std::chrono::minutes> length;
  RuleList rules;
  // Set when another race's rules cut this item short, moved it or left no
  // room for it; `cancelled` then says whether anything is left.
  std::optional<Day> conflict_race;
  // Set when a hard workout moved or shortened it (deep work only).
  std::optional<Day> conflict_workout;
  bool cancelled = false;
  bool passed = false;  // the day is already behind `today`
};

enum class RaceStatus {
  ahead,   // after today
  today,   // today
  recent,  // before today, its post-race plan still running
  past,    // before today, its post-race plan over
};

struct RacePlan {
  Race race;
  Instant start;  // the race start (see RaceDays: without a zone, local clock time)
  RaceStatus status;
  std::vector<Advice> advice;
};

enum class PhaseFrom { option, race_calendar, no_race };

// How the next session came about, beyond the rules it cites.
struct NextSession {
  Advice advice;
  Day due{};                      // the day the cadence alone gives
  std::optional<Day> latest;      // the last clear day of the cadence range, when it has one
  bool due_now = false;           // no last massage, or the cadence day has passed
  std::optional<Day> moved_for;   // moved off its due day for this race
  std::optional<Day> moved_for_workout;  // ... or for the hard workout on this day
  bool symptoms = false;          // due now because the runner reports symptoms
  bool lighter = false;           // ... and moderate, as the phase's deep work must wait
  std::optional<Day> race;        // it is a session of this race's plan
  bool after_race = false;        // ... its post-race one, not its pre-race one
};

struct Plan {
  Policy policy;  // the figures it was made with, for renderers that show them
  Day today;
  const date::time_zone* zone = nullptr;  // as in the Query
  Phase phase;
  PhaseFrom phase_from;
  Experience experience;
  bool experience_given;
  Newcomer newcomer;
  std::optional<Day> last_massage;
  ConditionSet conditions;        // cautions: see condition_rules()
  SymptomSet symptoms;
  std::vector<Day> hard_workouts;  // sorted, each day once
  RuleList care;                  // preparation and after-care, when asked for
  std::vector<RacePlan> races;  // by date
  std::optional<NextSession> next;  // nullopt only when no day within reach is clear
};

Plan plan(const Query& query, const Policy& policy);

// Plans query after query with one Policy and reuses its buffers, so that a
// batch of a million rows does not allocate a plan per row. The same plans
// as plan().
class Planner {
 public:
  explicit Planner(const Policy& policy);
  // The plan for `query`; valid until the next call.
  const Plan& operator()(const Query& query);

 private:
  Plan m_plan{};  // carries the policy
  std::vector<Race> m_races;    // the query's races, sorted, each once
  std::vector<RaceDays> m_days;  // their days, in the same order
};

}  // namespace advise
