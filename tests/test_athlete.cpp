#include "advise/athlete.hpp"

#include <doctest/doctest.h>

using namespace advise;
using namespace date::literals;

TEST_CASE("advise::newcomer_of") {
  const Policy policy;  // long gap: more than 90 days
  const Day today{2026_y / 4 / 1};
  Athlete a;
  SUBCASE("nothing known: not a newcomer, default experience") {
    CHECK_FALSE(newcomer_of(a, today, policy).any());
    CHECK_FALSE(opens_window_early(a, today, policy));
  }
  SUBCASE("first-timer") {
    a.experience = Experience::first_time;
    CHECK(newcomer_of(a, today, policy).first_time);
  }
  SUBCASE("the long gap is more than 90 days, counted to today") {
    a.last_massage = today - date::days{90};
    CHECK_FALSE(newcomer_of(a, today, policy).long_gap);
    a.last_massage = today - date::days{91};
    CHECK(newcomer_of(a, today, policy).long_gap);
  }
  SUBCASE("a regular after a long gap does not open the window early") {
    a.experience = Experience::regular;
    CHECK(opens_window_early(a, today, policy));
    a.last_massage = Day{2025_y / 12 / 1};
    CHECK_FALSE(opens_window_early(a, today, policy));
  }
}

TEST_CASE("advise::normalise") {
  const Race a{Day{2026_y / 5 / 3}}, b{Day{2026_y / 4 / 12}};
  CHECK(normalise({a, b, a, b}) == std::vector<Race>{b, a});
  CHECK(normalise({}).empty());
}
