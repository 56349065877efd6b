#include "advise/race.hpp"

#include <date/tz.h>

#include <doctest/doctest.h>

using namespace advise;
using namespace date::literals;

TEST_CASE("advise::race_days") {
  const Race race{Day{2026_y / 4 / 12}};  // a Sunday
  const Policy policy;
  SUBCASE("a date-only race starts at 00:00, so the blackout covers the two days before") {
    const auto d = race_days(race, false, policy, nullptr);
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
    CHECK(race_days(race, true, policy, nullptr).window_opens == Day{2026_y / 4 / 5});
  }
  SUBCASE("a longer blackout pulls the last deep day back with it") {
    Policy wide;
    wide.blackout = std::chrono::hours{96};
    const auto d = race_days(race, false, wide, nullptr);
    CHECK(d.blackout_first == Day{2026_y / 4 / 8});
    CHECK(d.deep_until == Day{2026_y / 4 / 7});
  }
  SUBCASE("a blackout of part of a day still closes that whole day") {
    Policy odd;
    odd.blackout = std::chrono::hours{50};
    CHECK(race_days(race, false, odd, nullptr).blackout_first == Day{2026_y / 4 / 9});
  }
}

TEST_CASE("advise::race_days in a time zone: real hours") {
  const Policy policy;
  const auto* berlin = date::locate_zone("Europe/Berlin");
  SUBCASE("a 09:00 start after the spring change: the blackout starts 08:00 CET") {
    const Race race{Day{2026_y / 3 / 29}, std::chrono::minutes{9 * 60}};
    const auto d = race_days(race, false, policy, berlin);
    CHECK(d.timed);
    CHECK(d.blackout_start == LocalTime{Day{2026_y / 3 / 27}} + std::chrono::hours{8});
    CHECK(d.blackout_first == Day{2026_y / 3 / 27});
    CHECK(d.deep_until == Day{2026_y / 3 / 26});
    CHECK(d.moderate_at == LocalTime{Day{2026_y / 3 / 30}} + std::chrono::hours{9});
    CHECK(d.moderate_from == Day{2026_y / 3 / 30});
    // Without a zone, clock hours: 09:00 two days before.
    CHECK(race_days(race, false, policy, nullptr).blackout_start ==
          LocalTime{Day{2026_y / 3 / 27}} + std::chrono::hours{9});
  }
  SUBCASE("a date-only race two days after the change: 48 hours reach 23:00 the day before") {
    const Race race{Day{2026_y / 3 / 31}};
    const auto d = race_days(race, false, policy, berlin);
    CHECK(d.blackout_start == LocalTime{Day{2026_y / 3 / 28}} + std::chrono::hours{23});
    CHECK(d.blackout_first == Day{2026_y / 3 / 28});
    CHECK(d.deep_until == Day{2026_y / 3 / 27});
  }
  SUBCASE("the same instant asked in New York and in Berlin") {
    const auto* new_york = date::locate_zone("America/New_York");
    const Race in_berlin{Day{2026_y / 3 / 29}, std::chrono::minutes{9 * 60}};
    const Race in_new_york{Day{2026_y / 3 / 29}, std::chrono::minutes{3 * 60}};
    const auto b = race_days(in_berlin, false, policy, berlin);
    const auto n = race_days(in_new_york, false, policy, new_york);
    CHECK(berlin->to_sys(b.blackout_start) == new_york->to_sys(n.blackout_start));
    CHECK(new_york->to_sys(n.blackout_start) == date::sys_days{2026_y / 3 / 27} + std::chrono::hours{7});
  }
}

TEST_CASE("advise::race_days across the repeated autumn hour: 48 and 24 real hours") {
  const Policy policy;
  const auto* berlin = date::locate_zone("Europe/Berlin");
  SUBCASE("a blackout starting in the repeated hour is its second, CET, occurrence") {
    const auto d = race_days(Race{Day{2026_y / 10 / 27}, std::chrono::minutes{150}}, false, policy, berlin);
    CHECK(d.start_instant - d.blackout_instant == std::chrono::hours{48});
    CHECK(d.blackout_instant == date::sys_days{2026_y / 10 / 25} + std::chrono::minutes{90});
  }
  SUBCASE("24 hours after a start the day before land in the repeated hour's first occurrence") {
    const auto d = race_days(Race{Day{2026_y / 10 / 24}, std::chrono::minutes{3 * 60 + 30}}, false,
                             policy, berlin);
    CHECK(d.moderate_instant - d.start_instant == std::chrono::hours{24});
    CHECK(d.moderate_at == LocalTime{Day{2026_y / 10 / 25}} + std::chrono::minutes{150});
  }
}

TEST_CASE("advise::race_days for priorities (priority.a-race, priority.tune-up)") {
  const Policy policy;
  const auto a = race_days(Race{Day{2026_y / 4 / 12}}, false, policy, nullptr);
  const auto b = race_days(Race{Day{2026_y / 4 / 12}, std::nullopt, Priority::b}, false, policy,
                           nullptr);
  CHECK(a.full_plan());
  CHECK_FALSE(b.full_plan());
  // Both keep the 48-hour blackout and the 24-hour floor after the race.
  CHECK(b.blackout_first == a.blackout_first);
  CHECK(b.moderate_from == a.moderate_from);
  CHECK(b.deep_floor == a.deep_floor);
  // The tune-up drops the 3-day limit, the window and the post-race deep days.
  CHECK(a.deep_until == Day{2026_y / 4 / 9});
  CHECK(b.deep_until == Day{2026_y / 4 / 9});  // the day before the blackout: the same here
  CHECK(b.window_opens == b.blackout_first);
  CHECK(b.deep_to < b.deep_from);
  Policy short_blackout;
  short_blackout.blackout = std::chrono::hours{24};
  CHECK(race_days(Race{Day{2026_y / 4 / 12}}, false, short_blackout, nullptr).deep_until ==
        Day{2026_y / 4 / 9});
  CHECK(race_days(Race{Day{2026_y / 4 / 12}, std::nullopt, Priority::c}, false, short_blackout,
                  nullptr)
            .deep_until == Day{2026_y / 4 / 10});
}
