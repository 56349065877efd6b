// A small streaming JSON writer: objects, arrays, strings, numbers, booleans,
// null. Escapes per RFC 8259; keeps commas right so callers never do.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace advise {

class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : m_out(out) {}

  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  JsonWriter& key(std::string_view name);
  JsonWriter& value(std::string_view text);
  JsonWriter& value(const char* text) { return value(std::string_view(text)); }
  JsonWriter& value(long long number);
  JsonWriter& value(int number) { return value(static_cast<long long>(number)); }
  JsonWriter& value(bool flag);
  JsonWriter& null();
  // The text, or null when it is empty (a field that has no value).
  JsonWriter& text_or_null(std::string_view text) { return text.empty() ? null() : value(text); }

 private:
  void separate();
  std::string& m_out;
  std::vector<bool> m_first;  // per open container: no element written yet
  bool m_after_key = false;
};

// Appends `text` as a quoted JSON string.
void append_json_string(std::string& out, std::string_view text);

}  // namespace advise
