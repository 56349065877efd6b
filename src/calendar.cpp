#include "advise/calendar.hpp"

#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <fmt/format.h>
#include <stdexcept>

namespace advise {
namespace {

constexpr std::array<std::string_view, 12> k_month_names = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

// The value of the `count` ASCII digits at `pos`, or -1 if any is not a
// digit. Decimal only, so "08" is eight and never octal.
int digits(std::string_view text, std::size_t pos, std::size_t count) {
  unsigned value = 0;
  bool bad = false;
  for (std::size_t i = pos; i < pos + count; ++i) {
    const unsigned digit = static_cast<unsigned char>(text[i]) - unsigned{'0'};
    bad |= digit > 9;  // no branch per digit: dates are nearly always fine
    value = value * 10 + digit;
  }
  return bad ? -1 : static_cast<int>(value);
}

// Days in month `m` (1 to 12) of year `y`, proleptic Gregorian.
constexpr unsigned days_in_month(int y, int m) {
  constexpr std::array<unsigned char, 12> k_days = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0) && ((y % 100 != 0) || (y % 400 == 0));
  return k_days[static_cast<std::size_t>(m - 1)] + ((m == 2 && leap) ? 1U : 0U);
}

// The day of a valid date with y >= 1 (Howard Hinnant's days_from_civil,
// which the date library uses too, in unsigned arithmetic), without the
// library's checks.
constexpr int day_number(int y, int m, int d) {
  const auto month = static_cast<unsigned>(m);
  const unsigned year = static_cast<unsigned>(y) - (month <= 2 ? 1 : 0);
  const unsigned era = year / 400;
  const unsigned yoe = year - era * 400;                                  // [0, 399]
  const unsigned doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 +
                       static_cast<unsigned>(d) - 1;                      // [0, 365]
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;             // [0, 146096]
  return static_cast<int>(era * 146097 + doe) - 719468;
}

// For each month of the years parse_day() takes: the number of the day
// before its first, and its length. Two loads give a date's day, where the
// arithmetic and the checks took a hundred instructions.
constexpr std::size_t k_months = (k_last_year - k_first_year + 1) * 12;
struct MonthTable {
  std::array<std::int32_t, k_months> before_first{};
  std::array<std::uint8_t, k_months> length{};
};
constexpr MonthTable k_month_table = [] {
  MonthTable t;
  for (int y = k_first_year; y <= k_last_year; ++y) {
    for (int m = 1; m <= 12; ++m) {
      const auto i = static_cast<std::size_t>((y - k_first_year) * 12 + m - 1);
      t.before_first[i] = day_number(y, m, 1) - 1;
      t.length[i] = static_cast<std::uint8_t>(days_in_month(y, m));
    }
  }
  return t;
}();

// Two ASCII digits for each number from 0 to 99.
constexpr auto k_digit_pairs = [] {
  std::array<char, 200> pairs{};
  for (std::size_t i = 0; i < 100; ++i) {
    pairs[2 * i] = static_cast<char>('0' + i / 10);
    pairs[2 * i + 1] = static_cast<char>('0' + i % 10);
  }
  return pairs;
}();

void put_pair(char* out, std::uint32_t n) { std::memcpy(out, &k_digit_pairs[2 * n], 2); }

}  // namespace

std::int32_t detail::day_number(std::string_view text) noexcept {
  constexpr std::int32_t no = k_no_day;
  if (text.size() != 10) return no;
  // "YYYY-MM-" as one word, byte i in bits 8i to 8i+7 whatever the
  // machine's byte order.
  std::array<unsigned char, 10> b;
  std::memcpy(b.data(), text.data(), b.size());
  std::uint64_t head = 0;
  std::memcpy(&head, b.data(), sizeof head);
  if constexpr (std::endian::native == std::endian::big) head = __builtin_bswap64(head);
  constexpr std::uint64_t k_dashes = 0x2DULL << 32 | 0x2DULL << 56;  // bytes 4 and 7
  constexpr std::uint64_t k_dash_bytes = 0xFFULL << 32 | 0xFFULL << 56;
  if ((head & k_dash_bytes) != k_dashes) return no;
  // Every other byte a digit: XOR '0' leaves 0 to 9 in a digit's byte, and
  // adding 0x76 sets the top bit of any byte above 9 (a carry out of a byte
  // already that high changes nothing: the date is refused either way).
  const std::uint64_t x = head ^ 0x3030303030303030ULL;
  const unsigned d1 = b[8] ^ 0x30U, d2 = b[9] ^ 0x30U;
  constexpr std::uint64_t k_digit_tops = 0x0080800080808080ULL;  // bytes 0-3, 5, 6
  if (((x | (x + 0x7676767676767676ULL)) & k_digit_tops) != 0 || d1 > 9 || d2 > 9) {
    return no;
  }
  const auto byte = [x](unsigned i) { return static_cast<int>((x >> (8 * i)) & 0xFF); };
  const int y = byte(0) * 1000 + byte(1) * 100 + byte(2) * 10 + byte(3);
  const int m = byte(5) * 10 + byte(6);
  const int d = static_cast<int>(d1 * 10 + d2);
  if (y < k_first_year || y > k_last_year || m < 1 || m > 12) return no;
  const auto i = static_cast<std::size_t>((y - k_first_year) * 12 + m - 1);
  if (d < 1 || d > k_month_table.length[i]) return no;
  return k_month_table.before_first[i] + d;
}

