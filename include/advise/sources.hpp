// The five practitioner articles every rule traces back to.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <span>
#include <string_view>

namespace advise {

enum class SourceKey : std::uint8_t { nola, smr, massaggi, rva, qi };

struct Source {
  SourceKey key;
  std::string_view name;  // the key as written in docs and output: "nola"
  std::string_view title;
  std::string_view publisher;
};

std::span<const Source> sources();
const Source& source(SourceKey key);
std::string_view format_as(SourceKey key);

// A set of sources, as a rule cites them; iterate in the order of sources().
class SourceSet {
 public:
  constexpr SourceSet() = default;
  constexpr SourceSet(std::initializer_list<SourceKey> keys) {
    for (const auto k : keys) m_bits |= bit(k);
  }
  constexpr bool contains(SourceKey key) const { return (m_bits & bit(key)) != 0; }
  constexpr bool empty() const { return m_bits == 0; }

 private:
  static constexpr std::uint8_t bit(SourceKey k) {
    return static_cast<std::uint8_t>(1U << static_cast<unsigned>(k));
  }
  std::uint8_t m_bits = 0;
};

}  // namespace advise
