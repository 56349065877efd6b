// The words of guidance.md that the rules are written in: training phase,
// session intensity and massage experience. Each has one table of names that
// parsing, help text, JSON and the docs all read.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace advise {

enum class Phase { peak, build, base, maintenance, off_season, taper, recovery };

// light: flushing, Swedish, gentle circulation work.
// moderate: a loosening sports massage.
// deep: deep tissue, trigger point, Ashiatsu, cross-friction, corrective work.
enum class Intensity { light, moderate, deep };

// first_time covers those who never had a massage; the long-gap case is
// derived from the last massage date and the policy.
enum class Experience { first_time, occasional, regular };

// Whether row i of `table` is the row of enumerator i (its member `key`), so
// that an enum value can index the table directly.
template <typename Table, typename Key>
constexpr bool indexed_by_enum(const Table& table, Key key) {
  for (std::size_t i = 0; i < table.size(); ++i) {
    if (static_cast<std::size_t>(table[i].*key) != i) return false;
  }
  return true;
}

inline constexpr std::array<std::pair<std::string_view, Phase>, 7> k_phase_names{{
    {"peak", Phase::peak},
    {"build", Phase::build},
    {"base", Phase::base},
    {"maintenance", Phase::maintenance},
    {"off-season", Phase::off_season},
    {"taper", Phase::taper},
    {"recovery", Phase::recovery},
}};

inline constexpr std::array<std::pair<std::string_view, Intensity>, 3> k_intensity_names{{
    {"light", Intensity::light},
    {"moderate", Intensity::moderate},
    {"deep", Intensity::deep},
}};

inline constexpr std::array<std::pair<std::string_view, Experience>, 3> k_experience_names{{
    {"first-time", Experience::first_time},
    {"occasional", Experience::occasional},
    {"regular", Experience::regular},
}};

std::string_view format_as(Phase phase);
std::string_view format_as(Intensity intensity);
std::string_view format_as(Experience experience);

// The names of a table joined with '|', as help and messages list choices:
// "light|moderate|deep".
template <typename Table>
std::string names_of(const Table& table) {
  std::string out;
  for (const auto& entry : table) {
    if (!out.empty()) out += '|';
    out += entry.first;
  }
  return out;
}

// The value a name table gives `text`, exactly and case-sensitively, or
// nullopt: the one lookup behind every parse_* of a name table.
template <typename Table>
auto lookup_name(const Table& table, std::string_view text)
    -> std::optional<typename Table::value_type::second_type> {
  for (const auto& [name, value] : table) {
    if (name == text) return value;
  }
  return std::nullopt;
}

// Lookups in any ASCII case ("Peak" as "peak", for spreadsheets); nullopt
// for any other text. The CLI's flags take the names as listed.
std::optional<Phase> parse_phase(std::string_view text);
std::optional<Intensity> parse_intensity(std::string_view text);
std::optional<Experience> parse_experience(std::string_view text);

}  // namespace advise

#include "advise/formatting.hpp"  // IWYU pragma: export
