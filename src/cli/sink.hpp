// Where batch output goes: stdout, or a file written atomically (a temporary
// file beside it, renamed into place only when everything was written), so a
// failed or interrupted run never leaves a half-written file.
#pragma once

#include <cstdio>
#include <sys/types.h>
#include <utility>
#include <string>
#include <string_view>

namespace advise::cli {

class Sink {
 public:
  Sink() = default;
  Sink(const Sink&) = delete;
  Sink& operator=(const Sink&) = delete;
  ~Sink();  // an uncommitted file is removed

  // Opens `path` ("" or "-": stdout). A regular file (or a new one) is
  // written atomically; anything else (a device, a fifo) is written in place
  // and never replaced; a symbolic link is followed. The error is a whole message.
  std::string open(const std::string& path);

  // Whether this sink writes the file with this device and inode, or the
  // same regular file as `other` (by identity, or by name for files not there
  // yet): one rename would undo the other. Two sinks may share a device or a
  // fifo (/dev/null for both), written in place like stdout and stderr.
  bool writes(dev_t device, ino_t inode) const {
    return m_identity.first == device && m_identity.second == inode && m_identity != std::pair<dev_t, ino_t>{0, 0};
  }
  bool same_file(const Sink& other) const {
    if (m_temporary.empty() && other.m_temporary.empty()) return false;
    if (!m_final.empty() && m_final == other.m_final) return true;
    return other.writes(m_identity.first, m_identity.second);
  }

  // Buffers `text`, writing when the buffer is full. False once a write failed.
  bool write(std::string_view text);
  std::string& buffer() { return m_buffer; }
  bool flush_if_full();

  // Writes what is left and closes a temporary file; nothing is published
  // yet. The error is a whole message; "" on success.
  std::string finish();

  // Renames a finished temporary file into place. The error is a whole message.
  std::string publish();

  // Removes an uncommitted temporary file (also from a signal handler).
  void abandon();

  const std::string& error() const { return m_error; }

 private:
  bool flush();
  std::FILE* m_file = nullptr;
  std::string m_path;       // the name given ("" for stdout), for messages
  std::string m_final;      // the file the temporary one becomes
  std::string m_temporary;  // the name written to
  std::string m_buffer;
  std::string m_error;
  std::pair<dev_t, ino_t> m_identity{0, 0};
};

// Removes the temporary files of open sinks when a signal that ends the
// process arrives (SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGQUIT, SIGUSR1,
// SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF, SIGXCPU), then dies of the signal as
// usual. A signal that was being ignored (nohup, a background job) stays
// ignored. SIGXFSZ is ignored: past a file-size limit the write fails.
void remove_temporaries_on_signals();

}  // namespace advise::cli
