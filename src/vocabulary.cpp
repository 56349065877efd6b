#include "advise/vocabulary.hpp"

namespace advise {
namespace {

// By index, not by search: batch names a phase and an intensity per row,
// and a search over random phases mispredicts.
template <typename Table, typename E>
std::string_view name_of(const Table& table, E value) {
  return table[static_cast<std::size_t>(value)].first;
}

static_assert(indexed_by_enum(k_phase_names, &decltype(k_phase_names)::value_type::second));
static_assert(indexed_by_enum(k_intensity_names, &decltype(k_intensity_names)::value_type::second));
static_assert(indexed_by_enum(k_experience_names, &decltype(k_experience_names)::value_type::second));

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
