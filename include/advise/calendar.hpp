// Calendar days as the runner writes them: strict YYYY-MM-DD, no clock.
#pragma once

#include <cstdint>
#include <date/date.h>
#include <optional>
#include <string>
#include <string_view>
#include <tl/expected.hpp>

namespace advise {

// A date on the runner's local calendar. Races without a start time, massages
// and plans are all counted in these days.
using Day = date::local_days;

// Years outside this range are refused rather than computed: no plausible race
// or massage lies outside them, and they keep every derived date printable.
inline constexpr int k_first_year = 1900;
inline constexpr int k_last_year = 2199;

// Parses exactly "YYYY-MM-DD": four-digit year in [k_first_year, k_last_year],
// two-digit month and day, a real calendar date, nothing before or after.
// Returns an error phrase such as "is not a valid date: February 2026 has 28
// days", meant to follow the quoted value in a message.
tl::expected<Day, std::string> parse_day(std::string_view text);

namespace detail {
inline constexpr std::int32_t k_no_day = INT32_MIN;
// valid_day()'s work: the day's number, or k_no_day. An int comes back in a
// register; an optional<Day> came back through the stack, and batch's read
// of it, twice a row, waited for the narrower stores that wrote it.
std::int32_t day_number(std::string_view text) noexcept;
}  // namespace detail

// The day of `text` when parse_day() takes it, else nullopt, with no message
// built: for batch, which reads two dates a row and asks parse_day() why
// only when this says no.
inline std::optional<Day> valid_day(std::string_view text) noexcept {
  const std::int32_t n = detail::day_number(text);
  if (n == detail::k_no_day) return std::nullopt;
  return Day{date::days{n}};
}

// "2026-04-12".
std::string format_day(Day day);
void append_day(std::string& out, Day day);
inline constexpr std::size_t k_day_chars = 10;
void write_day(char* out, Day day);  // k_day_chars bytes, no terminator

// "Sun".
std::string_view weekday_abbrev(Day day);

// "today", "tomorrow", "yesterday", "in 5 days", "3 days ago".
std::string relative_days(Day day, Day today);

}  // namespace advise