tl::expected<Day, std::string> parse_day(std::string_view text) {
  if (const auto day = valid_day(text)) return *day;
  // Why not, from the first thing wrong.
  const auto shape_error = [] {
    return tl::make_unexpected(
        std::string("is not a date in the form YYYY-MM-DD (for example 2026-04-12)"));
  };
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return shape_error();
  const int y = digits(text, 0, 4);
  const int m = digits(text, 5, 2);
  const int d = digits(text, 8, 2);
  if (y < 0 || m < 0 || d < 0) return shape_error();
  if (y < k_first_year || y > k_last_year) {
    return tl::make_unexpected(fmt::format("is out of range: the year must be between {} and {}",
                                           k_first_year, k_last_year));
  }
  if (m < 1 || m > 12) {
    return tl::make_unexpected(
        fmt::format("is not a valid date: the month must be 01 to 12, not {:02}", m));
  }
  const unsigned last = days_in_month(y, m);
  if (d < 1 || static_cast<unsigned>(d) > last) {
    return tl::make_unexpected(fmt::format("is not a valid date: {} {} has {} days",
                                           k_month_names[static_cast<std::size_t>(m - 1)], y, last));
  }
  // valid_day() takes every date the checks above pass.
  throw std::logic_error("parse_day: valid_day refused " + std::string(text));
}

void write_day(char* out, Day day) {
  // By hand: batch writes several dates per row, a million rows a second.
  // The civil date by Neri and Schneider's algorithm ("Euclidean affine
  // functions and their application to calendar algorithms", 2022), which
  // needs multiplications and shifts only; tested against the date library
  // for every day from 1600 to 2400.
  constexpr std::uint32_t k_shift = 82;  // 400-year cycles moved, so that all is unsigned
  constexpr std::uint32_t k_offset = 719468 + 146097 * k_shift;
  const auto n = static_cast<std::uint32_t>(day.time_since_epoch().count()) + k_offset;
  const std::uint32_t n1 = 4 * n + 3;
  const std::uint32_t century = n1 / 146097;
  const std::uint32_t n2 = n1 % 146097 / 4 * 4 + 3;
  const std::uint64_t p2 = std::uint64_t{2939745} * n2;
  const auto year_in_century = static_cast<std::uint32_t>(p2 >> 32);
  const auto day_of_year = static_cast<std::uint32_t>(p2 & 0xFFFFFFFFU) / 2939745 / 4;
  const std::uint32_t n3 = 2141 * day_of_year + 197913;
  const std::uint32_t month = n3 >> 16;
  const std::uint32_t d = (n3 & 0xFFFFU) / 2141 + 1;
  const std::uint32_t january_or_february = day_of_year >= 306 ? 1 : 0;
  const std::uint32_t y = 100 * century + year_in_century - 400 * k_shift + january_or_february;
  const std::uint32_t m = january_or_february != 0 ? month - 12 : month;
  put_pair(out, y / 100 % 100);
  put_pair(out + 2, y % 100);
  out[4] = '-';
  put_pair(out + 5, m);
  out[7] = '-';
  put_pair(out + 8, d);
}

void append_day(std::string& out, Day day) {
  char text[k_day_chars];
  write_day(text, day);
  out.append(text, sizeof text);
}

std::string format_day(Day day) {
  std::string out;
  append_day(out, day);
  return out;
}

std::string_view weekday_abbrev(Day day) {
  static constexpr std::array<std::string_view, 7> k_names = {"Sun", "Mon", "Tue", "Wed",
                                                              "Thu", "Fri", "Sat"};
  return k_names[date::weekday{day}.c_encoding()];
}

std::string relative_days(Day day, Day today) {
  const auto n = (day - today).count();
  if (n == 0) return "today";
  if (n == 1) return "tomorrow";
  if (n == -1) return "yesterday";
  if (n > 0) return fmt::format("in {} days", n);
  return fmt::format("{} days ago", -n);
}

}  // namespace advise
