#include "advise/phase_choice.hpp"

#include <doctest/doctest.h>

using namespace advise;
using namespace date::literals;

namespace {
std::pair<Phase, PhaseFrom> phase_on(Day today, std::vector<Day> race_dates) {
  const Policy policy;
  std::vector<RaceDays> races;
  for (const auto d : race_dates) races.push_back(race_days(Race{d}, false, policy, nullptr));
  return choose_phase(races, today, policy);
}
}  // namespace

TEST_CASE("advise::choose_phase (phase.from-calendar)") {
  const Day race{2026_y / 4 / 12};
  using P = std::pair<Phase, PhaseFrom>;
  const auto calendar = PhaseFrom::race_calendar;
  CHECK(phase_on(race - date::days{1}, {race}) == P{Phase::taper, calendar});
  CHECK(phase_on(race - date::days{7}, {race}) == P{Phase::taper, calendar});
  CHECK(phase_on(race - date::days{8}, {race}) == P{Phase::peak, calendar});
  CHECK(phase_on(race - date::days{28}, {race}) == P{Phase::peak, calendar});
  CHECK(phase_on(race - date::days{29}, {race}) == P{Phase::build, calendar});
  CHECK(phase_on(race - date::days{84}, {race}) == P{Phase::build, calendar});
  CHECK(phase_on(race - date::days{85}, {race}) == P{Phase::base, calendar});
  SUBCASE("recovery from race day to the last post-race deep day") {
    CHECK(phase_on(race, {race}) == P{Phase::recovery, calendar});
    CHECK(phase_on(race + date::days{3}, {race}) == P{Phase::recovery, calendar});
    CHECK(phase_on(race + date::days{4}, {race}) == P{Phase::base, PhaseFrom::no_race});
  }
  SUBCASE("a race in its post-race days outranks the next one") {
    CHECK(phase_on(race + date::days{1}, {race, race + date::days{6}}) ==
          P{Phase::recovery, calendar});
  }
  SUBCASE("no race at all") {
    CHECK(phase_on(race, {}) == P{Phase::base, PhaseFrom::no_race});
  }
}
