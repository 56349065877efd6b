#include "advise/check.hpp"

#include <algorithm>

namespace advise {

Verdict check(const CheckQuery& query, const Policy& policy) {
  const Newcomer newcomer = newcomer_of(query.athlete, policy);

  Verdict v{Level::ok, {}};
  for (const auto& race : normalise(query.races)) {
    const bool early = opens_window_early(query.athlete, race.day, policy);
    v.findings.push_back(
        assess(query.on, query.intensity, race_days(race, early, policy, query.zone), newcomer));
  }
  const auto workouts = normalise(query.hard_workouts);
  bool workout_reaches = false;
  for (const auto workout : workouts) {
    if (auto f = assess_workout(query.on, query.intensity, workout)) {
      v.findings.push_back(*f);
      workout_reaches = true;
    }
  }
  if (query.races.empty() && !workouts.empty() && !workout_reaches) {
    // Say so, rather than answer with no finding at all.
    // The next workout from the day on, else the last one before it.
    const auto next = std::lower_bound(workouts.begin(), workouts.end(), query.on);
    const Day nearest = next != workouts.end() ? *next : workouts.back();
    v.findings.push_back(Finding{Level::ok, Reason::clear_of_workouts, nearest,
                                 {RuleId::training_no_stacking, RuleId::training_run_after_deep}});
  }
  query.athlete.conditions.for_each([&](Condition c) {
    if (auto f = assess_condition(query.on, c)) v.findings.push_back(*f);
  });
  for (const auto& f : v.findings) v.level = std::max(v.level, f.level);
  std::stable_sort(v.findings.begin(), v.findings.end(),
                   [](const Finding& a, const Finding& b) { return a.level > b.level; });
  return v;
}

}  // namespace advise
