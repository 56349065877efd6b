#include "advise/condition.hpp"

#include <doctest/doctest.h>

using namespace advise;
using enum RuleId;

TEST_CASE("advise::condition: names, labels and rules") {
  SUBCASE("each row parses back from its name and cites a condition rule") {
    for (const auto& c : k_conditions) {
      CAPTURE(c.name);
      CHECK(parse_condition(c.name) == c.condition);
      CHECK(format_as(c.condition) == c.name);
      CHECK(&info(c.condition) == &c);
      CHECK(rule(c.rule).area == Area::condition);
    }
  }
  SUBCASE("an injury brings condition.physician-first, a risk does not") {
    CHECK(condition_rules(Condition::it_band_acute) ==
          RuleList{condition_it_band_acute, condition_physician_first});
    CHECK(condition_rules(Condition::stress_fracture) ==
          RuleList{condition_stress_fracture, condition_physician_first});
    CHECK(condition_rules(Condition::ankle_sprain_acute) ==
          RuleList{condition_ankle_sprain_acute, condition_physician_first});
    CHECK(condition_rules(Condition::ankle_sprain_after) ==
          RuleList{condition_ankle_sprain_after, condition_physician_first});
    CHECK(condition_rules(Condition::shin_splints) ==
          RuleList{condition_shin_splints, condition_physician_first});
    CHECK(condition_rules(Condition::achilles_tendinitis) ==
          RuleList{condition_achilles_tendinitis, condition_physician_first});
    CHECK(condition_rules(Condition::runners_knee) ==
          RuleList{condition_runners_knee, condition_physician_first});
    CHECK(condition_rules(Condition::plantar_fasciitis) ==
          RuleList{condition_plantar_fasciitis, condition_physician_first});
    CHECK(condition_rules(Condition::hamstring_risk) == RuleList{condition_hamstring_risk});
    CHECK(condition_rules(Condition::other_injury) == RuleList{condition_physician_first});
  }
  SUBCASE("labels in the runner's words") {
    CHECK(info(Condition::it_band_acute).label == "IT band syndrome, acute pain");
    CHECK(info(Condition::other_injury).label == "other injury or persistent pain");
    CHECK(info(Condition::hamstring_risk).label == "hamstring strain risk");
  }
  SUBCASE("only the exact names parse") {
    CHECK_FALSE(parse_condition("IT-band-acute"));
    CHECK_FALSE(parse_condition("it-band"));
    CHECK_FALSE(parse_condition(""));
    CHECK_FALSE(parse_condition("shin-splints "));
  }
}

TEST_CASE("advise::condition: symptoms") {
  CHECK(parse_symptom("stiffness") == Symptom::stiffness);
  CHECK(parse_symptom("lingering-ache") == Symptom::lingering_ache);
  CHECK(parse_symptom("heavy-legs") == Symptom::heavy_legs);
  CHECK_FALSE(parse_symptom("heavy legs"));
  CHECK_FALSE(parse_symptom("Stiffness"));
  CHECK(format_as(Symptom::lingering_ache) == "lingering-ache");
  CHECK(label(Symptom::lingering_ache) == "an ache lasting more than a couple of days");
  CHECK(label(Symptom::heavy_legs) == "heavy, sluggish runs");
}

TEST_CASE("advise::EnumSet and any_injury") {
  ConditionSet set;
  CHECK(set.empty());
  CHECK_FALSE(any_injury(set));
  set.insert(Condition::hamstring_risk);
  CHECK_FALSE(any_injury(set));
  set.insert(Condition::shin_splints);
  set.insert(Condition::shin_splints);
  CHECK(any_injury(set));
  std::vector<Condition> seen;
  set.for_each([&](Condition c) { seen.push_back(c); });
  CHECK(seen == std::vector<Condition>{Condition::shin_splints, Condition::hamstring_risk});
  CHECK(set == ConditionSet{Condition::hamstring_risk, Condition::shin_splints});
  CHECK_FALSE(set.contains(Condition::other_injury));
}

TEST_CASE("advise::contradiction") {
  CHECK_FALSE(contradiction({}));
  CHECK_FALSE(contradiction({Condition::ankle_sprain_acute, Condition::shin_splints}));
  CHECK(contradiction({Condition::ankle_sprain_after, Condition::ankle_sprain_acute}) ==
        std::pair{Condition::ankle_sprain_acute, Condition::ankle_sprain_after});
}
