// The CSV reader fed in pieces of any size: never a crash, records delivered
// in order, and a record without a problem holds valid UTF-8 without NUL.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "advise/csv.hpp"
#include "advise/utf8.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::size_t piece = 1 + data[0] % 17;  // the first byte chooses how to cut the rest
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  advise::CsvParser parser(4096);
  std::uint64_t last = 0;
  auto on = [&](const advise::CsvRecord& r) {
    if (r.number != last + 1) __builtin_trap();
    last = r.number;
    if (r.fields.size() != r.positions.size()) __builtin_trap();
    if (r.problem != advise::CsvProblem::none) return;
    for (const auto field : r.fields) {
      for (std::size_t i = 0; i < field.size();) {
        std::uint32_t cp = 0;
        const auto n = advise::utf8_char(field, i, cp);
        if (n == 0 || cp == 0) __builtin_trap();
        i += n;
      }
    }
  };
  for (std::size_t i = 0; i < text.size(); i += piece) parser.feed(text.substr(i, piece), on);
  parser.finish(on);
  return 0;
}
