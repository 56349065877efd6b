// Where batch output goes: stdout, or a file written atomically (a temporary
// file beside it, renamed into place only when everything was written), so a
// failed or interrupted run never leaves a half-written file.
#pragma once

#include <cstdio>
#include <string>
#include <string_view>

namespace advise::cli {

class Sink {
 public:
  Sink() = default;
  Sink(const Sink&) = delete;
  Sink& operator=(const Sink&) = delete;
  ~Sink();  // an uncommitted file is removed

  // Opens `path` ("" or "-": stdout). The error is a whole message.
  std::string open(const std::string& path);

  // Buffers `text`, writing when the buffer is full. False once a write failed.
  bool write(std::string_view text);
  std::string& buffer() { return m_buffer; }
  bool flush_if_full();

  // Writes what is left and, for a file, renames it into place. The error is
  // a whole message; "" on success.
  std::string commit();

  // Removes an uncommitted temporary file (also from a signal handler).
  void abandon();

  const std::string& error() const { return m_error; }

 private:
  bool flush();
  std::FILE* m_file = nullptr;
  std::string m_path;       // the final name ("" for stdout)
  std::string m_temporary;  // the name written to
  std::string m_buffer;
  std::string m_error;
};

// Removes the temporary files of open sinks when SIGINT, SIGTERM or SIGHUP
// arrives, then dies of the signal as usual.
void remove_temporaries_on_signals();

}  // namespace advise::cli
