#include "advise/vocabulary.hpp"

namespace advise {
namespace {

template <typename Table, typename E>
std::string_view name_of(const Table& table, E value) {
  for (const auto& [name, v] : table) {
    if (v == value) return name;
  }
  return "?";  // unreachable: every enumerator has a row
}

}  // namespace

std::string_view format_as(Phase phase) { return name_of(k_phase_names, phase); }
std::string_view format_as(Intensity intensity) { return name_of(k_intensity_names, intensity); }
std::string_view format_as(Experience experience) {
  return name_of(k_experience_names, experience);
}

std::optional<Phase> parse_phase(std::string_view text) { return lookup_name(k_phase_names, text); }
std::optional<Intensity> parse_intensity(std::string_view text) {
  return lookup_name(k_intensity_names, text);
}
std::optional<Experience> parse_experience(std::string_view text) {
  return lookup_name(k_experience_names, text);
}

}  // namespace advise
