#include "advise/catalogue.hpp"

#include <doctest/doctest.h>
#include <fstream>
#include <set>
#include <sstream>

using namespace advise;

TEST_CASE("advise::catalogue rows") {
  SUBCASE("ids are unique, and each row says something and cites or is policy") {
    std::set<std::string_view> ids;
    for (const auto& r : catalogue()) {
      CAPTURE(r.id);
      CHECK(ids.insert(r.id).second);
      CHECK_FALSE(r.summary.empty());
      CHECK((r.basis == Basis::policy || !r.sources.empty()));
      CHECK(format_as(r.rule) == r.id);
    }
  }
  SUBCASE("pre-race.no-deep-48h: 48 hours, from smr") {
    const Rule& r = rule(RuleId::pre_race_no_deep_48h);
    CHECK(r.id == "pre-race.no-deep-48h");
    CHECK(r.basis == Basis::source);
    REQUIRE(r.figures().size() == 1);
    CHECK(format_figure(r.figures()[0], Policy{}) == "48 hours");
    CHECK(r.sources.contains(SourceKey::smr));
  }
  SUBCASE("figures follow the policy in force") {
    Policy p;
    p.blackout = std::chrono::hours{72};
    CHECK(format_figure(rule(RuleId::pre_race_no_deep_48h).figures()[0], p) == "72 hours");
  }
  SUBCASE("rows with no planner use yet still carry their figures and sources") {
    CHECK(format_figure(find_rule("training.run-after-deep")->figures()[0], Policy{}) ==
          "24 hours");
    CHECK(find_rule("training.run-after-deep")->sources.contains(SourceKey::massaggi));
    CHECK(find_rule("training.no-stacking")->sources.contains(SourceKey::smr));
    CHECK(format_figure(find_rule("training.soreness-48h")->figures()[0], Policy{}) ==
          "48 hours");
    CHECK(format_figure(find_rule("cadence.symptoms")->figures()[0], Policy{}) == "2 days");
    CHECK(find_rule("pre-race.cumulative")->sources.contains(SourceKey::smr));
    CHECK(find_rule("length.30")->sources.contains(SourceKey::smr));
    CHECK(format_figure(find_rule("length.90")->figures()[0], Policy{}) == "90 minutes");
    CHECK(format_figure(find_rule("technique.hard-block")->figures()[0], Policy{}) == "deep");
    CHECK(find_rule("cadence.maintenance")->basis == Basis::source);
  }
  SUBCASE("claims.timing-only names the disagreement without making the claim") {
    const Rule* r = find_rule("claims.timing-only");
    REQUIRE(r != nullptr);
    CHECK(r->basis == Basis::policy);
    CHECK(r->disagreement ==
          "nola and qi make a claim about what massage removes from tired muscles; rva calls that "
          "claim a myth. The program repeats neither side.");
  }
  SUBCASE("disagreements are named where the sources differ") {
    CHECK_FALSE(find_rule("pre-race.light-in-blackout")->disagreement.empty());
    CHECK_FALSE(find_rule("post-race.deep-days-2-3")->disagreement.empty());
    CHECK_FALSE(find_rule("cadence.build")->disagreement.empty());
    CHECK(find_rule("cadence.peak")->disagreement.empty());
  }
}

TEST_CASE("advise::find_rule and nearest_rule_ids") {
  CHECK(find_rule("cadence.peak") == &rule(RuleId::cadence_peak));
  CHECK(find_rule("cadence.Peak") == nullptr);
  CHECK(find_rule("") == nullptr);
  CHECK(nearest_rule_ids("cadence.peek") ==
        std::vector<std::string_view>{"cadence.peak", "cadence.base", "cadence.taper"});
  // Only what is close: post-race.no-deep-24h is six edits away.
  CHECK(nearest_rule_ids("pre-race.no-deep") == std::vector<std::string_view>{"pre-race.no-deep-48h"});
  CHECK(nearest_rule_ids("deep-by-3d") == std::vector<std::string_view>{"pre-race.deep-by-3d"});
  CHECK(nearest_rule_ids("nope").empty());
  CHECK(nearest_rule_ids("length", 2) == std::vector<std::string_view>{"length.90", "length.60"});
}

TEST_CASE("advise::catalogue: conditions and care") {
  SUBCASE("condition rows, their sources and figures") {
    CHECK(rule(RuleId::condition_not_diagnosis).basis == Basis::policy);
    CHECK(rule(RuleId::condition_physician_first).sources.contains(SourceKey::massaggi));
    CHECK(rule(RuleId::condition_it_band_acute).sources.contains(SourceKey::nola));
    const auto& fracture = rule(RuleId::condition_stress_fracture);
    REQUIRE(fracture.figures().size() == 2);
    CHECK(format_figure(fracture.figures()[0], Policy{}) == "42 days");
    CHECK(format_figure(fracture.figures()[1], Policy{}) == "56 days");
    CHECK(rule(RuleId::condition_ankle_sprain_acute).summary.find("cross-friction") !=
          std::string_view::npos);
    CHECK(rule(RuleId::condition_ankle_sprain_after).summary.find("cross-friction") !=
          std::string_view::npos);
    CHECK(rule(RuleId::condition_shin_splints).sources.contains(SourceKey::nola));
    CHECK(rule(RuleId::condition_achilles_tendinitis).summary ==
          "Achilles tendinitis: pressure massage on the calf and tendon.");
    CHECK(rule(RuleId::condition_runners_knee).summary.find("active release") !=
          std::string_view::npos);
    CHECK(format_figure(rule(RuleId::condition_hamstring_risk).figures()[0], Policy{}) ==
          "7 days");
    const auto& plantar = rule(RuleId::condition_plantar_fasciitis);
    CHECK(plantar.sources.contains(SourceKey::qi));
    CHECK(plantar.sources.contains(SourceKey::massaggi));
    CHECK(plantar.disagreement.find("self-massage") != std::string_view::npos);
  }
  SUBCASE("care rows cite what the sources say") {
    CHECK(rule(RuleId::care_hydrate).sources.contains(SourceKey::nola));
    CHECK(rule(RuleId::care_hydrate).sources.contains(SourceKey::smr));
    CHECK(rule(RuleId::care_light_meal).sources.contains(SourceKey::smr));
    CHECK(rule(RuleId::care_loose_clothes).sources.contains(SourceKey::nola));
    CHECK(rule(RuleId::care_discomfort_not_pain).summary.find("sharp pain") !=
          std::string_view::npos);
    CHECK(rule(RuleId::care_epsom_bath).sources.contains(SourceKey::smr));
    CHECK(format_as(Area::care) == "care");
    CHECK(format_as(Area::condition) == "condition");
  }
}

TEST_CASE("claims.timing-only: no row makes the lactic-acid claim") {
  // The claim and its usual wordings; the program states timing only.
  const std::array<std::string_view, 5> k_claim_words{"lactic", "toxin", "waste product",
                                                      "metabolic waste", "flush out"};
  auto append_lower = [](std::string& out, std::string_view s) {
    out.push_back(' ');
    for (const char c : s) out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  };
  for (const auto& r : catalogue()) {
    CAPTURE(r.id);
    std::string text;
    append_lower(text, r.summary);
    append_lower(text, r.disagreement);
    for (const auto& f : r.figures()) append_lower(text, f.name);
    for (const auto word : k_claim_words) {
      CAPTURE(word);
      CHECK(text.find(word) == std::string::npos);
    }
  }
}
