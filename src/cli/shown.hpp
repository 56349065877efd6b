// User-given text in messages: anything a terminal would act on or hide
// (control characters, bidirectional controls, broken UTF-8) is written as
// \xNN, so that no value, file name or header can drive the terminal.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace advise::cli {

// Characters a terminal would not show, or that would reorder what it
// shows: C0 and C1 controls, DEL, zero-width ones, line and paragraph
// separators, bidirectional controls and the byte-order mark.
bool invisible(std::uint32_t cp);

// Characters a reader would take for a plain space, for nothing or for
// ASCII: the no-break and other wide spaces, the soft hyphen, fillers,
// invisible operators, Unicode hyphens and dashes, the minus sign and the
// full-width forms of ASCII. Shown escaped, so that '2027-04-11\xc2\xa0' does not read as a
// trailing space; allowed where text is kept (names).
bool disguised(std::uint32_t cp);

// Appends `value` with invisible and disguised characters and bytes of broken UTF-8 as \xNN,
// up to `limit` bytes of it; returns whether it stopped early.
bool append_escaped(std::string& out, std::string_view value, std::size_t limit);

// The whole of `text`, escaped (for file names).
std::string escaped(std::string_view text);

// `value` for a message: escaped and quoted; a value longer than `limit`
// bytes is cut there and its size given ("'abc...' (2000000 bytes)").
std::string quote_value(std::string_view value, std::size_t limit = 200);
void append_quoted(std::string& out, std::string_view value, std::size_t limit);

}  // namespace advise::cli
