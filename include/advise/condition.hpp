// What the runner reports about their body: conditions (injuries and risks)
// and symptoms. The program gives cautions for them, never a diagnosis; each
// condition maps to the catalogue row whose advice it brings in.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

#include "advise/catalogue.hpp"
#include "advise/vocabulary.hpp"

namespace advise {

enum class Condition : std::uint8_t {
  it_band_acute,
  stress_fracture,
  ankle_sprain_acute,
  ankle_sprain_after,
  shin_splints,
  achilles_tendinitis,
  runners_knee,
  hamstring_risk,
  plantar_fasciitis,
  other_injury,
};

// Unusual stiffness, an ache lasting more than a couple of days, heavy and
// sluggish runs: each means booking sooner (cadence.symptoms).
enum class Symptom : std::uint8_t { stiffness, lingering_ache, heavy_legs };

struct ConditionInfo {
  Condition condition;
  std::string_view name;   // as --condition takes it: "it-band-acute"
  std::string_view label;  // in the runner's words: "IT band syndrome, acute pain"
  RuleId rule;             // what the sources say to do
  bool injury;             // see a physician first (condition.physician-first)
};

inline constexpr std::array<ConditionInfo, 10> k_conditions{{
    {Condition::it_band_acute, "it-band-acute", "IT band syndrome, acute pain",
     RuleId::condition_it_band_acute, true},
    {Condition::stress_fracture, "stress-fracture", "suspected stress fracture",
     RuleId::condition_stress_fracture, true},
    {Condition::ankle_sprain_acute, "ankle-sprain-acute", "ankle sprain, acute phase",
     RuleId::condition_ankle_sprain_acute, true},
    {Condition::ankle_sprain_after, "ankle-sprain-after", "ankle sprain, after the acute phase",
     RuleId::condition_ankle_sprain_after, true},
    {Condition::shin_splints, "shin-splints", "shin splints", RuleId::condition_shin_splints,
     true},
    {Condition::achilles_tendinitis, "achilles-tendinitis", "Achilles tendinitis",
     RuleId::condition_achilles_tendinitis, true},
    {Condition::runners_knee, "runners-knee", "runner's knee", RuleId::condition_runners_knee,
     true},
    {Condition::hamstring_risk, "hamstring-risk", "hamstring strain risk",
     RuleId::condition_hamstring_risk, false},
    {Condition::plantar_fasciitis, "plantar-fasciitis", "plantar fasciitis",
     RuleId::condition_plantar_fasciitis, true},
    {Condition::other_injury, "other-injury", "other injury or persistent pain",
     RuleId::condition_physician_first, true},
}};

inline constexpr std::array<std::pair<std::string_view, Symptom>, 3> k_symptom_names{{
    {"stiffness", Symptom::stiffness},
    {"lingering-ache", Symptom::lingering_ache},
    {"heavy-legs", Symptom::heavy_legs},
}};

// The condition names as a lookup table, for parsing and help: "it-band-acute|...".
inline constexpr auto k_condition_names = [] {
  std::array<std::pair<std::string_view, Condition>, k_conditions.size()> names{};
  for (std::size_t i = 0; i < k_conditions.size(); ++i) {
    names[i] = {k_conditions[i].name, k_conditions[i].condition};
  }
  return names;
}();

const ConditionInfo& info(Condition condition);
std::string_view format_as(Condition condition);
std::string_view format_as(Symptom symptom);
// "unusual stiffness".
std::string_view label(Symptom symptom);

// The rules behind a condition's advice: its own row, then
// condition.physician-first for an injury (once, when that is its own row).
RuleList condition_rules(Condition condition);

std::optional<Condition> parse_condition(std::string_view text);
std::optional<Symptom> parse_symptom(std::string_view text);

// A small set of enumerators, iterated in enumerator order.
template <typename E, std::size_t N>
class EnumSet {
 public:
  constexpr EnumSet() = default;
  constexpr EnumSet(std::initializer_list<E> values) {
    for (const auto v : values) insert(v);
  }
  constexpr void insert(E value) { m_bits |= bit(value); }
  constexpr bool contains(E value) const { return (m_bits & bit(value)) != 0; }
  constexpr bool empty() const { return m_bits == 0; }
  friend constexpr bool operator==(EnumSet, EnumSet) = default;

  // Calls f(E) for each member, in enumerator order.
  template <typename F>
  constexpr void for_each(F&& f) const {
    for (std::size_t i = 0; i < N; ++i) {
      if ((m_bits & (1U << i)) != 0) f(static_cast<E>(i));
    }
  }

 private:
  static constexpr std::uint32_t bit(E v) { return 1U << static_cast<unsigned>(v); }
  std::uint32_t m_bits = 0;
};

using ConditionSet = EnumSet<Condition, k_conditions.size()>;
using SymptomSet = EnumSet<Symptom, k_symptom_names.size()>;

// Two conditions that cannot both hold now (a sprain in its acute phase and
// after it), or nullopt.
std::optional<std::pair<Condition, Condition>> contradiction(ConditionSet conditions);

// Whether any member rules deep work out on the injured area for now (acute
// IT band, a suspected fracture, a sprain in its acute phase).
bool limits_deep_work(ConditionSet conditions);

// Whether any member needs a physician first.
bool any_injury(ConditionSet conditions);

}  // namespace advise

#include "advise/formatting.hpp"  // IWYU pragma: export
