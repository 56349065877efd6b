#include "shown.hpp"

#include <algorithm>
#include <cstdint>
#include <fmt/format.h>

#include "advise/swar.hpp"
#include "advise/utf8.hpp"

namespace advise::cli {

bool invisible(std::uint32_t cp) {
  return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || (cp >= 0x200b && cp <= 0x200f) ||
         (cp >= 0x2028 && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0xfeff;
}

bool disguised(std::uint32_t cp) {
  return cp == 0xa0 || cp == 0xad || cp == 0x34f || cp == 0x1680 || cp == 0x180e ||
         (cp >= 0x2000 && cp <= 0x200a) || cp == 0x202f || cp == 0x205f ||
         (cp >= 0x2060 && cp <= 0x2064) || cp == 0x3000 || cp == 0x3164 || cp == 0xffa0 ||
         // Dashes and full-width forms that pass for ASCII: '2027\xe2\x80\x9101-10'
         // tells why a date that reads as one is refused.
         (cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212 || (cp >= 0xff01 && cp <= 0xff5e);
}

bool append_escaped(std::string& out, std::string_view value, std::size_t limit) {
  const std::size_t end = out.size() + limit;
  std::size_t i = 0;
  while (i < value.size() && out.size() < end) {
    // A run of printable ASCII at once, the common case.
    const std::size_t stop = std::min(value.size(), i + (end - out.size()));
    std::size_t run = i;
    // Eight bytes at a time while none is below 0x20 or above 0x7e (a
    // rejected row shows its field's name and value).
    for (; run + 8 <= stop; run += 8) {
      const std::uint64_t x = swar::load(value.data() + run);
      if (swar::any_below(x, 0x20) || swar::any_above(x, 0x7e)) break;
    }
    while (run < stop) {
      const auto c = static_cast<unsigned char>(value[run]);
      if (c < 0x20 || c >= 0x7f) break;
      ++run;
    }
    out.append(value.substr(i, run - i));
    i = run;
    if (i == value.size() || out.size() >= end) break;
    std::uint32_t cp = 0;
    const std::size_t n = utf8_char(value, i, cp);
    if (n == 0 || invisible(cp) || disguised(cp)) {
      constexpr std::string_view k_hex = "0123456789abcdef";
      for (const auto c : value.substr(i, n == 0 ? 1 : n)) {
        out += "\\x";
        out += k_hex[static_cast<unsigned char>(c) >> 4];
        out += k_hex[static_cast<unsigned char>(c) & 0xF];
      }
      i += n == 0 ? 1 : n;
      continue;
    }
    out.append(value.substr(i, n));
    i += n;
  }
  return i < value.size();
}

std::string escaped(std::string_view text) {
  std::string out;
  append_escaped(out, text, text.size() * 4);
  return out;
}

void append_quoted(std::string& out, std::string_view value, std::size_t limit) {
  out += '\'';
  if (append_escaped(out, value, limit)) {
    out += "...' (";
    const fmt::format_int size(value.size());
    out.append(size.data(), size.size());
    out += " bytes)";
  } else {
    out += '\'';
  }
}

std::string quote_value(std::string_view value, std::size_t limit) {
  std::string out;
  append_quoted(out, value, limit);
  return out;
}

}  // namespace advise::cli
