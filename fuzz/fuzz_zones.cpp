// Zone names and race starts in them: unknown names are refused, starts are
// checked, and the blackout is always 48 real hours before the start.
#include <cstddef>
#include <cstdint>
#include <date/tz.h>
#include <string>
#include <string_view>

#include "advise/race_spec.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto bar = text.find('|');  // "ZONE|RACE"
  const std::string name(text.substr(0, bar));
  const date::time_zone* zone = nullptr;
  try {
    zone = date::locate_zone(name);
  } catch (const std::exception&) {
    return 0;
  }
  if (bar == std::string_view::npos) return 0;
  const auto race = advise::parse_race(text.substr(bar + 1));
  if (!race || !advise::check_start(*race, *zone)) return 0;
  const auto days = advise::race_days(*race, false, advise::Policy{}, zone);
  if (days.start_instant - days.blackout_instant != std::chrono::hours{48}) __builtin_trap();
  if (days.blackout_first > days.race || days.moderate_from <= days.race) __builtin_trap();
  (void)advise::format_iso(days.blackout_instant, zone);
  return 0;
}
