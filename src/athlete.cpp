#include "advise/athlete.hpp"

#include <algorithm>

namespace advise {

Newcomer newcomer_of(const Athlete& athlete, Day today, const Policy& policy) {
  Newcomer n;
  n.first_time = athlete.experience.value_or(k_default_experience) == Experience::first_time;
  n.long_gap = athlete.last_massage && today - *athlete.last_massage > policy.long_gap;
  return n;
}

bool opens_window_early(const Athlete& athlete, Day today, const Policy& policy) {
  return athlete.experience == Experience::regular && !newcomer_of(athlete, today, policy).any();
}

std::vector<Race> normalise(std::vector<Race> races) {
  std::sort(races.begin(), races.end());
  races.erase(std::unique(races.begin(), races.end()), races.end());
  return races;
}

}  // namespace advise
