#include "advise/calendar.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <optional>
#include <string>

using namespace advise;
using namespace date::literals;

namespace {
Day day(date::year_month_day ymd) { return Day{ymd}; }
std::string error_of(std::string_view text) { return parse_day(text).error(); }
}  // namespace

TEST_CASE("advise::parse_day") {
  SUBCASE("a real date") {
    CHECK(*parse_day("2026-04-12") == day(2026_y / 4 / 12));
    CHECK(*parse_day("2028-02-29") == day(2028_y / 2 / 29));
    CHECK(*parse_day("1900-01-01") == day(1900_y / 1 / 1));
    CHECK(*parse_day("2199-12-31") == day(2199_y / 12 / 31));
  }
  SUBCASE("leading zeros are decimal, never octal") {
    CHECK(*parse_day("2026-08-09") == day(2026_y / 8 / 9));
  }
  SUBCASE("a day that does not exist") {
    CHECK(error_of("2026-02-30") == "is not a valid date: February 2026 has 28 days");
    CHECK(error_of("2026-02-29") == "is not a valid date: February 2026 has 28 days");
    CHECK(error_of("2026-04-31") == "is not a valid date: April 2026 has 30 days");
    CHECK(error_of("2026-01-00") == "is not a valid date: January 2026 has 31 days");
  }
  SUBCASE("a month that does not exist") {
    CHECK(error_of("2026-13-01") == "is not a valid date: the month must be 01 to 12, not 13");
    CHECK(error_of("2026-00-10") == "is not a valid date: the month must be 01 to 12, not 00");
  }
  SUBCASE("the wrong shape") {
    const std::string shape = "is not a date in the form YYYY-MM-DD (for example 2026-04-12)";
    for (const auto* text : {"2026-4-12", "2026-04-1", "26-04-12", "2026/04/12", "2026-04-12 ",
                             " 2026-04-12", "2026-04-12x", "20260412", "", "2026-04-1a",
                             "+026-04-12", "2026-0x-12", "2026-04-12T09:00"}) {
      CAPTURE(text);
      CHECK(error_of(text) == shape);
    }
  }
  SUBCASE("years out of range") {
    CHECK(error_of("1899-12-31") == "is out of range: the year must be between 1900 and 2199");
    CHECK(error_of("2200-01-01") == "is out of range: the year must be between 1900 and 2199");
    CHECK(error_of("0000-01-01") == "is out of range: the year must be between 1900 and 2199");
  }
}

TEST_CASE("advise::parse_day agrees with the date library on every day of its years") {
  // Days 00 to 32 of every month of every year parse_day takes: a date is
  // accepted exactly when date::year_month_day says it is one, as that day,
  // and format_day gives back the same text.
  int accepted = 0, disagreements = 0;
  for (int y = k_first_year; y <= k_last_year; ++y) {
    for (unsigned m = 1; m <= 12; ++m) {
      for (unsigned d = 0; d <= 32; ++d) {
        const date::year_month_day ymd{date::year{y}, date::month{m}, date::day{d}};
        const std::string text = fmt::format("{:04}-{:02}-{:02}", y, m, d);
        const auto parsed = parse_day(text);
        if (parsed.has_value() != ymd.ok() || (parsed && (*parsed != Day{ymd} || format_day(*parsed) != text))) {
          ++disagreements;
          CAPTURE(text);
          CHECK(parsed.has_value() == ymd.ok());
        }
        accepted += parsed.has_value();
      }
    }
  }
  CHECK(disagreements == 0);
  CHECK(accepted == 109573);  // the days from 1900-01-01 to 2199-12-31
}

TEST_CASE("advise::valid_day: any one byte changed in a date, as the date library reads it") {
  // valid_day() reads the digits eight bytes at a time; every byte value in
  // every place of three dates (one a leap day) must give the answer of a
  // byte-by-byte reading, and parse_day() a message whenever it says no.
  int accepted = 0, disagreements = 0;
  for (const std::string base : {"2026-04-12", "2024-02-29", "1999-12-31"}) {
    for (std::size_t at = 0; at < base.size(); ++at) {
      for (int b = 0; b < 256; ++b) {
        std::string text = base;
        text[at] = static_cast<char>(b);
        bool shaped = text[4] == '-' && text[7] == '-';
        for (const std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) shaped = shaped && text[i] >= '0' && text[i] <= '9';
        std::optional<Day> want;
        if (shaped) {
          const int y = std::stoi(text.substr(0, 4));
          const date::year_month_day ymd{date::year{y}, date::month{static_cast<unsigned>(std::stoi(text.substr(5, 2)))},
                                         date::day{static_cast<unsigned>(std::stoi(text.substr(8, 2)))}};
          if (ymd.ok() && y >= k_first_year && y <= k_last_year) want = Day{ymd};
        }
        const auto got = valid_day(text);
        const auto parsed = parse_day(text);  // never throws: a message for every refusal
        if (got != want || parsed.has_value() != want.has_value()) {
          ++disagreements;
          CAPTURE(text);
          CHECK(got == want);
        }
        accepted += got.has_value();
      }
    }
  }
  CHECK(disagreements == 0);
  // The original byte in each place, and the other digits that keep it a
  // date in range (counted by Python's datetime), and nothing else.
  CHECK(accepted == 118);
  CHECK_FALSE(valid_day("2026-04-1").has_value());
  CHECK_FALSE(valid_day("2026-04-123").has_value());
  CHECK_FALSE(valid_day("").has_value());
}

TEST_CASE("advise::write_day agrees with the date library from 1600 to 2400") {
  // Wider than parse_day's years: planned days may run past them.
  const Day first{date::year{1600} / 1 / 1};
  const Day last{date::year{2400} / 12 / 31};
  int written = 0, disagreements = 0;
  for (Day d = first; d <= last; d += date::days{1}) {
    const date::year_month_day ymd{d};
    const std::string want = fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()),
                                         static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
    char text[k_day_chars];
    write_day(text, d);
    if (std::string_view(text, k_day_chars) != want) {
      ++disagreements;
      CAPTURE(want);
      CHECK(std::string_view(text, k_day_chars) == want);
    }
    ++written;
  }
  CHECK(written == 292'560);  // 801 years, 195 of them leap years
  CHECK(disagreements == 0);
}

TEST_CASE("advise::format_day and weekday_abbrev") {
  CHECK(format_day(day(2026_y / 4 / 8)) == "2026-04-08");
  CHECK(format_day(day(1900_y / 1 / 1)) == "1900-01-01");
  CHECK(weekday_abbrev(day(2026_y / 4 / 8)) == "Wed");
  CHECK(weekday_abbrev(day(2026_y / 4 / 12)) == "Sun");
  CHECK(weekday_abbrev(day(2026_y / 4 / 11)) == "Sat");
}

TEST_CASE("advise::relative_days") {
  const Day today = day(2026_y / 4 / 3);
  CHECK(relative_days(today, today) == "today");
  CHECK(relative_days(day(2026_y / 4 / 4), today) == "tomorrow");
  CHECK(relative_days(day(2026_y / 4 / 2), today) == "yesterday");
  CHECK(relative_days(day(2026_y / 4 / 8), today) == "in 5 days");
  CHECK(relative_days(day(2026_y / 3 / 31), today) == "3 days ago");
}
