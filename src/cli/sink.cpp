#include "sink.hpp"

#include <array>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <climits>
#include <cstdlib>

#include "shown.hpp"

namespace advise::cli {
namespace {

constexpr std::size_t k_buffer_bytes = std::size_t{1} << 18;

// Temporary files a signal handler must remove: fixed storage, no allocation.
constexpr std::size_t k_max_temporaries = 4;
std::array<char[4096], k_max_temporaries> g_temporaries{};

void remember(const std::string& path) {
  for (auto& slot : g_temporaries) {
    if (slot[0] == '\0' && path.size() < sizeof slot) {
      std::memcpy(slot, path.c_str(), path.size() + 1);
      return;
    }
  }
}

void forget(const std::string& path) {
  for (auto& slot : g_temporaries) {
    if (path == slot) slot[0] = '\0';
  }
}

// Holds back every signal that can be held while it lives.
class SignalsHeld {
 public:
  SignalsHeld() {
    sigset_t all;
    sigfillset(&all);
    ::sigprocmask(SIG_BLOCK, &all, &m_old);
  }
  ~SignalsHeld() { ::sigprocmask(SIG_SETMASK, &m_old, nullptr); }
  SignalsHeld(const SignalsHeld&) = delete;
  SignalsHeld& operator=(const SignalsHeld&) = delete;

