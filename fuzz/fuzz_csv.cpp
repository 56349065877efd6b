// The CSV reader fed in pieces of any size: never a crash, records delivered
// in order, a record without a problem holds valid UTF-8 without NUL, and
// the records are the same as when the whole input is fed at once (which
// takes the fast path for plain lines), with or without a row shape.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "advise/csv.hpp"
#include "advise/utf8.hpp"

namespace {

// Everything a caller sees of the records, as one string to compare.
std::string parse(std::string_view text, std::size_t piece, bool rows_have) {
  advise::CsvParser parser(4096);
  // Rows with a digit first in field 1: a quote over such lines is stray.
  if (rows_have) {
    parser.rows_have(1, [](std::string_view f) { return !f.empty() && f[0] >= '0' && f[0] <= '9'; });
  }
  std::string seen;
  std::uint64_t last = 0;
  auto on = [&](const advise::CsvRecord& r) {
    if (r.number != last + 1) __builtin_trap();
    last = r.number;
    // The byte-by-byte path keeps a position per field; the fast path none.
    if (r.positions.size() != (r.line.empty() ? r.fields.size() : 0)) __builtin_trap();
    seen += std::to_string(static_cast<int>(r.problem)) + ' ';
    if (r.problem != advise::CsvProblem::none) {
      seen += std::to_string(r.problem_field) + ' ' + std::to_string(r.problem_at.line) + ':' +
              std::to_string(r.problem_at.column) + ' ';
    }
    for (std::size_t f = 0; f < r.fields.size(); ++f) {
      const auto at = r.position(f);
      seen += std::to_string(at.line) + ':' + std::to_string(at.column) +
              ' ' + std::to_string(r.fields[f].size()) + ' ';
      seen.append(r.fields[f]);
    }
    seen += '\n';
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
  seen += "blank " + std::to_string(parser.blank_lines());
  return seen;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  // The first byte chooses how to cut the rest, and whether rows have a shape.
  const std::size_t piece = 1 + data[0] % 17;
  const bool rows_have = (data[0] & 0x80) != 0;
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  const std::string in_pieces = parse(text, piece, rows_have);
  if (!text.empty() && parse(text, text.size(), rows_have) != in_pieces) __builtin_trap();
  return 0;
}
