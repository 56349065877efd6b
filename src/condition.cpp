#include "advise/condition.hpp"

namespace advise {

static_assert(indexed_by_enum(k_conditions, &ConditionInfo::condition),
              "k_conditions follows the Condition order");
static_assert(indexed_by_enum(k_symptom_names, &std::pair<std::string_view, Symptom>::second),
              "k_symptom_names follows the Symptom order");

const ConditionInfo& info(Condition condition) {
  return k_conditions[static_cast<std::size_t>(condition)];
}

std::string_view format_as(Condition condition) { return info(condition).name; }

std::string_view format_as(Symptom symptom) {
  return k_symptom_names[static_cast<std::size_t>(symptom)].first;
}

std::string_view label(Symptom symptom) {
  switch (symptom) {
    case Symptom::stiffness: return "unusual stiffness";
    case Symptom::lingering_ache: return "an ache lasting more than a couple of days";
    case Symptom::heavy_legs: return "heavy, sluggish runs";
  }
  return "?";
}

RuleList condition_rules(Condition condition) {
  const auto& c = info(condition);
  RuleList rules{c.rule};
  if (c.injury && c.rule != RuleId::condition_physician_first) {
    rules.push_back(RuleId::condition_physician_first);
  }
  return rules;
}

std::optional<Condition> parse_condition(std::string_view text) {
  return lookup_name(k_condition_names, text);
}

std::optional<Symptom> parse_symptom(std::string_view text) {
  return lookup_name(k_symptom_names, text);
}

std::optional<std::pair<Condition, Condition>> contradiction(ConditionSet conditions) {
  if (conditions.contains(Condition::ankle_sprain_acute) &&
      conditions.contains(Condition::ankle_sprain_after)) {
    return std::pair{Condition::ankle_sprain_acute, Condition::ankle_sprain_after};
  }
  return std::nullopt;
}

bool limits_deep_work(ConditionSet conditions) {
  return conditions.contains(Condition::it_band_acute) ||
         conditions.contains(Condition::stress_fracture) ||
         conditions.contains(Condition::ankle_sprain_acute);
}

bool any_injury(ConditionSet conditions) {
  bool any = false;
  conditions.for_each([&](Condition c) { any = any || info(c).injury; });
  return any;
}

}  // namespace advise
