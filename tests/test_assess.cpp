#include "advise/assess.hpp"

#include <date/tz.h>
#include <doctest/doctest.h>

using namespace advise;
using namespace date::literals;
using enum RuleId;

namespace {

struct Row {
  Day day;
  Intensity intensity;
  Newcomer newcomer;
  Level level;
  Reason reason;
  RuleList rules;
};

constexpr auto light = Intensity::light;
constexpr auto moderate = Intensity::moderate;
constexpr auto deep = Intensity::deep;
const Newcomer usual{};
const Newcomer first_time{true, std::nullopt, date::days{90}};
// Last massage 2025-12-01: more than 90 days before any day of April 2026.
const Newcomer long_gap{false, Day{2025_y / 12 / 1}, date::days{90}};

}  // namespace

TEST_CASE("advise::assess against a tune-up (priority.tune-up)") {
  const auto days =
      race_days(Race{Day{2026_y / 4 / 12}, std::nullopt, Priority::c}, false, Policy{}, nullptr);
  // The blackout and the race-day floor stay.
  CHECK(assess(Day{2026_y / 4 / 11}, deep, days, usual).level == Level::avoid);
  CHECK(assess(Day{2026_y / 4 / 12}, moderate, days, usual).level == Level::avoid);
  CHECK(assess(Day{2026_y / 4 / 13}, deep, days, usual).level == Level::caution);
  // No 3-day limit, no newcomer week, no recommended deep days.
  const auto before = assess(Day{2026_y / 4 / 9}, deep, days, first_time);
  CHECK(before.level == Level::ok);
  CHECK(before.rules == RuleList{priority_tune_up});
  const auto after = assess(Day{2026_y / 4 / 14}, deep, days, usual);
  CHECK(after.reason == Reason::after_race);
  CHECK(after.rules == RuleList{priority_tune_up});
}

TEST_CASE("advise::assess against a date-only race on Sun 2026-04-12") {
  const auto days = race_days(Race{Day{2026_y / 4 / 12}}, false, Policy{}, nullptr);
  const std::vector<Row> rows{
      // pre-race.no-deep-48h, pre-race.date-only-start: the blackout is Fri and Sat.
      {Day{2026_y / 4 / 10}, deep, usual, Level::avoid, Reason::blackout,
       {pre_race_no_deep_48h, pre_race_date_only_start}},
      {Day{2026_y / 4 / 11}, moderate, usual, Level::avoid, Reason::blackout,
       {pre_race_no_deep_48h, pre_race_date_only_start}},
      // pre-race.light-in-blackout: the sources disagree, so caution.
      {Day{2026_y / 4 / 11}, light, usual, Level::caution, Reason::light_in_blackout,
       {pre_race_light_in_blackout, pre_race_no_deep_48h}},
      // pre-race.deep-by-3d: Thursday is the last day for deep work.
      {Day{2026_y / 4 / 9}, deep, usual, Level::ok, Reason::deep_in_time, {pre_race_deep_by_3d}},
      {Day{2026_y / 4 / 9}, moderate, usual, Level::ok, Reason::pre_race_window,
       {pre_race_window, technique_pre_race}},
      {Day{2026_y / 4 / 7}, light, usual, Level::ok, Reason::pre_race_window,
       {pre_race_window, technique_pre_race}},
      {Day{2026_y / 4 / 6}, moderate, usual, Level::ok, Reason::clear_of_race, {pre_race_window}},
      {Day{2026_y / 3 / 1}, deep, usual, Level::ok, Reason::clear_of_race, {pre_race_deep_by_3d}},
      // pre-race.no-first-deep-race-week, experience.long-gap
      {Day{2026_y / 4 / 6}, deep, first_time, Level::avoid, Reason::newcomer_race_week,
       {pre_race_no_first_deep_race_week}},
      {Day{2026_y / 4 / 5}, deep, long_gap, Level::avoid, Reason::newcomer_race_week,
       {pre_race_no_first_deep_race_week, experience_long_gap}},
      {Day{2026_y / 4 / 4}, deep, first_time, Level::ok, Reason::clear_of_race,
       {pre_race_deep_by_3d}},
      {Day{2026_y / 4 / 5}, moderate, first_time, Level::ok, Reason::clear_of_race,
       {pre_race_window}},
      // post-race.light-flush on race day; nothing more.
      {Day{2026_y / 4 / 12}, light, usual, Level::ok, Reason::race_day_flush,
       {post_race_light_flush}},
      {Day{2026_y / 4 / 12}, moderate, usual, Level::avoid, Reason::race_day_too_soon,
       {post_race_no_deep_24h, post_race_moderate_from_24h}},
      {Day{2026_y / 4 / 12}, deep, usual, Level::avoid, Reason::race_day_too_soon,
       {post_race_no_deep_24h, post_race_moderate_from_24h}},
      // post-race.moderate-from-24h; deep the day after meets massaggi's floor only.
      {Day{2026_y / 4 / 13}, moderate, usual, Level::ok, Reason::day_after_moderate,
       {post_race_moderate_from_24h}},
      {Day{2026_y / 4 / 13}, deep, usual, Level::caution, Reason::day_after_deep_early,
       {post_race_no_deep_24h, post_race_deep_days_2_3}},
      // post-race.deep-days-2-3, technique.post-race-deep
      {Day{2026_y / 4 / 14}, deep, usual, Level::ok, Reason::post_race_deep_window,
       {post_race_deep_days_2_3, technique_post_race_deep}},
      {Day{2026_y / 4 / 15}, deep, usual, Level::ok, Reason::post_race_deep_window,
       {post_race_deep_days_2_3, technique_post_race_deep}},
      {Day{2026_y / 4 / 15}, moderate, usual, Level::ok, Reason::day_after_moderate,
       {post_race_moderate_from_24h}},
      {Day{2026_y / 4 / 16}, deep, usual, Level::ok, Reason::after_race, {post_race_deep_days_2_3}},
  };
  for (const auto& row : rows) {
    CAPTURE(format_day(row.day));
    CAPTURE(row.intensity);
    const auto f = assess(row.day, row.intensity, days, row.newcomer);
    CHECK(f.level == row.level);
    CHECK(f.reason == row.reason);
    CHECK(f.rules == row.rules);
    CHECK(f.race == Day{2026_y / 4 / 12});
  }
}

