// The rule catalogue: one row of data per rule. The planner cites rows by
// RuleId; `advise rules`, `advise explain` and docs/rules.md print the same rows.
#pragma once

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <date/date.h>
#include <initializer_list>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "advise/policy.hpp"
#include "advise/sources.hpp"

namespace advise {

// One enumerator per catalogue row, in the catalogue's order.
enum class RuleId : std::uint8_t {
  pre_race_no_deep_48h,
  pre_race_date_only_start,
  pre_race_deep_by_3d,
  pre_race_window,
  pre_race_session_day,
  pre_race_light_in_blackout,
  pre_race_newcomer_early,
  pre_race_no_first_deep_race_week,
  pre_race_cumulative,
  experience_long_gap,
  post_race_light_flush,
  post_race_no_deep_24h,
  post_race_moderate_from_24h,
  post_race_deep_days_2_3,
  training_run_after_deep,
  training_no_stacking,
  training_soreness_48h,
  cadence_peak,
  cadence_build,
  cadence_base,
  cadence_maintenance,
  cadence_off_season,
  cadence_taper,
  cadence_recovery,
  cadence_due_now,
  cadence_symptoms,
  phase_from_calendar,
  priority_a_race,
  priority_tune_up,
  length_90,
  length_60,
  length_30,
  technique_hard_block,
  technique_maintenance,
  technique_pre_race,
  technique_post_race_flush,
  technique_post_race_deep,
  condition_not_diagnosis,
  condition_physician_first,
  condition_it_band_acute,
  condition_stress_fracture,
  condition_ankle_sprain_acute,
  condition_ankle_sprain_after,
  condition_shin_splints,
  condition_achilles_tendinitis,
  condition_runners_knee,
  condition_hamstring_risk,
  condition_plantar_fasciitis,
  care_hydrate,
  care_light_meal,
  care_loose_clothes,
  care_discomfort_not_pain,
  care_epsom_bath,
  claims_timing_only,  // the last: k_rule_count counts up to it
};

inline constexpr std::size_t k_rule_count = static_cast<std::size_t>(RuleId::claims_timing_only) + 1;

// The rule ids behind one piece of advice: a small value with no heap
// allocation, since the planner makes many of them for every athlete.
class RuleList {
 public:
  static constexpr std::size_t k_capacity = 12;
  static_assert(k_capacity < 256, "the size is kept in one byte");

  constexpr RuleList() = default;
  // One check, then the copy: a list of constants becomes a few constant
  // stores the compiler can merge, so that copying it later does not stall.
  constexpr RuleList(std::initializer_list<RuleId> ids) {
    if (ids.size() > k_capacity) throw std::length_error("RuleList is full");
    std::copy(ids.begin(), ids.end(), m_ids.begin());
    m_size = static_cast<std::uint8_t>(ids.size());
  }

  // Throws std::length_error past k_capacity (no advice cites that many).
  constexpr void push_back(RuleId id) {
    if (m_size == k_capacity) throw std::length_error("RuleList is full");
    m_ids[m_size++] = id;
  }
  constexpr void insert(const RuleId* at, RuleId id) {
    const auto index = static_cast<std::size_t>(at - m_ids.data());
    push_back(id);
    for (std::size_t i = m_size - 1; i > index; --i) m_ids[i] = m_ids[i - 1];
    m_ids[index] = id;
  }

  constexpr const RuleId* begin() const { return m_ids.data(); }
  constexpr const RuleId* end() const { return m_ids.data() + m_size; }
  constexpr std::size_t size() const { return m_size; }
  constexpr bool empty() const { return m_size == 0; }
  constexpr RuleId front() const { return m_ids[0]; }
  constexpr RuleId operator[](std::size_t i) const { return m_ids[i]; }

  friend constexpr bool operator==(const RuleList& a, const RuleList& b) {
    if (a.m_size != b.m_size) return false;
    for (std::size_t i = 0; i < a.m_size; ++i) {
      if (a.m_ids[i] != b.m_ids[i]) return false;
    }
    return true;
  }

 private:
  std::array<RuleId, k_capacity> m_ids{};
  std::uint8_t m_size = 0;
};

// Backed by the sources it cites, or the program's own choice (which may
// still cite the sources that motivate it).
enum class Basis { source, policy };

enum class Area {
  pre_race,
  post_race,
  training,
  cadence,
  phase,
  priority,
  length,
  technique,
  condition,
  care,
  claims
};

// A figure of a rule, read from the Policy in force so that a policy file
// changes what `explain` shows along with what the planner does.
using FigureField = std::variant<std::chrono::hours Policy::*, date::days Policy::*,
                                 std::chrono::minutes Policy::*, Intensity Policy::*>;

struct Figure {
  std::string_view name;
  FigureField field;
};

struct Rule {
  RuleId rule;
  std::string_view id;       // stable: scripts and docs refer to it
  Area area;
  Basis basis;
  std::string_view summary;  // one line in plain words
  SourceSet sources;
  std::array<Figure, 4> figure_slots{};  // unused slots have an empty name
  std::string_view disagreement{};       // empty when the sources agree

  std::span<const Figure> figures() const;
};

std::span<const Rule> catalogue();
const Rule& rule(RuleId id);
std::string_view format_as(RuleId id);
std::string_view format_as(Basis basis);
std::string_view format_as(Area area);

// The row with this id, or nullptr.
const Rule* find_rule(std::string_view id);

// Up to `limit` ids closest to `id` by edit distance (then by catalogue
// order), for "did you mean" in an error; ids sharing `id` as a prefix first.
std::vector<std::string_view> nearest_rule_ids(std::string_view id, std::size_t limit = 3);

// "48 hours", "3 days", "60 minutes", "deep".
std::string format_figure(const Figure& figure, const Policy& policy);

}  // namespace advise

#include "advise/formatting.hpp"  // IWYU pragma: export
