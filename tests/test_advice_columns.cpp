#include "advise/advice_columns.hpp"

#include <array>
#include <cstdint>
#include <date/tz.h>
#include <doctest/doctest.h>
#include <random>

using namespace advise;
using namespace date::literals;

namespace {

using Format = AdviceColumns::Format;

constexpr Day k_today = Day{2026_y / 12 / 6};

Query query_of(Day race, std::optional<Phase> phase, std::optional<Day> last,
               std::optional<Minutes> time = std::nullopt, Priority priority = Priority::a,
               const date::time_zone* zone = nullptr) {
  Query q;
  q.today = k_today;
  q.races.push_back(Race{race, time, priority});
  q.zone = zone;
  q.athlete.phase = phase;
  q.athlete.last_massage = last;
  return q;
}

}  // namespace

TEST_CASE("advise::AdviceColumns: a kept text is the text a fresh plan gives") {
  // Queries from a small space: races before, around and after the day a
  // race is over, starts at any hour in zones whose clocks jump (Samoa
  // skipped 2011-12-30; Berlin, New York and Lord Howe change in March and
  // April), every phase and none, massages due long ago and lately. Each
  // query comes with variants that differ from it in one part only, so that
  // a key that left a part out would hand one of them another's text.
  const std::array<const date::time_zone*, 5> zones{
      nullptr, date::locate_zone("Europe/Berlin"), date::locate_zone("Pacific/Apia"),
      date::locate_zone("Australia/Lord_Howe"), date::locate_zone("America/New_York")};
  const std::array<Day, 3> todays{k_today, Day{2012_y / 1 / 4}, Day{2026_y / 3 / 31}};
  const std::array<int, 7> starts{-1, 0, 30, 9 * 60, 23 * 60 + 30, 23 * 60 + 59, 2 * 60 + 30};
  std::mt19937 rng(20261206);  // mt19937's output is the same everywhere
  const auto draw = [&rng](std::size_t n) { return static_cast<std::size_t>(rng() % n); };
  // Part `part` of `q` drawn anew (8: all of them).
  auto redraw = [&](Query& q, unsigned part) {
    const bool all = part == 8;
    if (all || part == 0) {
      const Day old = q.today;
      q.today = todays[draw(todays.size())];
      if (!all && q.today != old) {  // the rest as far from today as before
        const auto shift = q.today - old;
        q.races.front().day += shift;
        if (q.athlete.last_massage) *q.athlete.last_massage += shift;
      }
    }
    if (q.races.empty()) q.races.emplace_back();
    Race& race = q.races.front();
    if (all || part == 1) race.day = q.today + date::days{static_cast<int>(draw(41)) - 25};
    if (all || part == 2) {
      const int start = starts[draw(starts.size())];
      race.time = start < 0 ? std::nullopt : std::optional<Minutes>(start);
    }
    if (all || part == 3) race.priority = static_cast<Priority>(draw(3));
    if (all || part == 4) q.zone = zones[draw(zones.size())];
    if (all || part == 5) {
      q.athlete.phase.reset();
      if (const auto p = draw(8); p < 7) q.athlete.phase = static_cast<Phase>(p);
    }
    if (all || part == 6) {
      q.athlete.experience.reset();
      if (const auto e = draw(5); e < 4) q.athlete.experience = static_cast<Experience>(e);
    }
    if (all || part == 7) {
      q.athlete.last_massage.reset();
      if (const auto back = draw(60); back < 50) {
        q.athlete.last_massage = q.today - date::days{static_cast<int>(back)};
      }
    }
  };
  for (const auto format : {Format::csv, Format::jsonl}) {
    for (const std::size_t memo : {AdviceColumns::k_default_memo_bytes, std::size_t{2048}}) {
      CAPTURE(static_cast<int>(format));
      CAPTURE(memo);
      AdviceColumns kept{Policy{}, format, memo};
      AdviceColumns fresh{Policy{}, format, 0};
      int asked = 0;
      for (int i = 0; i < 1500; ++i) {
        Query base;
        redraw(base, 8);
        for (unsigned part = 0; part <= 8; ++part) {
          Query q = base;
          if (part < 8) redraw(q, part);
          CAPTURE(i);
          CAPTURE(part);
          const std::string expected(fresh(q));
          REQUIRE(kept(q) == expected);
          ++asked;
        }
      }
      CHECK(fresh.planned() == static_cast<std::uint64_t>(asked));
      // Kept texts were handed out, not only kept.
      if (memo == AdviceColumns::k_default_memo_bytes) CHECK(kept.planned() + 4000 < static_cast<std::uint64_t>(asked));
    }
  }
}

