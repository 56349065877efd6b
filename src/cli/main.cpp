// The executable is a thin wrapper: everything happens in cli::run. Anything
// that escapes it is a bug; it still ends as one message and exit 2, never
// as an abort.
#include <exception>
#include <fcntl.h>
#include <new>

#include "app.hpp"
#include "exit_codes.hpp"
#include "output.hpp"

int main(int argc, char** argv) {
  // Started with stdin, stdout or stderr closed, the first file opened would
  // take its number and receive what was meant for it: hold them open the
  // wrong way round (stdin for writing, stdout and stderr for reading), so
  // that using a closed one still fails (EBADF) and is reported, not taken
  // for an empty input or lost in /dev/null.
  for (int fd = 0; fd <= 2; ++fd) {
    if (::fcntl(fd, F_GETFD) == -1) ::open("/dev/null", fd == 0 ? O_WRONLY : O_RDONLY);
  }
  try {
    return advise::cli::run(argc, argv);
  } catch (const std::bad_alloc&) {
    advise::cli::print_error("out of memory");
  } catch (const std::exception& e) {
    advise::cli::print_error(e.what());
  }
  return advise::cli::k_exit_usage;
}
