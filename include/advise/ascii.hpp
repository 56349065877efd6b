// ASCII case, for names people type in any case ("Peak", "Athlete", "JSON"):
// letters A-Z only, every other byte (UTF-8 too) as it is.
#pragma once

#include <string>
#include <string_view>

namespace advise {

constexpr char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

inline std::string ascii_lowered(std::string_view text) {
  std::string out(text);
  for (auto& c : out) c = ascii_lower(c);
  return out;
}

}  // namespace advise