TEST_CASE("advise::assess splits the days a timed race's hours cut through") {
  const auto* berlin = date::locate_zone("Europe/Berlin");
  SUBCASE("the blackout starts 08:00 CET on Friday: only a session ending before it") {
    const auto days =
        race_days(Race{Day{2026_y / 3 / 29}, std::chrono::minutes{9 * 60}}, false, Policy{}, berlin);
    const auto f = assess(Day{2026_y / 3 / 27}, moderate, days, usual);
    CHECK(f.level == Level::caution);
    CHECK(f.reason == Reason::before_blackout_only);
    CHECK(f.rules == RuleList{pre_race_no_deep_48h});
    CHECK(f.at == days.blackout_instant);
    CHECK(assess(Day{2026_y / 3 / 28}, moderate, days, usual).level == Level::avoid);
    // Light work too is outside the blackout until it starts (it was called
    // in the blackout all day until 2026-12-05).
    CHECK(assess(Day{2026_y / 3 / 27}, Intensity::light, days, usual).reason == Reason::before_blackout_only);
    CHECK(assess(Day{2026_y / 3 / 28}, Intensity::light, days, usual).reason == Reason::light_in_blackout);
  }
  SUBCASE("deep work that morning is past the last day for it (pre-race.deep-by-3d), as the plan says") {
    const auto days =
        race_days(Race{Day{2026_y / 3 / 29}, std::chrono::minutes{9 * 60}}, false, Policy{}, berlin);
    CHECK(days.deep_until == Day{2026_y / 3 / 26});
    const auto f = assess(Day{2026_y / 3 / 27}, deep, days, usual);
    CHECK(f.level == Level::avoid);
    CHECK(f.reason == Reason::deep_too_late);
    CHECK(f.rules == RuleList{pre_race_deep_by_3d, pre_race_no_deep_48h});
    CHECK(assess(Day{2026_y / 3 / 26}, deep, days, usual).reason == Reason::deep_in_time);
    // A tune-up has no last day for deep work of its own: its blackout alone.
    const auto b = race_days(Race{Day{2026_y / 3 / 29}, std::chrono::minutes{9 * 60}, Priority::b}, false,
                             Policy{}, berlin);
    const auto t = assess(Day{2026_y / 3 / 27}, deep, b, usual);
    CHECK(t.level == Level::caution);
    CHECK(t.reason == Reason::before_blackout_only);
  }
  SUBCASE("a 23:59 start: the day after is inside the 24 hours until 23:59") {
    const auto days = race_days(Race{Day{2026_y / 3 / 29}, std::chrono::minutes{23 * 60 + 59}}, false,
                                Policy{}, berlin);
    const auto m = assess(Day{2026_y / 3 / 30}, moderate, days, usual);
    CHECK(m.level == Level::caution);
    CHECK(m.reason == Reason::moderate_from_time);
    CHECK(m.rules == RuleList{post_race_moderate_from_24h});
    const auto d = assess(Day{2026_y / 3 / 30}, deep, days, usual);
    CHECK(d.level == Level::caution);
    CHECK(d.at == days.deep_instant);
    CHECK(assess(Day{2026_y / 3 / 31}, moderate, days, usual).level == Level::ok);
  }
}

TEST_CASE("advise::out_of_reach only where assess finds every session ok") {
  // Every day from 40 before to 40 after races of each priority, date-only
  // and timed (early, late, in Berlin across the spring change), for usual
  // runners, first-timers and a long gap: out_of_reach() must imply ok.
  const auto* berlin = date::locate_zone("Europe/Berlin");
  const Day race_day{2026_y / 3 / 29};
  int reached = 0, out = 0, wrong = 0;
  for (const auto priority : {Priority::a, Priority::b, Priority::c}) {
    for (const std::optional<Minutes> time :
         {std::optional<Minutes>{}, std::optional<Minutes>{Minutes{0}}, std::optional<Minutes>{Minutes{2 * 60 + 30}},
          std::optional<Minutes>{Minutes{9 * 60}}, std::optional<Minutes>{Minutes{23 * 60 + 59}}}) {
      for (const auto* zone : {static_cast<const date::time_zone*>(nullptr), berlin}) {
        for (const bool regular : {false, true}) {
          const auto days = race_days(Race{race_day, time, priority}, regular, Policy{}, zone);
          for (int k = -40; k <= 40; ++k) {
            const Day day = race_day + date::days{k};
            if (!out_of_reach(day, days)) {
              ++reached;
              continue;
            }
            ++out;
            for (const auto intensity : {light, moderate, deep}) {
              for (const auto& who : {usual, first_time, long_gap}) {
                const auto f = assess(day, intensity, days, who);
                if (f.level != Level::ok) {
                  ++wrong;
                  CAPTURE(k);
                  CHECK(f.level == Level::ok);
                }
              }
            }
          }
        }
      }
    }
  }
  CHECK(wrong == 0);
  CHECK(out > 3000);    // most days are out of reach ...
  CHECK(reached > 300);  // ... and the race's own days are not
}
