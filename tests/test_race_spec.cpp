#include "advise/race_spec.hpp"

#include <date/tz.h>
#include <doctest/doctest.h>

using namespace advise;
using namespace date::literals;
using std::chrono::hours;
using std::chrono::minutes;

TEST_CASE("advise::parse_race") {
  SUBCASE("date, time and priority") {
    const auto r = parse_race("2026-03-29T09:00@B");
    REQUIRE(r);
    CHECK(r->day == Day{2026_y / 3 / 29});
    CHECK(r->time == minutes{9 * 60});
    CHECK(r->priority == Priority::b);
  }
  SUBCASE("date only: A, no time") {
    const auto r = parse_race("2026-05-03");
    REQUIRE(r);
    CHECK_FALSE(r->time);
    CHECK(r->priority == Priority::a);
    CHECK(parse_race("2026-05-03@C")->priority == Priority::c);
    CHECK(parse_race("2026-05-03T23:59")->time == minutes{23 * 60 + 59});
  }
  SUBCASE("errors say what is wrong") {
    const std::string form =
        "is not a race in the form YYYY-MM-DD[THH:MM][@A|B|C] (for example 2026-03-29T09:00@B)";
    for (const auto* text : {"2026-03-29T9:00", "2026-03-29 09:00", "2026-03-29T09:00:00",
                             "2026-03-29T0900", "2026-3-29", "2026-03-29t09:00", "x",
                             "2026-03-29T09:0a"}) {
      CAPTURE(text);
      CHECK(parse_race(text).error() == form);
    }
    CHECK(parse_race("2026-03-29T24:00").error() ==
          "is not a valid race: the hour must be 00 to 23, not 24");
    CHECK(parse_race("2026-03-29T09:60").error() ==
          "is not a valid race: the minute must be 00 to 59, not 60");
    CHECK(parse_race("2026-03-29@D").error() ==
          "is not a valid race: the priority after @ must be A, B or C");
    CHECK(parse_race("2026-03-29@a")->priority == Priority::a);  // either case
    CHECK(parse_race("2026-03-29@c")->priority == Priority::c);
    CHECK(parse_race("2026-02-30T09:00").error() ==
          "is not a valid date: February 2026 has 28 days");
  }
}

TEST_CASE("advise::check_start") {
  const auto& berlin = *date::locate_zone("Europe/Berlin");
  SUBCASE("an ordinary start") {
    const auto c = check_start(*parse_race("2026-03-29T09:00"), berlin);
    REQUIRE(c);
    CHECK_FALSE(c->ambiguous);
  }
  SUBCASE("inside the spring-forward gap: refused") {
    CHECK(check_start(*parse_race("2026-03-29T02:30"), berlin).error() ==
          "does not exist in Europe/Berlin: the clocks go from 02:00 to 03:00 that night");
    const auto& new_york = *date::locate_zone("America/New_York");
    CHECK(check_start(*parse_race("2026-03-08T02:15"), new_york).error() ==
          "does not exist in America/New_York: the clocks go from 02:00 to 03:00 that night");
  }
  SUBCASE("the repeated autumn hour: the earlier instant, flagged") {
    const auto c = check_start(*parse_race("2026-10-25T02:30"), berlin);
    REQUIRE(c);
    CHECK(c->ambiguous);
    CHECK(format_iso(to_instant(parse_race("2026-10-25T02:30")->local_start(), &berlin), &berlin) ==
          "2026-10-25T02:30+02:00");
  }
  SUBCASE("past the zone data's last clock change: refused where clocks still change") {
    CHECK(check_start(*parse_race("2040-07-01T09:00"), berlin).error() ==
          "is after 2037-10-25, the last clock change this system's time-zone data has for "
          "Europe/Berlin, which keeps changing its clocks; give the race without a start time or a "
          "zone (--tz, or a tz cell in batch), or an earlier date");
    CHECK(check_start(*parse_race("2037-07-01T09:00"), berlin));
  }
  SUBCASE("a date-only race whose midnight is skipped starts when the day does") {
    const auto& santiago = *date::locate_zone("America/Santiago");
    CHECK(check_start(*parse_race("2026-09-06"), santiago));
    CHECK_FALSE(check_start(*parse_race("2026-09-06T00:30"), santiago));
  }
  SUBCASE("zones that no longer change their clocks are fine in any year") {
    CHECK(check_start(*parse_race("2150-07-01T09:00"), *date::locate_zone("Asia/Tokyo")));
    CHECK(check_start(*parse_race("2150-07-01T09:00"), *date::locate_zone("UTC")));
  }
}

