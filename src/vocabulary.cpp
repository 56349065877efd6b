#include "advise/vocabulary.hpp"

#include <array>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <tuple>

#include "advise/ascii.hpp"

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

// A perfect hash of a name table, found at compile time: a text's slot is
// (first byte * mul + last byte * 2 + length) % 32, and no two names share a
// slot. A lookup is one hash and one comparison, with no branch on which
// name the text is: batch reads a random phase every row, and a search
// through the names mispredicted.
struct NameHash {
  unsigned mul = 0;
  std::array<std::uint8_t, 32> slot{};  // the name's index + 1; 0 for none

  static constexpr std::size_t of(std::string_view text, unsigned mul) {
    return (static_cast<unsigned char>(text.front()) * mul +
            static_cast<unsigned char>(text.back()) * 2U + text.size()) % 32;
  }
};

template <typename Table>
constexpr NameHash name_hash(const Table& table) {
  static_assert(std::tuple_size_v<Table> < 32);
  for (unsigned mul = 1; mul < 256; ++mul) {
    NameHash h{mul, {}};
    bool distinct = true;
    for (std::size_t i = 0; i < table.size() && distinct; ++i) {
      auto& slot = h.slot[NameHash::of(table[i].first, mul)];
      distinct = slot == 0;
      slot = static_cast<std::uint8_t>(i + 1);
    }
    if (distinct) return h;
  }
  throw std::logic_error("no perfect hash for a name table");  // a build error
}

// Whether `text` is `name`, for names of 4 to 12 bytes: three 4-byte
// words that cover it (overlapping when shorter), compared without a
// branch on the length. A call to memcmp, whose size is known only at run
// time, cost batch more than the rest of the lookup.
bool same_name(std::string_view name, std::string_view text) {
  if (name.size() != text.size()) return false;
  const std::size_t n = name.size();
  const auto word = [](std::string_view s, std::size_t at) {
    std::uint32_t w = 0;
    std::memcpy(&w, s.data() + at, sizeof w);
    return w;
  };
  return ((word(name, 0) ^ word(text, 0)) | (word(name, n / 2 - 2) ^ word(text, n / 2 - 2)) |
          (word(name, n - 4) ^ word(text, n - 4))) == 0;
}

template <typename Table>
constexpr bool names_fit(const Table& table) {
  for (const auto& [name, value] : table) {
    if (name.size() < 4 || name.size() > 12) return false;
  }
  return true;
}

template <typename Table>
auto hashed_lookup(const Table& table, const NameHash& hash, std::string_view text)
    -> std::optional<typename Table::value_type::second_type> {
  if (text.empty()) return std::nullopt;
  const auto slot = hash.slot[NameHash::of(text, hash.mul)];
  if (slot != 0 && same_name(table[slot - 1].first, text)) return table[slot - 1].second;
  // Spreadsheets capitalise ("Peak", "OFF-SEASON"): any case, ASCII only.
  char lower[24];
  if (text.size() > sizeof lower) return std::nullopt;
  bool upper = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    lower[i] = ascii_lower(c);
    upper = upper || lower[i] != c;
  }
  if (!upper) return std::nullopt;
  return hashed_lookup(table, hash, std::string_view(lower, text.size()));
}

static_assert(names_fit(k_phase_names) && names_fit(k_intensity_names) &&
              names_fit(k_experience_names));
constexpr NameHash k_phase_hash = name_hash(k_phase_names);
constexpr NameHash k_intensity_hash = name_hash(k_intensity_names);
constexpr NameHash k_experience_hash = name_hash(k_experience_names);

}  // namespace

std::string_view format_as(Phase phase) { return name_of(k_phase_names, phase); }
std::string_view format_as(Intensity intensity) { return name_of(k_intensity_names, intensity); }
std::string_view format_as(Experience experience) {
  return name_of(k_experience_names, experience);
}

std::optional<Phase> parse_phase(std::string_view text) {
  return hashed_lookup(k_phase_names, k_phase_hash, text);
}
std::optional<Intensity> parse_intensity(std::string_view text) {
  return hashed_lookup(k_intensity_names, k_intensity_hash, text);
}
std::optional<Experience> parse_experience(std::string_view text) {
  return hashed_lookup(k_experience_names, k_experience_hash, text);
}

}  // namespace advise
