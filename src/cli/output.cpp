#include "output.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fmt/format.h>

namespace advise::cli {

bool write_out(std::string_view text) {
  errno = 0;
  const bool ok = std::fwrite(text.data(), 1, text.size(), stdout) == text.size() &&
                  std::fflush(stdout) == 0;
  if (!ok) {
    print_error(fmt::format("cannot write the output: {}",
                            errno != 0 ? std::strerror(errno) : "write failed"));
  }
  return ok;
}

bool write_err(std::string_view text) {
  const bool written = std::fwrite(text.data(), 1, text.size(), stderr) == text.size();
  return std::fflush(stderr) == 0 && written;
}

void print_error(std::string_view message) { write_err(fmt::format("advise: error: {}\n", message)); }

void print_note(std::string_view message) { write_err(fmt::format("advise: note: {}\n", message)); }

}  // namespace advise::cli