TEST_CASE("advise::format_clock, format_iso, to_instant") {
  const auto* berlin = date::locate_zone("Europe/Berlin");
  const Instant winter = to_instant(LocalTime{Day{2026_y / 3 / 27}} + hours{8}, berlin);
  const Instant summer = to_instant(LocalTime{Day{2026_y / 3 / 29}} + hours{9}, berlin);
  CHECK(format_clock(winter, berlin) == "08:00 CET");
  CHECK(format_clock(summer, berlin) == "09:00 CEST");
  CHECK(format_iso(winter, berlin) == "2026-03-27T08:00+01:00");
  CHECK(summer == date::sys_days{2026_y / 3 / 29} + hours{7});
  // Without a zone the instant is the clock time itself.
  const Instant clock = to_instant(LocalTime{Day{2026_y / 3 / 29}} + hours{9}, nullptr);
  CHECK(format_clock(clock, nullptr) == "09:00");
  CHECK(format_iso(clock, nullptr) == "2026-03-29T09:00");
  CHECK(format_iso(to_instant(LocalTime{Day{2026_y / 7 / 1}} + hours{6}, date::locate_zone("America/St_Johns")),
                   date::locate_zone("America/St_Johns")) == "2026-07-01T06:00-02:30");
  // Local mean time: an offset with seconds is shown whole.
  const auto* kolkata = date::locate_zone("Asia/Kolkata");
  CHECK(format_iso(to_instant(LocalTime{Day{1900_y / 6 / 1}} + hours{9}, kolkata), kolkata) ==
        "1900-06-01T09:00+05:21:10");
  // The second 02:30 of the autumn change is CET, and says so.
  const Instant second = date::sys_days{2026_y / 10 / 25} + hours{1} + minutes{30};
  CHECK(format_iso(second, berlin) == "2026-10-25T02:30+01:00");
  CHECK(format_clock(second, berlin) == "02:30 CET");
}

TEST_CASE("advise::format_iso agrees with the date library across zones and centuries") {
  // The reference: date's own formatting of the local time and the offset.
  const auto reference = [](Instant instant, const date::time_zone* zone) {
    const auto info = zone->get_info(instant);
    const auto local = zone->to_local(instant);
    std::string out = date::format("%FT%R", local);
    if (local != date::floor<std::chrono::minutes>(local)) out += date::format(":%S", local);
    const auto m = info.offset.count() < 0 ? -info.offset.count() : info.offset.count();
    out += info.offset.count() < 0 ? '-' : '+';
    out += date::format("%H:%M", std::chrono::seconds{m});
    if (m % 60 != 0) out += date::format(":%S", std::chrono::seconds{m});
    return out;
  };
  int compared = 0;
  for (const char* name : {"Europe/Berlin", "America/St_Johns", "Asia/Kolkata", "Australia/Lord_Howe",
                           "Pacific/Chatham", "America/Sao_Paulo", "Africa/Monrovia", "UTC"}) {
    const auto* zone = date::locate_zone(name);
    // Every 2 days, 1 hour, 7 minutes and 13 seconds from 1850 to 2037.
    for (Instant t = date::sys_days{1850_y / 1 / 1}; t < date::sys_days{2037_y / 12 / 31};
         t += hours{49} + minutes{7} + std::chrono::seconds{13}) {
      CAPTURE(name);
      CAPTURE(t.time_since_epoch().count());
      REQUIRE(format_iso(t, zone) == reference(t, zone));
      ++compared;
    }
  }
  CHECK(compared > 250000);
}
