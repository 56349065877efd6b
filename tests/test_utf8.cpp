#include "advise/utf8.hpp"

#include <doctest/doctest.h>
#include <string>
#include <string_view>

using namespace advise;

namespace {
std::size_t length_at(std::string_view text, std::size_t at = 0) {
  std::uint32_t cp = 0;
  return utf8_char(text, at, cp);
}
}  // namespace

TEST_CASE("advise::utf8_char") {
  std::uint32_t cp = 0;
  CHECK(utf8_char("A", 0, cp) == 1);
  CHECK(cp == 0x41);
  CHECK(utf8_char("\xC3\xB8", 0, cp) == 2);  // ø
  CHECK(cp == 0xF8);
  CHECK(utf8_char("\xE2\x82\xAC", 0, cp) == 3);  // €
  CHECK(cp == 0x20AC);
  CHECK(utf8_char("\xF0\x9F\x8F\x83", 0, cp) == 4);  // 🏃
  CHECK(cp == 0x1F3C3);
  SUBCASE("what is not UTF-8") {
    CHECK(length_at("\x80") == 0);              // a stray continuation byte
    CHECK(length_at("\xC3") == 0);              // truncated
    CHECK(length_at("\xC3" "A") == 0);          // not a continuation
    CHECK(length_at("\xC0\xAF") == 0);          // overlong '/'
    CHECK(length_at("\xE0\x80\xAF") == 0);      // overlong, three bytes
    CHECK(length_at("\xED\xA0\x80") == 0);      // a surrogate
    CHECK(length_at("\xF4\x90\x80\x80") == 0);  // past U+10FFFF
    CHECK(length_at("\xFF") == 0);
  }
  CHECK(length_at("a\xC3\xB8", 1) == 2);
}

TEST_CASE("advise::utf8_characters counts the bytes that start a character") {
  CHECK(advise::utf8_characters("") == 0);
  CHECK(advise::utf8_characters("Anna") == 4);
  CHECK(advise::utf8_characters("Bj\xc3\xb6rn") == 5);       // ö is two bytes, one character
  CHECK(advise::utf8_characters("\xe2\x82\xac 5") == 3);     // € is three bytes
  CHECK(advise::utf8_characters("Ann\xe9") == 4);            // a broken byte still counts
  CHECK(advise::utf8_characters("\x80\x80") == 0);           // lone continuation bytes do not
  // Longer texts go eight bytes at a time: every byte value, at every place.
  for (int b = 0; b < 256; ++b) {
    for (std::size_t at = 0; at < 19; ++at) {
      std::string text(19, 'x');
      text[at] = static_cast<char>(b);
      CAPTURE(b);
      CAPTURE(at);
      CHECK(advise::utf8_characters(text) == ((b & 0xC0) == 0x80 ? 18U : 19U));
    }
  }
  CHECK(advise::utf8_characters("M\xc3\xbcller, Bj\xc3\xb6rn \xe2\x82\xac\xf0\x9f\x8f\x83 Ann\xe9!") == 22);
}
