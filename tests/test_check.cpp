#include "advise/check.hpp"
#include "advise/render.hpp"

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

TEST_CASE("advise::check: hard workouts (training.no-stacking, training.run-after-deep)") {
  const Day thu{2026_y / 4 / 9};
  const Policy policy;
  auto workout_query = [&](Day on, Intensity intensity) {
    auto q = query({}, on, intensity);
    q.hard_workouts = {thu, thu};
    return q;
  };
  SUBCASE("deep work on the workout day is refused") {
    const auto q = workout_query(thu, Intensity::deep);
    const auto v = check(q, policy);
    CHECK(v.level == Level::avoid);
    REQUIRE(v.findings.size() == 1);
    CHECK(v.findings[0].reason == Reason::hard_workout_day);
    CHECK(v.findings[0].race == thu);
    CHECK(v.findings[0].rules == RuleList{training_no_stacking});
    CHECK(describe(v.findings[0], q.intensity, q.on) ==
          "deep work on Thu 2026-04-09 is on the day of the hard workout: do not stack them");
  }
  SUBCASE("deep work the day before is refused: the workout counts from 00:00") {
    const auto q = workout_query(Day{2026_y / 4 / 8}, Intensity::deep);
    const auto v = check(q, policy);
    CHECK(v.level == Level::avoid);
    REQUIRE(v.findings.size() == 1);
    CHECK(v.findings[0].reason == Reason::before_hard_workout);
    CHECK(v.findings[0].rules == RuleList{training_run_after_deep, training_no_stacking});
    CHECK(describe(v.findings[0], q.intensity, q.on) ==
          "deep work on Wed 2026-04-08 is less than 24 hours before the hard workout on Thu "
          "2026-04-09, counted from 00:00 that day: no run for a day after deep work");
  }
  SUBCASE("two days before, or the day after, nothing in the way") {
    for (const Day on : {Day{2026_y / 4 / 7}, Day{2026_y / 4 / 10}}) {
      const auto q = workout_query(on, Intensity::deep);
      const auto v = check(q, policy);
      CHECK(v.level == Level::ok);
      REQUIRE(v.findings.size() == 1);
      CHECK(v.findings[0].reason == Reason::clear_of_workouts);
    }
  }
  SUBCASE("moderate and light work are not limited by workouts") {
    const auto q = workout_query(thu, Intensity::moderate);
    const auto v = check(q, policy);
    CHECK(v.level == Level::ok);
    REQUIRE(v.findings.size() == 1);
    CHECK(describe(v.findings[0], q.intensity, q.on) ==
          "moderate work on Thu 2026-04-09: hard workouts limit deep work only");
  }
  SUBCASE("with a race, the workout adds its finding") {
    auto q = workout_query(thu, Intensity::deep);
    q.races = {Race{Day{2026_y / 4 / 19}}};
    const auto v = check(q, policy);
    CHECK(v.level == Level::avoid);
    REQUIRE(v.findings.size() == 2);
    CHECK(v.findings[0].reason == Reason::hard_workout_day);
    CHECK(v.findings[1].reason == Reason::clear_of_race);
  }
}

TEST_CASE("advise::check: conditions add cautions, never a diagnosis") {
  const Day sun{2026_y / 4 / 12};
  const Policy policy;
  SUBCASE("an acute ankle sprain (condition.ankle-sprain-acute)") {
    auto q = query({sun}, Day{2026_y / 4 / 2}, Intensity::deep);
    q.athlete.conditions = {Condition::ankle_sprain_acute};
    const auto v = check(q, policy);
    CHECK(v.level == Level::caution);
    REQUIRE(v.findings.size() == 2);
    CHECK(v.findings[0].reason == Reason::condition);
    CHECK(v.findings[0].condition == Condition::ankle_sprain_acute);
    CHECK(v.findings[0].rules ==
          RuleList{condition_ankle_sprain_acute, condition_physician_first});
    CHECK(describe(v.findings[0], q.intensity, q.on) ==
          "reported condition, ankle sprain, acute phase: no cross-friction or other deep work on "
          "a sprained ankle in its acute phase; let it rest; see a physician before booking");
  }
  SUBCASE("other injury: the physician first (condition.physician-first)") {
    auto q = query({sun}, Day{2026_y / 4 / 2}, Intensity::light);
    q.athlete.conditions = {Condition::other_injury};
    const auto v = check(q, policy);
    CHECK(v.level == Level::caution);
    CHECK(describe(v.findings[0], q.intensity, q.on) ==
          "reported condition, other injury or persistent pain: with an injury or a persistent "
          "problem, see a physician first, then a qualified massage therapist on the doctor's "
          "advice");
  }
  SUBCASE("the label is not said twice; Achilles keeps its capital letter") {
    auto q = query({sun}, Day{2026_y / 4 / 2}, Intensity::deep);
    q.athlete.conditions = {Condition::achilles_tendinitis};
    CHECK(describe(check(q, policy).findings[0], q.intensity, q.on) ==
          "reported condition, Achilles tendinitis: pressure massage on the calf and tendon; see "
          "a physician before booking");
  }
  SUBCASE("a hamstring risk changes the cadence only, not a booking") {
    auto q = query({sun}, Day{2026_y / 4 / 2}, Intensity::deep);
    q.athlete.conditions = {Condition::hamstring_risk};
    const auto v = check(q, policy);
    CHECK(v.level == Level::ok);
    CHECK(v.findings.size() == 1);
  }
  SUBCASE("a blackout still decides: avoid outranks the caution") {
    auto q = query({sun}, Day{2026_y / 4 / 11}, Intensity::deep);
    q.athlete.conditions = {Condition::shin_splints, Condition::runners_knee};
    const auto v = check(q, policy);
    CHECK(v.level == Level::avoid);
    REQUIRE(v.findings.size() == 3);
    CHECK(v.findings[0].reason == Reason::blackout);
    CHECK(v.findings[1].condition == Condition::shin_splints);
    CHECK(v.findings[2].condition == Condition::runners_knee);
  }
}

TEST_CASE("advise::describe: a tune-up has no pre-race window") {
  CheckQuery q;
  q.races = {Race{Day{2026_y / 4 / 12}, std::nullopt, Priority::b}};
  q.on = Day{2026_y / 4 / 5};
  q.intensity = Intensity::deep;
  q.today = Day{2026_y / 4 / 1};
  const auto v = check(q, Policy{});
  REQUIRE(v.findings.size() == 1);
  CHECK(describe(v.findings[0], q.intensity, q.on) ==
        "deep work on Sun 2026-04-05 is clear of the tune-up on Sun 2026-04-12: only its blackout "
        "and the day after it limit sessions");
}
