#include "advise/race_spec.hpp"

#include <date/tz.h>
#include <fmt/format.h>

namespace advise {
namespace {

constexpr std::string_view k_form =
    "is not a race in the form YYYY-MM-DD[THH:MM][@A|B|C] (for example 2026-03-29T09:00@B)";

// Zone files built the usual way list clock changes up to this year only.
constexpr int k_zone_data_horizon = 2037;

int two_digits(std::string_view text) {
  if (text.size() != 2 || text[0] < '0' || text[0] > '9' || text[1] < '0' || text[1] > '9') return -1;
  return (text[0] - '0') * 10 + (text[1] - '0');
}

std::string hhmm(LocalTime t) {
  const auto minutes = date::floor<Minutes>(t - date::floor<date::days>(t)).count();
  return fmt::format("{:02}:{:02}", minutes / 60, minutes % 60);
}

}  // namespace

tl::expected<Minutes, std::string> parse_clock(std::string_view text) {
  const int hour = text.size() == 5 && text[2] == ':' ? two_digits(text.substr(0, 2)) : -1;
  const int minute = text.size() == 5 ? two_digits(text.substr(3, 2)) : -1;
  if (hour < 0 || minute < 0) {
    return tl::make_unexpected(std::string("is not a time of day in the form HH:MM (for example 07:30)"));
  }
  if (hour > 23) {
    return tl::make_unexpected(
        fmt::format("is not a time of day: the hour must be 00 to 23, not {:02}", hour));
  }
  if (minute > 59) {
    return tl::make_unexpected(
        fmt::format("is not a time of day: the minute must be 00 to 59, not {:02}", minute));
  }
  return Minutes{hour * 60 + minute};
}

std::optional<Priority> parse_priority(std::string_view text) {
  if (text == "A" || text == "a") return Priority::a;
  if (text == "B" || text == "b") return Priority::b;
  if (text == "C" || text == "c") return Priority::c;
  return std::nullopt;
}

tl::expected<Race, std::string> parse_race(std::string_view text) {
  Race race;
  if (const auto at = text.find('@'); at != std::string_view::npos) {
    const auto priority = parse_priority(text.substr(at + 1));
    if (!priority) {
      return tl::make_unexpected(std::string("is not a valid race: the priority after @ must be A, B or C"));
    }
    race.priority = *priority;
    text = text.substr(0, at);
  }
  if (text.size() > 10) {
    if (text[10] != 'T' || text.size() != 16) return tl::make_unexpected(std::string(k_form));
    const auto clock = parse_clock(text.substr(11));
    if (!clock) {
      if (clock.error().starts_with("is not a time of day in the form")) {
        return tl::make_unexpected(std::string(k_form));
      }
      // "is not a time of day: the hour ..." -> "is not a valid race: the hour ..."
      return tl::make_unexpected("is not a valid race" + clock.error().substr(clock.error().find(':')));
    }
    race.time = *clock;
    text = text.substr(0, 10);
  }
  const auto day = parse_day(text);
  if (!day) {
    // The date's own message, unless it was the shape that was wrong.
    if (day.error().starts_with("is not a date in the form")) return tl::make_unexpected(std::string(k_form));
    return tl::make_unexpected(day.error());
  }
  race.day = *day;
  return race;
}

tl::expected<StartCheck, std::string> check_start(const Race& race, const date::time_zone& zone) {
  const LocalTime start = race.local_start();
  const auto info = zone.get_info(start);
  // A date-only race whose midnight is skipped starts when its day does.
  if (info.result == date::local_info::nonexistent && race.time) {
    const auto before = date::floor<Minutes>(zone.to_local(info.first.end - std::chrono::seconds{1}) +
                                             std::chrono::seconds{1});
    const auto after = date::floor<Minutes>(zone.to_local(info.second.begin));
    return tl::make_unexpected(
        fmt::format("does not exist in {}: the clocks go from {} to {} that night", zone.name(),
                    hhmm(before), hhmm(after)));
  }
  // The system's zone files list changes up to 2037 and stop there, even for
  // zones that keep changing their clocks every year: past the last change
  // listed, such a zone would be silently off by an hour for half the year.
  // A zone whose last change lies well before that has truly stopped changing.
  const Instant instant = zone.to_sys(start, date::choose::earliest);
  const auto period = zone.get_info(instant);
  const int last_change = static_cast<int>(
      date::year_month_day{date::floor<date::days>(period.begin)}.year());
  // The last period's end is a far-future sentinel, not sys_seconds::max().
  const bool open_ended = period.end > date::sys_days{date::year{3000} / 1 / 1};
  if (open_ended && last_change >= k_zone_data_horizon) {
    return tl::make_unexpected(fmt::format(
        "is after {}, the last clock change this system's time-zone data has for {}, which "
        "keeps changing its clocks; give the race without a start time or a zone (--tz, or a tz cell in batch), or an "
        "earlier date",
        format_day(Day{date::floor<date::days>(period.begin).time_since_epoch()}), zone.name()));
  }
  return StartCheck{info.result == date::local_info::ambiguous};
}

std::string format_clock(Instant instant, const date::time_zone* zone) {
  const LocalTime local = to_local(instant, zone);
  if (zone == nullptr) return hhmm(local);
  return fmt::format("{} {}", hhmm(local), zone->get_info(instant).abbrev);
}

std::string format_iso(Instant instant, const date::time_zone* zone) {
  // By hand, with one zone lookup: batch writes a blackout time for every
  // timed race ahead.
  const auto offset = zone == nullptr ? std::chrono::seconds{0} : zone->get_info(instant).offset;
  const LocalTime local{instant.time_since_epoch() + offset};
  const Day day = date::floor<date::days>(local);
  const auto seconds = (local - day).count();  // [0, 86400)
  char text[k_day_chars + 24];
  char* at = text;
  write_day(at, day);
  at += k_day_chars;
  const auto pair = [&at](char separator, long n) {  // n in [0, 99]
    *at++ = separator;
    *at++ = static_cast<char>('0' + n / 10);
    *at++ = static_cast<char>('0' + n % 10);
  };
  pair('T', seconds / 3600);
  pair(':', seconds / 60 % 60);
  if (seconds % 60 != 0) pair(':', seconds % 60);
  if (zone != nullptr) {
    const long o = offset.count() < 0 ? -offset.count() : offset.count();
    pair(offset.count() < 0 ? '-' : '+', o / 3600);
    pair(':', o / 60 % 60);
    if (o % 60 != 0) pair(':', o % 60);
  }
  return std::string(text, at);
}

}  // namespace advise
