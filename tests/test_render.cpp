#include "advise/render.hpp"

#include <doctest/doctest.h>
#include <fstream>
#include <sstream>

using namespace advise;
using namespace date::literals;

namespace {
std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}
}  // namespace

TEST_CASE("advise::render_text of a plan") {
  Query q;
  q.races = {Race{Day{2026_y / 4 / 12}}};
  q.today = Day{2026_y / 4 / 1};
  q.athlete.last_massage = Day{2026_y / 3 / 30};
  q.athlete.experience = Experience::regular;
  const std::string expected =
      "Phase: peak, chosen from the race calendar (the next race is in 11 days); set it with "
      "--phase  [phase.from-calendar]\n"
      "Experience: regular\n"
      "\n"
      "Race Sun 2026-04-12, in 11 days\n"
      "  pre-race window   from Sun 2026-04-05, in 4 days, to Thu 2026-04-09: loosening work, "
      "moderate or lighter  [pre-race.window]\n"
      "  pre-race session  Thu 2026-04-09, in 8 days: moderate, 60 min  [pre-race.window, "
      "pre-race.session-day, technique.pre-race, length.60]\n"
      "  deep work         until Thu 2026-04-09, in 8 days  [pre-race.deep-by-3d]\n"
      "  blackout          from Fri 2026-04-10 00:00 (in 9 days) until the start: no moderate or "
      "deep work  [pre-race.no-deep-48h, pre-race.date-only-start]\n"
      "  light work        avoid in the blackout; if anything, very light only (nola and smr "
      "disagree)  [pre-race.light-in-blackout]\n"
      "  light flush       Sun 2026-04-12, in 11 days, within a few hours of the finish: light, "
      "30 min  [post-race.light-flush, technique.post-race-flush, length.30]\n"
      "  moderate work     from Mon 2026-04-13, in 12 days: moderate, 60 min  "
      "[post-race.moderate-from-24h, post-race.no-deep-24h, length.60]\n"
      "  deep work after   from Tue 2026-04-14, in 13 days, to Wed 2026-04-15: deep, 60 min  "
      "[post-race.deep-days-2-3, technique.post-race-deep, length.60]\n"
      "\n"
      // Due Mon 04-06, inside a regular's seven-day window: the pre-race session.
      "Next session: Thu 2026-04-09, in 8 days: moderate, 60 min (the pre-race session for the "
      "race on Sun 2026-04-12; due Mon 2026-04-06)  [cadence.peak, pre-race.window, "
      "pre-race.session-day, technique.pre-race, length.60]\n";
  CHECK(render_text(plan(q, Policy{})) == expected);
}

TEST_CASE("advise::render_json of a check") {
  CheckQuery q;
  q.races = {Race{Day{2026_y / 4 / 12}}};
  q.on = Day{2026_y / 4 / 11};
  q.intensity = Intensity::light;
  q.today = Day{2026_y / 4 / 1};
  CHECK(render_json(check(q, Policy{}), q) ==
        R"({"verdict":"caution","on":"2026-04-11","intensity":"light","findings":[{"level":)"
        R"("caution","reason":"light-in-blackout","race":"2026-04-12","message":"light work on )"
        R"(Sat 2026-04-11 falls in the blackout before the race on Sun 2026-04-12: the sources )"
        R"(disagree; if anything, very light only","rules":["pre-race.light-in-blackout",)"
        R"("pre-race.no-deep-48h"]}]})"
        "\n");
}

TEST_CASE("docs/rules.md matches the catalogue") {
  const auto doc = read_file(ADVISE_SOURCE_DIR "/docs/rules.md");
  INFO("docs/rules.md is out of date: regenerate it with "
       "`build/advise rules --format markdown > docs/rules.md`");
  CHECK(doc == render_rules_markdown(Policy{}));
}
