// Writing results to stdout and errors to stderr, and noticing when a write fails.
#pragma once

#include <string_view>

namespace advise::cli {

// Writes `text` to stdout and flushes. Returns false, after printing an
// error, when the output could not be written (a full disk, a closed file).
bool write_out(std::string_view text);

// Prints "advise: error: <message>" on stderr.
void print_error(std::string_view message);

}  // namespace advise::cli
