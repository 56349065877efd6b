#include "advise/check.hpp"

#include <algorithm>

namespace advise {

Verdict check(const CheckQuery& query, const Policy& policy) {
  const Newcomer newcomer = newcomer_of(query.athlete, policy);

  std::vector<Race> races = normalise(query.races);
  Verdict v{Level::ok, {}};
  for (const auto& race : races) {
    v.findings.push_back(assess(query.on, query.intensity, race_days(race, opens_window_early(query.athlete, race.day, policy), policy, query.zone), newcomer));
    v.level = std::max(v.level, v.findings.back().level);
  }
  std::stable_sort(v.findings.begin(), v.findings.end(),
                   [](const Finding& a, const Finding& b) { return a.level > b.level; });
  return v;
}

}  // namespace advise
