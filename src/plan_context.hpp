// What plan.cpp and next_session.cpp share: the races as the planner sees
// them and the small helpers both build advice with. Internal to the library.
#pragma once

#include <optional>
#include <span>
#include <vector>

#include "advise/plan.hpp"

namespace advise::detail {

// How far the planner looks for a clear day before giving up on a session.
inline constexpr date::days k_search_limit{400};

struct Context {
  const Policy& policy;
  Day today;
  const Newcomer& newcomer;  // the plan's (a copy stalled: see newcomer_of())
  std::span<const RaceDays> races;  // in the order of Plan::races
  std::span<const Day> workouts;  // hard workouts, sorted (the Plan's)

  // The first race whose rules refuse or question `intensity` on `day`.
  std::optional<Finding> blocker(Day day, Intensity intensity) const;
  // The first hard workout that refuses or questions `intensity` on `day`.
  std::optional<Finding> workout_blocker(Day day, Intensity intensity) const;
  // The race's finding, else the workout's (about_workout() tells them apart).
  std::optional<Finding> any_blocker(Day day, Intensity intensity) const {
    if (auto b = blocker(day, intensity)) return b;
    return workout_blocker(day, intensity);
  }
  // Nothing, race or workout, stands in the way.
  bool clear(Day day, Intensity intensity) const { return !any_blocker(day, intensity); }
  // As blocker(), but the finding of race `own` for `reason` does not count,
  // nor that of a race whose moderate_at is no later than own's.
  std::optional<Finding> blocker_but(Day day, Intensity intensity, const RaceDays& own, Reason reason) const;
};

RuleId cadence_rule(Phase phase);
RuleId length_rule(std::chrono::minutes length, const Policy& policy);
Advice make_advice(Item item, Day from, Day to, std::optional<Intensity> intensity,
                   std::optional<std::chrono::minutes> length, RuleList rules);
// As make_advice, into `a` (every field set), field by field, not from a
// new Advice (see from_race() in next_session.cpp). Inline: out of line,
// GCC passed the optionals through the stack, each a wide load of narrow
// stores that stalled the next session's planning once a batch row.
inline void set_advice(Advice& a, Item item, Day from, Day to, std::optional<Intensity> intensity,
                       std::optional<std::chrono::minutes> length, const RuleList& rules) {
  a.item = item;
  a.from = from;
  a.to = to;
  a.at.reset();
  a.intensity = intensity;
  a.length = length;
  a.rules = rules;
  a.conflict_race.reset();
  a.conflict_workout.reset();
  a.cancelled = false;
  a.passed = false;
}

// The next session by the phase cadence, given the races' plans in `plan`,
// into `out` (nullopt when no day within reach is clear). `out` may be
// plan.next: only the races, phase and runner of `plan` are read.
void next_session(const Context& ctx, const Plan& plan, std::optional<NextSession>& out);

}  // namespace advise::detail
