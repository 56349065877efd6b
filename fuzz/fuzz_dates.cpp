// Dates, times of day and race specifications: never a crash, and what
// parses prints back as it was written.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "advise/calendar.hpp"
#include "advise/race_spec.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (const auto day = advise::parse_day(text)) {
    if (advise::format_day(*day) != text) __builtin_trap();
  }
  (void)advise::parse_clock(text);
  if (const auto race = advise::parse_race(text)) {
    if (advise::format_day(race->day).size() != 10) __builtin_trap();
  }
  return 0;
}