TEST_CASE("advise::AdviceColumns: a race over before today counts as any other") {
  AdviceColumns columns{Policy{}, Format::csv};
  const auto berlin = date::locate_zone("Europe/Berlin");
  const std::string expected =
      ",2026-12-06,deep,60,,,,,,,,peak,cadence.peak cadence.due-now technique.hard-block length.60\n";
  // Six days ago and more, whatever its start, zone and priority: over.
  CHECK(columns(query_of(k_today - date::days{6}, Phase::peak, std::nullopt, Minutes{23 * 60 + 59},
                         Priority::a, berlin)) == expected);
  CHECK(columns(query_of(k_today - date::days{300}, Phase::peak, std::nullopt, std::nullopt,
                         Priority::c)) == expected);
  CHECK(columns.planned() == 1);
  // Five days ago it still counts (its post-race days may reach today).
  CHECK(columns(query_of(k_today - date::days{5}, Phase::peak, std::nullopt)) == expected);
  CHECK(columns.planned() == 2);
}

TEST_CASE("advise::AdviceColumns: a massage due before today counts as any other such day") {
  AdviceColumns columns{Policy{}, Format::csv};
  const Day over = k_today - date::days{40};
  const std::string due_now =
      ",2026-12-06,moderate,90,,,,,,,,base,cadence.base cadence.due-now technique.maintenance length.90\n";
  CHECK(columns(query_of(over, Phase::base, k_today - date::days{22})) == due_now);
  CHECK(columns(query_of(over, Phase::base, k_today - date::days{200})) == due_now);
  CHECK(columns.planned() == 1);
  // Due within the longest cadence (21 days in base): its day counts.
  CHECK(columns(query_of(over, Phase::base, k_today - date::days{3})) ==
        ",2026-12-24,moderate,90,,,,,,,,base,cadence.base technique.maintenance length.90\n");
  CHECK(columns(query_of(over, Phase::peak, k_today - date::days{21})) ==
        ",2026-12-06,deep,60,,,,,,,,peak,cadence.peak cadence.due-now technique.hard-block length.60\n");
  CHECK(columns.planned() == 3);
  // A race ahead: every day counts (here: a long gap makes a newcomer,
  // whose pre-race session comes early).
  CHECK(columns(query_of(k_today + date::days{20}, Phase::base, k_today - date::days{100})) !=
        columns(query_of(k_today + date::days{20}, Phase::base, k_today - date::days{30})));
  CHECK(columns.planned() == 5);
}

TEST_CASE("advise::AdviceColumns: queries beyond a batch row are planned every time") {
  AdviceColumns columns{Policy{}, Format::csv};
  Query q = query_of(k_today + date::days{30}, Phase::build, std::nullopt);
  q.races.push_back(Race{k_today + date::days{60}});
  const std::string first(columns(q));
  CHECK(columns(q) == first);
  CHECK(columns.planned() == 2);
  q.races.pop_back();
  q.hard_workouts.push_back(k_today + date::days{1});
  CHECK(columns(q) == columns(q));
  CHECK(columns.planned() == 4);
}

TEST_CASE("advise::AdviceColumns: JSONL is the rest of the row's object") {
  AdviceColumns columns{Policy{}, Format::jsonl};
  CHECK(columns(query_of(k_today - date::days{40}, Phase::base, std::nullopt)) ==
        R"(,"next_session":"2026-12-06","next_intensity":"moderate","next_minutes":90,)"
        R"("pre_race_session":null,"deep_until":null,"blackout_start":null,"post_light":null,)"
        R"("post_moderate":null,"post_deep_from":null,"post_deep_to":null,"plan_phase":"base",)"
        R"("rules":"cadence.base cadence.due-now technique.maintenance length.90"})"
        "\n");
}
