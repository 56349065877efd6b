// One athlete row through the whole batch path: parse, check every field,
// plan, write. Never a crash, a row either advised or refused, and the
// advice text kept from earlier inputs the same as a fresh plan's.
#include <cstddef>
#include <cstdint>
#include <date/tz.h>
#include <string>
#include <string_view>

#include "advise/advice_columns.hpp"
#include "advise/batch.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const auto columns = *advise::batch_columns(
      {"athlete", "race_date", "race_time", "tz", "priority", "phase", "last_massage", "experience"});
  static const advise::ZoneLookup zones = [](std::string_view name) -> const date::time_zone* {
    try {
      return date::locate_zone(name);
    } catch (const std::exception&) {
      return nullptr;
    }
  };
  using namespace date::literals;
  const advise::Day today{2026_y / 4 / 1};
  advise::CsvParser parser(4096);
  std::string out;
  parser.feed(std::string_view(reinterpret_cast<const char*>(data), size), [&](const advise::CsvRecord& r) {
    if (r.problem != advise::CsvProblem::none) return;
    const auto q = advise::batch_query(r, columns, {}, today, zones);
    if (!q) {
      if (q.error().message.empty()) __builtin_trap();
      return;
    }
    static advise::AdviceColumns kept{advise::Policy{}, advise::AdviceColumns::Format::csv};
    static advise::AdviceColumns fresh{advise::Policy{}, advise::AdviceColumns::Format::csv, 0};
    const std::string text(kept(*q));
    if (text != fresh(*q)) __builtin_trap();
    out.clear();
    advise::append_batch_csv(out, r, text, true);
    if (out.empty() || out.back() != '\n') __builtin_trap();
  });
  return 0;
}
