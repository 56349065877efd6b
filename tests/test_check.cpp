#include "advise/check.hpp"

#include <doctest/doctest.h>

using namespace advise;
using namespace date::literals;
using enum RuleId;

namespace {
CheckQuery query(std::vector<Day> races, Day on, Intensity intensity) {
  CheckQuery q;
  for (const auto d : races) q.races.push_back(Race{d});
  q.on = on;
  q.intensity = intensity;
  q.today = Day{2026_y / 4 / 1};
  return q;
}
}  // namespace

TEST_CASE("advise::check") {
  const Day sun{2026_y / 4 / 12};
  const Day tue{2026_y / 4 / 14};
  const Policy policy;
  SUBCASE("one race: the verdict is its finding") {
    const auto v = check(query({sun}, Day{2026_y / 4 / 10}, Intensity::deep), policy);
    CHECK(v.level == Level::avoid);
    REQUIRE(v.findings.size() == 1);
    CHECK(v.findings[0].rules == RuleList{pre_race_no_deep_48h, pre_race_date_only_start});
  }
  SUBCASE("several races: the worst decides and comes first") {
    // Mon 04-13 is the day after Sunday's race (moderate ok) and inside
    // Tuesday's blackout (avoid).
    const auto v = check(query({tue, sun}, Day{2026_y / 4 / 13}, Intensity::moderate), policy);
    CHECK(v.level == Level::avoid);
    REQUIRE(v.findings.size() == 2);
    CHECK(v.findings[0].race == tue);
    CHECK(v.findings[0].reason == Reason::blackout);
    CHECK(v.findings[1].race == sun);
    CHECK(v.findings[1].level == Level::ok);
  }
  SUBCASE("the same race twice counts once") {
    CHECK(check(query({sun, sun}, Day{2026_y / 4 / 9}, Intensity::deep), policy).findings.size() ==
          1);
  }
  SUBCASE("a first-timer's deep session in race week") {
    auto q = query({sun}, Day{2026_y / 4 / 6}, Intensity::deep);
    CHECK(check(q, policy).level == Level::ok);
    q.athlete.experience = Experience::first_time;
    CHECK(check(q, policy).level == Level::avoid);
  }
  SUBCASE("a long gap since the last massage counts like a first time") {
    auto q = query({sun}, Day{2026_y / 4 / 6}, Intensity::deep);
    q.athlete.last_massage = Day{2025_y / 12 / 1};
    const auto v = check(q, policy);
    CHECK(v.level == Level::avoid);
    CHECK(v.findings[0].rules ==
          RuleList{pre_race_no_first_deep_race_week, experience_long_gap});
  }
}