 private:
  sigset_t m_old{};
};

extern "C" void on_signal(int signal) {
  for (auto& slot : g_temporaries) {
    if (slot[0] != '\0') ::unlink(slot);
  }
  std::signal(signal, SIG_DFL);
  std::raise(signal);
}

// The descriptor a name such as /dev/stdout or /dev/fd/3 stands for; -1 for other names.
int descriptor_named(const std::string& path) {
  if (path == "/dev/stdout") return STDOUT_FILENO;
  if (path == "/dev/stderr") return STDERR_FILENO;
  for (const std::string_view prefix : {"/dev/fd/", "/proc/self/fd/"}) {
    if (!path.starts_with(prefix)) continue;
    const std::string_view digits = std::string_view(path).substr(prefix.size());
    if (digits.empty() || digits.size() > 6 || digits.find_first_not_of("0123456789") != std::string_view::npos) {
      return -1;
    }
    return std::stoi(std::string(digits));
  }
  return -1;
}

// The directory part of `path`: "." for a bare name, "/" for one in the root.
std::string directory_of(const std::string& path) {
  const auto slash = path.rfind('/');
  return slash == std::string::npos ? "." : slash == 0 ? "/" : path.substr(0, slash);
}

bool is_link(const std::string& path) {
  struct stat link {};
  return ::lstat(path.c_str(), &link) == 0 && S_ISLNK(link.st_mode);
}

}  // namespace

void remove_temporaries_on_signals() {
  // Past a file-size limit a write fails (EFBIG) and the run ends as on a
  // full disk, instead of dying with the temporary file in place.
  std::signal(SIGXFSZ, SIG_IGN);
  // Every signal whose default ends the process (the real-time ones too),
  // but those that cannot be caught; not those that stop it, or are ignored.
  for (int s = 1; s <= SIGRTMAX; ++s) {
    switch (s) {
      case SIGKILL: case SIGSTOP: case SIGXFSZ: case SIGCHLD: case SIGCONT: case SIGTSTP:
      case SIGTTIN: case SIGTTOU: case SIGURG: case SIGWINCH:
        continue;
      default:
        break;
    }
    struct sigaction old {};
    if (::sigaction(s, nullptr, &old) != 0 || old.sa_handler == SIG_IGN) continue;  // or reserved
    std::signal(s, on_signal);
  }
}

Sink::~Sink() { abandon(); }

std::string Sink::open(const std::string& path) {
  m_buffer.reserve(k_buffer_bytes + (k_buffer_bytes >> 2));
  if (path.empty() || path == "-") {
    m_file = stdout;
    return {};
  }
  m_path = escaped(path);  // for messages: a name may hold control characters
  // /dev/stdout, /dev/stderr, /dev/fd/N: the descriptor the shell opened,
  // written in place, so that `>> log` still appends.
  if (const int fd = descriptor_named(path); fd >= 0) {
    struct stat open_file {};
    const int copy = ::fstat(fd, &open_file) == 0 ? ::dup(fd) : -1;
    m_file = copy < 0 ? nullptr : ::fdopen(copy, "wb");
    if (m_file == nullptr) return fmt::format("cannot write {}: {}", m_path, std::strerror(errno));
    m_identity = {open_file.st_dev, open_file.st_ino};
    return {};
  }
  // Follow a symbolic link, so that the link stays and its target is written.
  std::string target = path;
  if (char* real = ::realpath(path.c_str(), nullptr)) {
    target = real;
    std::free(real);
  } else if (const int why = errno; is_link(path)) {
    struct stat reached {};
    if (::stat(path.c_str(), &reached) != 0) {
      // A link to nowhere (or a loop): renaming over it would replace the link.
      return fmt::format("cannot write {}: it is a symbolic link that does not lead to a file ({}); "
                         "give the file itself",
                         m_path, std::strerror(why));
    }
  } else {
    // A new file: named by its directory's real path, so that two spellings
    // of one new file (r.csv, ./r.csv) are seen to be one.
    if (char* real = ::realpath(directory_of(path).c_str(), nullptr)) {
      target = std::string(real) + "/" + path.substr(path.rfind('/') + 1);  // npos + 1 == 0
      std::free(real);
    }
  }
  struct stat existing {};
  const bool exists = ::stat(target.c_str(), &existing) == 0;
  if (exists && S_ISDIR(existing.st_mode)) return fmt::format("cannot write {}: it is a directory", m_path);
  if (exists && !S_ISREG(existing.st_mode)) {
    // A device or a fifo: written in place; renaming over it would destroy it.
    m_file = std::fopen(target.c_str(), "wb");
    if (m_file == nullptr) return fmt::format("cannot write {}: {}", m_path, std::strerror(errno));
    m_identity = {existing.st_dev, existing.st_ino};
    return {};
  }
  // A file the writer may not write (mode 444, or another's) is not
  // replaced, though the directory would allow the rename: as `>` would.
  if (exists && ::access(target.c_str(), W_OK) != 0) {
    return fmt::format("cannot write {}: {}", m_path, std::strerror(errno));
  }
  std::string pattern = target + ".XXXXXX";
  // A signal between making the file and remembering it would leave it:
  // signals wait until the handler knows the name (a test that signals as
  // soon as the file appears hit that gap on a loaded machine).
  const SignalsHeld held;
  const int fd = ::mkstemp(pattern.data());
  if (fd < 0) {
    // The file may be writable when its directory is not: say which failed.
    const int why = errno;
    return fmt::format("cannot write {}: cannot create a file in {} ({}); the file is written "
                       "there under a temporary name, then renamed",
                       m_path, escaped(directory_of(target)), std::strerror(why));
  }
  // mkstemp makes 0600; an existing file keeps its mode, a new one gets what
  // any new file would.
  mode_t mode = 0;
  if (exists) {
    mode = existing.st_mode & 07777;
  } else {
    const mode_t mask = ::umask(0);
    ::umask(mask);
    mode = 0666 & ~mask;
  }
  // Owner and group as well, where allowed (root writing a user's file).
  if (exists && ::fchown(fd, existing.st_uid, existing.st_gid) != 0) {
    // Not allowed (only root may give a file away): the new file is the writer's.
  }
  ::fchmod(fd, mode);
  m_temporary = pattern;
  m_final = target;
  remember(m_temporary);
  if (exists) m_identity = {existing.st_dev, existing.st_ino};
  m_file = ::fdopen(fd, "wb");
  if (m_file == nullptr) {
    const std::string why = std::strerror(errno);
    ::close(fd);
    abandon();
    return fmt::format("cannot write {}: {}", m_path, why);
  }
  return {};
}

bool Sink::flush() {
  if (!m_error.empty()) return false;
  if (!m_buffer.empty() && std::fwrite(m_buffer.data(), 1, m_buffer.size(), m_file) != m_buffer.size()) {
    m_error = fmt::format("cannot write {}: {}", m_path.empty() ? "the output" : m_path,
                          std::strerror(errno));
  }
  m_buffer.clear();
  return m_error.empty();
}

bool Sink::flush_if_full() { return m_buffer.size() < k_buffer_bytes || flush(); }

bool Sink::write(std::string_view text) {
  m_buffer.append(text);
  return flush_if_full();
}

std::string Sink::finish() {
  if (!flush()) return m_error;
  if (std::fflush(m_file) != 0) {
    m_error = fmt::format("cannot write {}: {}", m_path.empty() ? "the output" : m_path,
                          std::strerror(errno));
    return m_error;
  }
  if (m_file != stdout) {
    const bool closed = std::fclose(m_file) == 0;
    m_file = nullptr;
    if (!closed) {
      m_error = fmt::format("cannot write {}: {}", m_path, std::strerror(errno));
      return m_error;
    }
  }
  return {};
}

std::string Sink::publish() {
  if (m_temporary.empty()) return {};
  if (std::rename(m_temporary.c_str(), m_final.c_str()) != 0) {
    m_error = fmt::format("cannot write {}: {}", m_path, std::strerror(errno));
    abandon();
    return m_error;
  }
  forget(m_temporary);
  m_temporary.clear();
  return {};
}

void Sink::abandon() {
  if (m_temporary.empty()) return;
  if (m_file != nullptr) std::fclose(m_file);
  m_file = nullptr;
  ::unlink(m_temporary.c_str());
  forget(m_temporary);
  m_temporary.clear();
}

}  // namespace advise::cli
