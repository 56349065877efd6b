#include "advise/render.hpp"

#include <doctest/doctest.h>
#include <fstream>
#include <sstream>
#include <algorithm>

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
      "Phase: peak, chosen from the race calendar (the next goal race is in 11 days); set it "
      "with --phase  [phase.from-calendar]\n"
      "Experience: regular\n"
      "\n"
      "Race Sun 2026-04-12, in 11 days\n"
      "  pre-race window   from Sun 2026-04-05, in 4 days, to Thu 2026-04-09: for the pre-race "
      "session, loosening work, moderate or lighter  [pre-race.window]\n"
      "  pre-race session  Thu 2026-04-09, in 8 days: moderate, 60 min  [pre-race.window, "
      "pre-race.session-day, technique.pre-race, length.60]\n"
      "                    loosening work, or lighter circulation work such as Swedish massage; "
      "nothing corrective; 60 min: a focused session, not a long one\n"
      "  deep work         until Thu 2026-04-09, in 8 days  [pre-race.deep-by-3d]\n"
      "  blackout          from Fri 2026-04-10 00:00 (in 9 days) until the start: no moderate or "
      "deep work  [pre-race.no-deep-48h, pre-race.date-only-start]\n"
      "  light work        avoid in the blackout; if anything, very light only (nola and smr "
      "disagree)  [pre-race.light-in-blackout]\n"
      "  light flush       Sun 2026-04-12, in 11 days, within a few hours of the finish: light, "
      "30 min  [post-race.light-flush, technique.post-race-flush, length.30]\n"
      "                    a very light flush of the legs; 30 min: even a short session helps\n"
      "  moderate work     from Mon 2026-04-13, in 12 days: moderate, 60 min  "
      "[post-race.moderate-from-24h, post-race.no-deep-24h, length.60]\n"
      "                    moderate, loosening post-race work; nothing deep yet; 60 min: a "
      "focused session on the areas that need it\n"
      "  deep work after   from Tue 2026-04-14, in 13 days, to Wed 2026-04-15: deep, 60 min  "
      "[post-race.deep-days-2-3, technique.post-race-deep, length.60]\n"
      "                    deep tissue work on any tightness the race left; 60 min: a focused "
      "session on the areas that need it\n"
      "\n"
      // Due Mon 04-06, inside a regular's seven-day window: the pre-race session.
      "Next session: Thu 2026-04-09, in 8 days: moderate, 60 min (the pre-race session for the "
      "race on Sun 2026-04-12; due Mon 2026-04-06)  [cadence.peak, pre-race.window, "
      "pre-race.session-day, technique.pre-race, length.60]\n"
      "  loosening work, or lighter circulation work such as Swedish massage; nothing "
      "corrective; 60 min: a focused session, not a long one\n";
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
        R"("caution","reason":"light-in-blackout","race":"2026-04-12","workout":null,)"
        R"("condition":null,"message":"light work on )"
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

TEST_CASE("advise::render_text: conditions, symptoms, hard workouts and --prepare") {
  Query q;
  q.today = Day{2026_y / 11 / 24};
  q.athlete.phase = Phase::base;
  q.athlete.last_massage = Day{2026_y / 11 / 10};
  q.athlete.conditions = {Condition::other_injury, Condition::plantar_fasciitis};
  q.athlete.symptoms = {Symptom::lingering_ache};
  q.hard_workouts = {Day{2026_y / 11 / 26}, Day{2026_y / 11 / 25}};
  q.prepare = true;
  const std::string expected =
      "Phase: base (as given)\n"
      "Experience: occasional (the default; set it with --experience)\n"
      "Symptoms: an ache lasting more than a couple of days: the next session as soon as "
      "possible, outside any race blackout  [cadence.symptoms]\n"
      "Hard workouts: Wed 2026-11-25, Thu 2026-11-26: no deep session on those days, nor the "
      "day before  [training.no-stacking, training.run-after-deep]\n"
      "\n"
      "Conditions, as cautions and not a diagnosis  [condition.not-diagnosis]\n"
      "  you report: plantar fasciitis; other injury or persistent pain\n"
      "  With an injury or a persistent problem, see a physician first, then a qualified massage "
      "therapist on the doctor's advice.  [condition.physician-first]\n"
      "  Plantar fasciitis: loosen the feet and calves; ask the therapist before treating it "
      "yourself.  [condition.plantar-fasciitis]\n"
      "    the sources disagree: qi suggests using a massage gun on the feet and calves at home; "
      "massaggi advises against self-massage and for a physician, then a therapist.\n"
      "\n"
      "Next session: Tue 2026-11-24, today: moderate, 90 min (as soon as possible, for the "
      "symptoms you report)  [cadence.base, cadence.symptoms, technique.maintenance, length.90]\n"
      "  a loosening sports massage for knots and small imbalances; 90 min: often the most "
      "effective length for runners\n"
      "  with the injuries you report, see a physician first and book on their advice  "
      "[condition.physician-first]\n"
      "\n"
      "Before and after each session\n"
      "  Drink well before the session: dehydrated muscles make the work more tender.  "
      "[care.hydrate]\n"
      "  Keep the meal before the session light.  [care.light-meal]\n"
      "  Wear comfortable, loose clothes.  [care.loose-clothes]\n"
      "  Deep pressure may feel uncomfortable, which is fine; sharp pain is not: tell the "
      "therapist at once.  [care.discomfort-not-pain]\n"
      "  An Epsom salt bath later that day may ease soreness.  [care.epsom-bath]\n"
      "  Some soreness after a session is normal and should clear within two days.  "
      "[training.soreness-48h]\n";
  CHECK(render_text(plan(q, Policy{})) == expected);
}

