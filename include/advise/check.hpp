// check(): is a session of some intensity on some day ok, caution or avoid?
#pragma once

#include <vector>

#include "advise/assess.hpp"
#include "advise/plan.hpp"

namespace advise {

struct CheckQuery {
  std::vector<Race> races;  // at least one
  Day on;
  Intensity intensity;
  Athlete athlete;  // experience and last massage decide who is a newcomer
  Day today;
  const date::time_zone* zone = nullptr;  // as in Query
};

struct Verdict {
  Level level;                    // the worst of the findings
  std::vector<Finding> findings;  // worst first, then by race date; one per race
};

Verdict check(const CheckQuery& query, const Policy& policy);

}  // namespace advise
