#include "advise/calendar.hpp"

#include <array>
#include <fmt/format.h>

namespace advise {
namespace {

constexpr std::array<std::string_view, 12> k_month_names = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

// Reads `count` ASCII digits at `pos`; -1 if any is not a digit. Decimal only,
// so "08" is eight and never octal.
int digits(std::string_view text, std::size_t pos, std::size_t count) {
  int value = 0;
  for (std::size_t i = pos; i < pos + count; ++i) {
    const char c = text[i];
    if (c < '0' || c > '9') return -1;
    value = value * 10 + (c - '0');
  }
  return value;
}

// Days in month `m` (1 to 12) of year `y`, proleptic Gregorian; by hand,
// as batch checks two dates per row.
unsigned days_in_month(int y, int m) {
  constexpr std::array<unsigned char, 12> k_days = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
  return k_days[static_cast<std::size_t>(m - 1)] + (m == 2 && leap ? 1U : 0U);
}

}  // namespace

tl::expected<Day, std::string> parse_day(std::string_view text) {
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
  return Day{date::year{y} / date::month{static_cast<unsigned>(m)} / date::day{static_cast<unsigned>(d)}};
}

void write_day(char* out, Day day) {
  // By hand: batch writes several dates per row, a million rows a second.
  const date::year_month_day ymd{day};
  const int y = static_cast<int>(ymd.year());
  const auto m = static_cast<unsigned>(ymd.month());
  const auto d = static_cast<unsigned>(ymd.day());
  out[0] = static_cast<char>('0' + y / 1000 % 10);
  out[1] = static_cast<char>('0' + y / 100 % 10);
  out[2] = static_cast<char>('0' + y / 10 % 10);
  out[3] = static_cast<char>('0' + y % 10);
  out[4] = '-';
  out[5] = static_cast<char>('0' + m / 10);
  out[6] = static_cast<char>('0' + m % 10);
  out[7] = '-';
  out[8] = static_cast<char>('0' + d / 10);
  out[9] = static_cast<char>('0' + d % 10);
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
