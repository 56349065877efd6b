// Time zones at the command line: --tz, the TZ variable, the system's zone,
// and checking race start times in the chosen zone.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <string_view>
#include <tl/expected.hpp>
#include <vector>

#include "advise/race.hpp"

namespace advise::cli {

// The zone of an IANA name in the system's database, or null; "localtime"
// is the system's zone, by its own name.
const date::time_zone* find_zone(std::string_view name);

// --tz NAME, checked against the system's time-zone database.
void add_tz(CLI::App& app, std::string& tz);

// What follows a zone name that is not one, in a message: "is not a time
// zone; did you mean Europe/Berlin?", with the close names, if any.
std::string zone_problem(std::string_view name);

// The local zone: TZ when set, else the system's. The error is a whole
// message, ending in `fix`, what to do instead.
tl::expected<const date::time_zone*, std::string> local_zone(
    std::string_view fix = "give the race's zone with --tz");

// The zone a query needs: --tz when given; else, when a race has a start
// time, the local zone (TZ, else the system's); else none, and no time-zone
// data is loaded. The error is a whole message naming what to fix.
tl::expected<const date::time_zone*, std::string> resolve_zone(const std::string& tz_option,
                                                               const std::vector<Race>& races);

// Checks every race's start in `zone` (a no-op without one). The error names
// --race and the value; an ambiguous start adds a note for stderr.
tl::expected<void, std::string> check_starts(const std::vector<Race>& races,
                                             const std::vector<std::string>& texts,
                                             const date::time_zone* zone,
                                             std::vector<std::string>& notes);

// The races of --race in the zone they need, their starts checked: the
// whole of the above for a command. Notes go to stderr before the output.
struct Races {
  std::vector<Race> races;
  const date::time_zone* zone = nullptr;
};
tl::expected<Races, std::string> resolve_races(const std::vector<std::string>& texts,
                                               const std::string& tz_option, bool quiet = false);

}  // namespace advise::cli
