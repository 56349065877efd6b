// Eight bytes at a time in one 64-bit word ("SIMD within a register"): the
// byte tests that the CSV writer, the name check and the escaping of values
// in messages share. Each says whether any byte of the word passes; none
// says which.
#pragma once

#include <cstdint>
#include <cstring>

namespace advise::swar {

inline constexpr std::uint64_t k_ones = 0x0101010101010101ULL;
inline constexpr std::uint64_t k_tops = 0x8080808080808080ULL;

// The eight bytes at `p`, in any alignment.
inline std::uint64_t load(const char* p) {
  std::uint64_t x = 0;
  std::memcpy(&x, p, sizeof x);
  return x;
}

// A byte below `n` (at most 128): only such a byte borrows into its top bit
// without having had it set.
constexpr bool any_below(std::uint64_t x, unsigned n) { return ((x - k_ones * n) & ~x & k_tops) != 0; }

// A byte above `n` (below 128): adding 127 - n sets the top bit of such a
// byte, and the top bit of one already 128 or more is set.
constexpr bool any_above(std::uint64_t x, unsigned n) {
  return (((x + k_ones * (127 - n)) | x) & k_tops) != 0;
}

// A byte equal to `c`: XOR leaves that byte zero, and a zero byte borrows.
constexpr bool any_equal(std::uint64_t x, unsigned char c) {
  const std::uint64_t y = x ^ (k_ones * c);
  return ((y - k_ones) & ~y & k_tops) != 0;
}

}  // namespace advise::swar
