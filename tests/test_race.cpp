#include "advise/race.hpp"

#include <doctest/doctest.h>

using namespace advise;
using namespace date::literals;

TEST_CASE("advise::race_days") {
  const Race race{Day{2026_y / 4 / 12}};  // a Sunday
  const Policy policy;
  SUBCASE("a date-only race starts at 00:00, so the blackout covers the two days before") {
    const auto d = race_days(race, false, policy);
    CHECK(d.race == Day{2026_y / 4 / 12});
    CHECK(d.blackout_first == Day{2026_y / 4 / 10});
    CHECK(d.deep_until == Day{2026_y / 4 / 9});
    CHECK(d.window_opens == Day{2026_y / 4 / 7});
    CHECK(d.race_week_first == Day{2026_y / 4 / 5});
    CHECK(d.moderate_from == Day{2026_y / 4 / 13});
    CHECK(d.deep_floor == Day{2026_y / 4 / 13});
    CHECK(d.deep_from == Day{2026_y / 4 / 14});
    CHECK(d.deep_to == Day{2026_y / 4 / 15});
  }
  SUBCASE("regulars open the window two days earlier") {
    CHECK(race_days(race, true, policy).window_opens == Day{2026_y / 4 / 5});
  }
  SUBCASE("a longer blackout pulls the last deep day back with it") {
    Policy wide;
    wide.blackout = std::chrono::hours{96};
    const auto d = race_days(race, false, wide);
    CHECK(d.blackout_first == Day{2026_y / 4 / 8});
    CHECK(d.deep_until == Day{2026_y / 4 / 7});
  }
  SUBCASE("a blackout of part of a day still closes that whole day") {
    Policy odd;
    odd.blackout = std::chrono::hours{50};
    CHECK(race_days(race, false, odd).blackout_first == Day{2026_y / 4 / 9});
  }
}
