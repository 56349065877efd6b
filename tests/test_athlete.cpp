#include "advise/athlete.hpp"

#include <doctest/doctest.h>

using namespace advise;
using namespace date::literals;

TEST_CASE("advise::newcomer_of") {
  const Policy policy;  // long gap: more than 90 days
  const Day day{2026_y / 4 / 1};
  Athlete a;
  SUBCASE("nothing known: not a newcomer, default experience") {
    CHECK_FALSE(newcomer_of(a, policy).on(day));
    CHECK_FALSE(opens_window_early(a, day, policy));
  }
  SUBCASE("first-timer") {
    a.experience = Experience::first_time;
    CHECK(newcomer_of(a, policy).on(day));
  }
  SUBCASE("experience.long-gap: more than 90 days before the day judged") {
    a.last_massage = day - date::days{90};
    CHECK_FALSE(newcomer_of(a, policy).long_gap_on(day));
    CHECK(newcomer_of(a, policy).long_gap_on(day + date::days{1}));
  }
  SUBCASE("a regular whose last massage is a long gap before the window does not open it early") {
    a.experience = Experience::regular;
    const Day race{2026_y / 4 / 12};  // the early window would open Sun 04-05
    CHECK(opens_window_early(a, race, policy));
    a.last_massage = Day{2026_y / 1 / 4};  // 91 days before 04-05
    CHECK_FALSE(opens_window_early(a, race, policy));
    a.last_massage = Day{2026_y / 1 / 5};  // 90 days
    CHECK(opens_window_early(a, race, policy));
  }
}

TEST_CASE("advise::normalise") {
  const Race a{Day{2026_y / 5 / 3}}, b{Day{2026_y / 4 / 12}};
  CHECK(normalise(std::vector<Race>{a, b, a, b}) == std::vector<Race>{b, a});
  CHECK(normalise(std::vector<Race>{}).empty());
  const Day d1{2026_y / 4 / 1}, d2{2026_y / 4 / 2};
  CHECK(normalise(std::vector<Day>{d2, d1, d2}) == std::vector<Day>{d1, d2});
}
