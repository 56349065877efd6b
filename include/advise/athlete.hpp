// The runner: phase, last massage, experience, conditions and symptoms, as given.
#pragma once

#include <algorithm>
#include <optional>
#include <vector>

#include "advise/calendar.hpp"
#include "advise/condition.hpp"
#include "advise/policy.hpp"
#include "advise/race.hpp"
#include "advise/vocabulary.hpp"

namespace advise {

struct Athlete {
  std::optional<Phase> phase;            // nullopt: chosen from the race calendar
  std::optional<Day> last_massage;
  std::optional<Experience> experience;  // nullopt: occasional, and output says so
  ConditionSet conditions;               // injuries and risks the runner reports
  SymptomSet symptoms;                   // any of them: the next session as soon as possible
};

inline constexpr Experience k_default_experience = Experience::occasional;

// First-timer, or (on a given day) a last massage more than policy.long_gap before.
// Inline: out of line, GCC returned the Newcomer through the stack, wider
// loads of narrower stores that stall the planner once a batch row.
inline Newcomer newcomer_of(const Athlete& athlete, const Policy& policy) {
  return {athlete.experience.value_or(k_default_experience) == Experience::first_time,
          athlete.last_massage, policy.long_gap};
}

// Regulars may open the pre-race window of a race on `race_day` earlier,
// unless their last massage is a long gap before that earlier opening.
bool opens_window_early(const Athlete& athlete, Day race_day, const Policy& policy);

// How often sessions come for this runner in `phase`: the phase's cadence,
// made weekly at most for hamstrings prone to strain.
Cadence cadence_for(ConditionSet conditions, Phase phase, const Policy& policy);

// Races or hard-workout days sorted, each once (duplicates count once).
template <typename T>
void normalise_in_place(std::vector<T>& items) {
  if (items.size() < 2) return;  // a batch row has one race and no workouts
  std::sort(items.begin(), items.end());
  items.erase(std::unique(items.begin(), items.end()), items.end());
}

template <typename T>
std::vector<T> normalise(std::vector<T> items) {
  normalise_in_place(items);
  return items;
}

}  // namespace advise
