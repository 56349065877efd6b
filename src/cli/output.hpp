// Writing results to stdout and errors to stderr, and noticing when a write fails.
#pragma once

#include <string_view>

namespace advise::cli {

// Writes `text` to stdout and flushes. Returns false, after printing an
// error, when the output could not be written (a full disk, a closed file).
bool write_out(std::string_view text);

// Prints "advise: error: <message>" on stderr. Never throws: when stderr
// itself cannot be written there is nobody left to tell.
void print_error(std::string_view message);

// Prints "advise: note: <message>" on stderr, likewise.
void print_note(std::string_view message);

// Writes `text` to stderr as it is, likewise.
bool write_err(std::string_view text);  // false when stderr failed

}  // namespace advise::cli
