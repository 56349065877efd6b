// Races as the runner writes them, and their start times checked against a zone.
#pragma once

#include <string>
#include <string_view>
#include <tl/expected.hpp>

#include "advise/race.hpp"

namespace advise {

// Parses "YYYY-MM-DD", "YYYY-MM-DDTHH:MM", either followed by "@A", "@B" or
// "@C" (default A). The error is a phrase to follow the quoted value, such as
// "is not a valid race: the hour must be 00 to 23, not 25".
tl::expected<Race, std::string> parse_race(std::string_view text);

// Parses "HH:MM" (24-hour). The error is a phrase to follow the quoted
// value: "is not a time of day: the hour must be 00 to 23, not 24".
tl::expected<Minutes, std::string> parse_clock(std::string_view text);

// "A", "B" or "C", in either case.
std::optional<Priority> parse_priority(std::string_view text);

// What a race's start means in `zone`.
struct StartCheck {
  bool ambiguous = false;  // the local time happens twice; the earlier is used
};

// Refuses a start that does not exist in `zone` (a spring-forward gap), and
// one beyond the zone data's last transition in a zone that keeps daylight
// saving time, where the system's data cannot say which offset applies. The
// error is a phrase such as "does not exist in Europe/Berlin: the clocks go
// from 02:00 to 03:00 that night".
tl::expected<StartCheck, std::string> check_start(const Race& race, const date::time_zone& zone);

// "08:00 CET" (with a zone) or "08:00".
std::string format_clock(Instant instant, const date::time_zone* zone);

// ISO 8601: "2026-03-27T08:00+01:00" with a zone, "2026-03-27T08:00" without;
// seconds are shown where a historical offset has them.
std::string format_iso(Instant instant, const date::time_zone* zone);

}  // namespace advise
