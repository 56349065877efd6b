// check(): is a session of some intensity on some day ok, caution or avoid?
#pragma once

#include <vector>

#include "advise/assess.hpp"
#include "advise/plan.hpp"

namespace advise {

struct CheckQuery {
  std::vector<Race> races;  // at least one race or hard workout
  std::vector<Day> hard_workouts;
  Day on;
  Intensity intensity;
  Athlete athlete;  // experience and last massage decide who is a newcomer;
                    // each injury it reports adds a caution
  Day today;
  const date::time_zone* zone = nullptr;  // as in Query
};

struct Verdict {
  Level level;                    // the worst of the findings
  // Worst first, then races by date, hard workouts that reach the day, and
  // conditions; one per race.
  std::vector<Finding> findings;
};

Verdict check(const CheckQuery& query, const Policy& policy);

}  // namespace advise
