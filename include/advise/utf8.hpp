// UTF-8, checked by hand: one definition of a valid character for the CSV
// reader, the runner's name and the quoting of values in messages.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "advise/swar.hpp"

namespace advise {

// The length of the valid UTF-8 character starting at `at` (1 to 4), or 0
// when the bytes there are not one: a stray continuation byte, a truncated
// sequence, an overlong form, a surrogate or a code point past U+10FFFF.
// `code_point` receives the character when it is valid.
inline std::size_t utf8_char(std::string_view text, std::size_t at, std::uint32_t& code_point) {
  const auto c = static_cast<unsigned char>(text[at]);
  if (c < 0x80) {
    code_point = c;
    return 1;
  }
  const std::size_t n = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
  if (n == 0 || at + n > text.size() || c < 0xC2 || c > 0xF4) return 0;
  std::uint32_t cp = c & (0x7FU >> n);
  for (std::size_t k = 1; k < n; ++k) {
    const auto cc = static_cast<unsigned char>(text[at + k]);
    if ((cc & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (cc & 0x3FU);
  }
  if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
      (cp >= 0xD800 && cp <= 0xDFFF)) {
    return 0;
  }
  code_point = cp;
  return n;
}

// Whether byte `c` starts a character, that is, is no UTF-8 continuation
// byte: the CSV reader counts columns in such bytes (so a broken sequence
// counts as characters too).
constexpr bool starts_character(char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }

// How many bytes of `text` start a character.
// Eight bytes at a time: a continuation byte has its top bit set and the
// next one clear (batch counts a column for every rejected row).
inline std::size_t utf8_characters(std::string_view text) {
  std::size_t n = 0;
  std::size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    const std::uint64_t x = swar::load(text.data() + i);
    // The continuation bytes' top bits, moved to each byte's bottom and
    // summed into the top byte by one multiplication (std::popcount is a
    // library call on a baseline x86-64 build).
    const std::uint64_t ones = (x & ~(x << 1) & swar::k_tops) >> 7;
    n += 8 - static_cast<std::size_t>((ones * swar::k_ones) >> 56);
  }
  for (; i < text.size(); ++i) n += starts_character(text[i]);
  return n;
}

}  // namespace advise