TEST_CASE("advise::render_json: conditions, symptoms, hard workouts and --prepare") {
  Query q;
  q.today = Day{2026_y / 11 / 24};
  q.athlete.phase = Phase::peak;
  q.athlete.last_massage = Day{2026_y / 11 / 17};
  q.athlete.conditions = {Condition::hamstring_risk};
  q.athlete.symptoms = {Symptom::stiffness};
  q.hard_workouts = {Day{2026_y / 11 / 25}};
  q.prepare = true;
  CHECK(render_json(plan(q, Policy{})) ==
        R"({"today":"2026-11-24","zone":null,"phase":{"name":"peak","from":"option"},)"
        R"("experience":{"name":"occasional","given":false,"long_gap":false,)"
        R"("long_gap_days":90},"last_massage":"2026-11-17","conditions":[{"name":"hamstring-risk","label":)"
        R"("hamstring strain risk","physician_first":false,"rules":["condition.hamstring-risk"],)"
        R"("disagreement":null}],"symptoms":["stiffness"],"hard_workouts":["2026-11-25"],)"
        R"("care":["care.hydrate","care.light-meal","care.loose-clothes",)"
        R"("care.discomfort-not-pain","care.epsom-bath","training.soreness-48h"],"races":[],)"
        // Deep work waits for the workout; the symptoms want a session now: moderate.
        R"("next_session":{"item":"next-session","from":"2026-11-24","to":"2026-11-24",)"
        R"("at":null,"intensity":"moderate","minutes":60,"technique":"loosening","rules":[)"
        R"("cadence.peak","cadence.symptoms","technique.maintenance","length.60",)"
        R"("training.run-after-deep"],)"
        R"("conflict_race":null,"conflict_workout":null,"cancelled":false,"passed":false,)"
        R"("due":"2026-11-24","latest":null,"due_now":true,"moved_for":null,)"
        R"("moved_for_workout":null,"symptoms":true,"lighter":true,"race":null,)"
        R"("after_race":false}})"
        "\n");
}

TEST_CASE("advise::render_conditions_text") {
  const auto text = render_conditions_text();
  CHECK(text.starts_with("it-band-acute        IT band syndrome, acute pain         "
                         "[condition.it-band-acute, condition.physician-first]\n"));
  CHECK(text.find("hamstring-risk       hamstring strain risk                "
                  "[condition.hamstring-risk]\n") != std::string::npos);
  CHECK(std::count(text.begin(), text.end(), '\n') == 10);
}

TEST_CASE("advise::render: policy figures come from the Policy in force") {
  Query q;
  q.today = Day{2026_y / 11 / 24};
  q.athlete.phase = Phase::base;
  q.athlete.conditions = {Condition::stress_fracture};
  q.athlete.last_massage = Day{2026_y / 9 / 1};  // 84 days ago
  Policy policy;
  const auto text = render_text(plan(q, policy));
  CHECK(text.find("\n    figures: healing takes at least: 42 days; healing takes at most: 56 days\n") !=
        std::string::npos);
  CHECK(render_json(plan(q, policy)).find(R"("long_gap":false,"long_gap_days":90})") !=
        std::string::npos);
  policy.long_gap = date::days{60};  // experience.long-gap is the program's own figure
  policy.fracture_heals_max = date::days{63};
  CHECK(render_json(plan(q, policy)).find(R"("long_gap":true,"long_gap_days":60})") !=
        std::string::npos);
  const auto changed = render_text(plan(q, policy));
  CHECK(changed.find("healing takes at most: 63 days") != std::string::npos);
  CHECK(changed.find("counts as a long gap (more than 60 days, the program's own threshold)  "
                     "[experience.long-gap]") != std::string::npos);
}
