#include "sink.hpp"

#include <array>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

namespace advise::cli {
namespace {

constexpr std::size_t k_buffer_bytes = std::size_t{1} << 20;

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

extern "C" void on_signal(int signal) {
  for (auto& slot : g_temporaries) {
    if (slot[0] != '\0') ::unlink(slot);
  }
  std::signal(signal, SIG_DFL);
  std::raise(signal);
}

}  // namespace

void remove_temporaries_on_signals() {
  for (const int s : {SIGINT, SIGTERM, SIGHUP}) std::signal(s, on_signal);
}

Sink::~Sink() { abandon(); }

std::string Sink::open(const std::string& path) {
  m_buffer.reserve(k_buffer_bytes + (k_buffer_bytes >> 2));
  if (path.empty() || path == "-") {
    m_file = stdout;
    return {};
  }
  m_path = path;
  std::string pattern = path + ".XXXXXX";
  const int fd = ::mkstemp(pattern.data());
  if (fd < 0) {
    return fmt::format("cannot write {}: {}", path, std::strerror(errno));
  }
  // mkstemp makes 0600; the finished file gets what any new file would.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(fd, 0666 & ~mask);
  m_temporary = pattern;
  remember(m_temporary);
  m_file = ::fdopen(fd, "wb");
  if (m_file == nullptr) {
    const std::string why = std::strerror(errno);
    ::close(fd);
    abandon();
    return fmt::format("cannot write {}: {}", path, why);
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

std::string Sink::commit() {
  if (!flush()) return m_error;
  if (std::fflush(m_file) != 0) {
    m_error = fmt::format("cannot write {}: {}", m_path.empty() ? "the output" : m_path,
                          std::strerror(errno));
    return m_error;
  }
  if (m_temporary.empty()) return {};
  const bool closed = std::fclose(m_file) == 0;
  m_file = nullptr;
  if (!closed || std::rename(m_temporary.c_str(), m_path.c_str()) != 0) {
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
