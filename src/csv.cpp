#include "advise/csv.hpp"

#include "advise/swar.hpp"
#include "advise/utf8.hpp"

#include <algorithm>
#include <bit>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace advise {
namespace {

constexpr unsigned char k_bom[3] = {0xEF, 0xBB, 0xBF};

// Whether `text` is valid UTF-8 with no NUL; if not, the problem and the
// byte offset where it is.
CsvProblem check_text(std::string_view text, std::size_t& at) {
  std::size_t i = 0;
  while (i < text.size()) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {  // the common case, kept short
      if (text[i] == '\0') {
        at = i;
        return CsvProblem::nul_byte;
      }
      ++i;
      continue;
    }
    std::uint32_t cp = 0;
    const std::size_t n = utf8_char(text, i, cp);
    if (n == 0) {
      at = i;
      return CsvProblem::invalid_utf8;
    }
    i += n;
  }
  return CsvProblem::none;
}

// Bit k of the result is set when byte k of `p` (k < n <= 64) needs a look
// from the fast path: a comma, a quote, a control byte or a byte of a
// non-ASCII character. `readable` bytes from `p` may be read (n or more).
std::uint64_t special_bits(const char* p, std::size_t n, [[maybe_unused]] std::size_t readable) {
  std::uint64_t bits = 0;
  std::size_t k = 0;
#if defined(__SSE2__)
  // Sixteen bytes at a time. As signed bytes, control bytes and non-ASCII
  // ones are exactly those below 0x20.
  const __m128i comma = _mm_set1_epi8(',');
  const __m128i quote = _mm_set1_epi8('"');
  const __m128i space = _mm_set1_epi8(0x20);
  for (; k < n && k + 16 <= readable; k += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + k));
    const __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, comma), _mm_cmpeq_epi8(v, quote)),
                                     _mm_cmplt_epi8(v, space));
    bits |= std::uint64_t{static_cast<std::uint16_t>(_mm_movemask_epi8(hit))} << k;
  }
  if (k >= n) return n == 64 ? bits : bits & ((std::uint64_t{1} << n) - 1);  // not past n
#endif
  for (; k < n; ++k) {
    const auto c = static_cast<unsigned char>(p[k]);
    if (c < 0x20 || c >= 0x80 || c == ',' || c == '"') bits |= std::uint64_t{1} << k;
  }
  return bits;
}

}  // namespace

CsvPosition CsvRecord::position(std::size_t i) const {
  if (line.empty()) return positions[i];
  const auto offset = static_cast<std::size_t>(fields[i].data() - line.data());
  return {line_number, 1 + utf8_characters(line.substr(0, offset))};
}

CsvParser::CsvParser(std::size_t max_record_bytes) : m_max_record_bytes(max_record_bytes) {}

void CsvParser::flag(CsvProblem problem) {
  if (m_record.problem != CsvProblem::none) return;  // the first one counts
  m_record.problem = problem;
  m_record.problem_field = m_offsets.empty() ? 0 : m_offsets.size() - 1;
  m_record.problem_at = m_at;
}

// A record refused for its size or width stores nothing more: bounded
// memory, and no field to check again and again.
bool CsvParser::refused() const {
  return m_record.problem == CsvProblem::too_long || m_record.problem == CsvProblem::too_many_fields;
}

void CsvParser::append(char c) {
  if (refused()) return;
  m_record.storage.push_back(c);
}

void CsvParser::start_record() {
  m_record.storage.clear();
  m_record.line = {};
  m_record.fields.clear();
  m_record.positions.clear();
  m_offsets.clear();
  m_record.problem = CsvProblem::none;
  m_record.problem_field = 0;
  m_record.cut = false;
  m_record.quoted = false;
  m_raw_bytes = 0;
  m_recording = false;
  m_tail.clear();
  m_quote_wrong = false;
  m_opening_row = false;
  m_long_field = false;
  ++m_record.number;
  m_state = State::field_start;
  start_field();
}

void CsvParser::start_field() {
  m_field_at = m_at;
  if (refused()) return;
  if (m_offsets.size() == k_max_fields) {  // bounded memory for lines of commas
    m_record.problem = CsvProblem::too_many_fields;
    m_record.cut = true;
    m_record.problem_at = m_record.positions.front();
    return;
  }
  m_offsets.push_back(m_record.storage.size());
  m_record.positions.push_back(m_at);
}

void CsvParser::end_field() {
  if (refused() || m_offsets.empty()) return;
  const std::string_view field =
      std::string_view(m_record.storage).substr(m_offsets.back());
  std::size_t at = 0;
  const CsvProblem problem = check_text(field, at);
  if (problem != CsvProblem::none && m_record.problem == CsvProblem::none) {
    m_record.problem = problem;
    m_record.problem_field = m_offsets.size() - 1;
    // Where the bad byte is, from the field's start and the text before it.
    // In a quoted field that text may hold line breaks, and each quote in it
    // was written twice; an unquoted one has neither.
    CsvPosition p = m_record.positions.back();
    std::string_view before = field.substr(0, at);
    if (m_state == State::quoted || m_state == State::quote_in_quoted) {
      if (const auto lf = before.rfind('\n'); lf != std::string_view::npos) {
        p.line += static_cast<std::uint64_t>(std::count(before.begin(), before.end(), '\n'));
        p.column = 1;
        before.remove_prefix(lf + 1);
      } else {
        ++p.column;  // the opening quote
      }
      p.column += static_cast<std::uint64_t>(std::count(before.begin(), before.end(), '"'));
    }
    p.column += utf8_characters(before);
    m_record.problem_at = p;
  }
}

void CsvParser::stray_quote() {
  end_field();
  m_record.problem = CsvProblem::stray_quote;
  m_record.problem_at = m_quote_at;
  m_replay.swap(m_tail);
  m_tail.clear();
  m_recording = false;
  m_at = m_tail_at;
  m_cr_pending = false;
  end_record();
}

// Whether the lines kept after a quote's line read as records: most of the
// first 64 of them have the header's width (commas outside quotes, plus
// one). Then the quote that ran over them was stray; a long field holding
// line breaks reads as text. Unsure (no header, no whole line) means stray:
// its lines are read again, so nothing is lost if the guess is wrong.
bool CsvParser::tail_is_records() const {
  if (m_header_fields == 0) return true;
  std::string_view rest = m_tail;
  std::size_t lines = 0;
  std::size_t records = 0;
  for (auto end = rest.find('\n'); end != std::string_view::npos && lines < 64; end = rest.find('\n')) {
    const std::string_view line = rest.substr(0, end);
    rest.remove_prefix(end + 1);
    if (line.empty() || line == "\r") continue;
    std::size_t fields = 1;
    bool quoted = false;
    for (const char c : line) {
      if (c == '"') quoted = !quoted;
      fields += c == ',' && !quoted;
    }
    ++lines;
    records += !quoted && fields == m_header_fields;
  }
  return lines == 0 || records * 2 >= lines;
}

// The part of a line inside a quoted field that is the field's, if the
// quote is meant: up to the quote that closes it (a doubled quote is data).
// Were the quote stray, that part was the start of a row of its own.
std::string_view CsvParser::inside_quote(std::string_view line) {
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] != '"') continue;
    if (i + 1 < line.size() && line[i + 1] == '"') {
      ++i;
      continue;
    }
    return line.substr(0, i);
  }
  return line;
}

// Whether `line`, a line inside a quoted field, would be a row were the
// quote stray (rows_have()): what the field holds of it (inside_quote()),
// read on its own as a record, has the row field's shape; or, read so, it
// has the header's number of fields and none starts with a space (rows as
// spreadsheets write them, "Dee,TBD,"; a note's sentence puts a space
// after its commas). Read as the parser reads: a field that starts with a
// quote runs to its closing quote; a quote inside a field is data.
bool CsvParser::line_is_row(std::string_view whole) const {
  const std::string_view line = inside_quote(whole);
  std::size_t i = 0;
  bool spaced = false;
  std::size_t filled = 0;  // fields not empty: ",," is a spreadsheet's empty row
  for (std::size_t field = 0;; ++field) {
    std::string_view value;
    if (i < line.size() && line[i] == '"') {
      std::size_t j = i + 1;
      while (j < line.size() && !(line[j] == '"' && (j + 1 == line.size() || line[j + 1] != '"'))) {
        j += line[j] == '"' ? 2 : 1;  // a doubled quote
      }
      if (j >= line.size()) return false;  // open at the line's end: no row here
      value = line.substr(i + 1, j - i - 1);
      i = j + 1;
    }
    const std::size_t comma = std::min(line.find(',', i), line.size());
    if (value.data() == nullptr) value = line.substr(i, comma - i);
    spaced = spaced || (!value.empty() && (value.front() == ' ' || value.front() == '\t'));
    filled += !value.empty();
    if (field == m_row_field && m_row_shape(value)) return true;
    if (comma == line.size()) return !spaced && filled >= 2 && field + 1 == m_header_fields;
    i = comma + 1;
  }
}

// Whether the text a quote opened on its own line holds a row's mark
// (rows_have()): read with the quote as data, as it would be were it stray,
// the line has the row field's shape inside the quote ("Anna,2026-04-12 /
// Ben",...: Anna's date taken into her name). A date before the quote is
// the row's own. Called at the first line break inside the quote.
bool CsvParser::opening_line_holds_row() const {
  if (m_row_shape == nullptr || m_offsets.empty()) return false;
  const std::size_t quoted = m_offsets.size() - 1;  // the field the quote opened
  if (m_row_field <= quoted) return false;
  std::string_view text = std::string_view(m_record.storage).substr(m_offsets.back());
  for (std::size_t piece = m_row_field - quoted; piece > 0; --piece) {
    const auto comma = text.find(',');
    if (comma == std::string_view::npos) return false;
    text.remove_prefix(comma + 1);
  }
  return m_row_shape(text.substr(0, text.find(',')));
}

// Whether a quote ran over rows (rows_have()): any of the lines kept after
// the quote's line reads as one. A note's lines rarely hold a date where
// the list keeps it; rows swallowed are lost without a word, so one is
// enough.
bool CsvParser::tail_holds_rows() const {
  if (m_row_shape == nullptr) return false;
  std::string_view rest = m_tail;
  for (auto end = rest.find('\n'); end != std::string_view::npos; end = rest.find('\n')) {
    std::string_view line = rest.substr(0, end);  // whole lines only
    rest.remove_prefix(end + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line_is_row(line)) return true;
  }
  return false;
}

// A quote taken for a long field (past the kept lines) that runs into a row:
// the long record ends before that row's line, which is read again. Called
// at each line end inside the quote, and at the record's end.
bool CsvParser::long_field_meets_row() {
  std::string_view line = m_line;
  if (!m_line_whole || m_row_shape == nullptr) return false;
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  if (!line_is_row(line)) return false;
  m_replay = m_line;
  m_replay += '\n';
  m_at = m_line_at;
  m_cr_pending = false;
  return true;
}

bool CsvParser::end_record() {
  // A record over several lines that goes wrong: text after a closing quote,
  // not the header's number of fields, or rows inside it.
  if (m_recording && (m_quote_wrong || m_opening_row ||
                      (m_header_fields != 0 && m_offsets.size() != m_header_fields) || tail_holds_rows())) {
    m_recording = false;  // stray_quote() calls back here
    m_record.problem = CsvProblem::none;
    stray_quote();
    return true;
  }
  if (m_long_field && long_field_meets_row()) m_long_field = false;  // its last line is read again
  end_field();
  m_offsets.push_back(m_record.storage.size());
  const std::string_view all = m_record.storage;
  for (std::size_t i = 0; i + 1 < m_offsets.size(); ++i) {
    m_record.fields.push_back(all.substr(m_offsets[i], m_offsets[i + 1] - m_offsets[i]));
  }
  m_offsets.pop_back();
  if (m_record.number == 1) m_header_fields = m_record.fields.size();
  m_state = State::record_start;
  m_ready = true;
  return true;
}

// A comma, LF or CR outside quotes: the field ends, and with LF the record.
// (A CR waits for the next byte: with LF it ends the line, else it is data.)
bool CsvParser::separator(char c) {
  if (c == ',') {
    end_field();
    ++m_at.column;
    start_field();
    m_state = State::field_start;
    return false;
  }
  if (c == '\n') {
    // The next line first: a record that turns out to hold a stray quote
    // moves the position back to the line after the quote's.
    ++m_at.line;
    m_at.column = 1;
    return end_record();
  }
  m_cr_pending = true;
  m_state = State::unquoted;
  ++m_at.column;
  return false;
}

// One byte of the state machine. Positions move after the byte is handled.
bool CsvParser::step(char c) {
  bool done = false;
  if (m_recording) {
    m_tail.push_back(c);
    if (m_tail.size() > m_max_record_bytes) {
      if (m_opening_row || tail_is_records() || tail_holds_rows()) {  // a stray quote: one line lost, not a megabyte
        stray_quote();
        return true;
      }
      m_recording = false;  // a long field: followed to its close, one record
      m_long_field = true;
      std::string().swap(m_tail);
      m_line.clear();
      m_line_whole = false;  // this line started before: not looked at
    }
  } else if (m_long_field) {
    // Each line of the long field, to end it before a row it runs into.
    if (c == '\n' && m_state == State::quoted) {
      if (long_field_meets_row()) {
        m_long_field = false;  // the quote is left open: the record ends here
        end_record();
        return true;
      }
      m_line.clear();
      m_line_whole = true;
      m_line_at = CsvPosition{m_at.line + 1, 1};
    } else if (c != '\n') {
      if (m_line.size() < m_max_record_bytes) {
        m_line.push_back(c);
      } else {
        m_line_whole = false;
      }
    }
  }
  if (m_cr_pending) {
    m_cr_pending = false;
    if (c != '\n') {
      // A lone CR is data, outside quotes as inside; one that starts a line
      // starts its record, in the column before this byte's.
      if (m_state == State::record_start) {
        --m_at.column;
        start_record();
        ++m_at.column;
      }
      if (m_state == State::field_start) m_state = State::unquoted;
      append('\r');
    }
  }
  if (m_state == State::record_start) {
    if (c == '\n') {
      ++m_blank_lines;
      ++m_at.line;
      m_at.column = 1;
      return false;
    }
    if (c == '\r') {
      m_cr_pending = true;
      ++m_at.column;
      return false;
    }
    start_record();
  }
  if (++m_raw_bytes > m_max_record_bytes && m_record.problem != CsvProblem::too_long) {
    end_field();
    flag(CsvProblem::too_long);
    m_record.problem = CsvProblem::too_long;
    m_record.cut = true;
    m_record.problem_at = m_record.positions.front();
  }

  switch (m_state) {
    case State::record_start:
    case State::field_start:
      if (c == '"') {
        m_state = State::quoted;
        m_record.quoted = true;
        break;
      }
      m_state = State::unquoted;
      [[fallthrough]];
    case State::unquoted:
      if (c == ',' || c == '\n' || c == '\r') return separator(c);
      append(c);  // a quote inside an unquoted field is data, as in Python's csv
      break;
    case State::quoted:
      if (c == '"') {
        m_state = State::quote_in_quoted;
        break;
      }
      // The field runs past its line: keep what follows, to read again if
      // the quote was stray.
      if (c == '\n' && !m_recording && !m_long_field) {
        m_recording = true;
        m_tail.clear();
        m_tail_at = CsvPosition{m_at.line + 1, 1};
        m_quote_at = m_field_at;
        m_opening_row = opening_line_holds_row();
      }
      append(c);
      break;
    case State::quote_in_quoted:
      if (c == '"') {  // a doubled quote
        append('"');
        m_state = State::quoted;
        break;
      }
      if (c == ',' || c == '\n' || c == '\r') return separator(c);
      flag(CsvProblem::text_after_quote);
      m_quote_wrong = true;
      append(c);
      m_state = State::unquoted;
      break;
  }
  if (c == '\n') {
    ++m_at.line;
    m_at.column = 1;
  } else if (starts_character(c)) {
    ++m_at.column;
  }
  return done;
}

CsvParser::Line CsvParser::plain_line(std::string_view& bytes) {
  // One pass over the bytes up to the line end: only those special_bits()
  // marks are looked at, 64 at a time, the line end among them. Lines at the
  // record limit go the slow way, which flags them. Positions are left to
  // CsvRecord::position().
  const std::string_view reachable = bytes.substr(0, std::min(bytes.size(), m_max_record_bytes));
  auto& fields = m_record.fields;
  fields.clear();
  std::size_t start = 0;
  std::size_t next = 0;  // bytes before it belong to a character already checked
  for (std::size_t base = 0; base < reachable.size(); base += 64) {
    const std::size_t n = std::min<std::size_t>(64, reachable.size() - base);
    const std::size_t readable = bytes.size() - base;  // the last load may look past n
    for (std::uint64_t bits = special_bits(bytes.data() + base, n, readable); bits != 0;
         bits &= bits - 1) {
      const std::size_t i = base + static_cast<std::size_t>(std::countr_zero(bits));
      if (i < next) continue;  // the rest of a multi-byte character
      const auto c = static_cast<unsigned char>(bytes[i]);
      if (c == ',') {
        if (fields.size() + 1 == k_max_fields) return Line::slow;
        fields.push_back(bytes.substr(start, i - start));
        start = i + 1;
      } else if (c == '\n' || (c == '\r' && i + 1 < reachable.size() && bytes[i + 1] == '\n')) {
        const std::size_t end = c == '\n' ? i : i + 1;  // the LF
        if (i == 0) {
          if (c == '\r') return Line::slow;  // a CR alone on its line
          ++m_blank_lines;
          ++m_at.line;
          m_at.column = 1;
          bytes.remove_prefix(1);
          return Line::blank;
        }
        fields.push_back(bytes.substr(start, i - start));
        m_record.positions.clear();
        m_record.line_number = m_at.line;
        m_record.line = bytes.substr(0, i);
        m_record.storage.clear();
        m_record.problem = CsvProblem::none;
        m_record.problem_field = 0;
        m_record.cut = false;
        m_record.quoted = false;
        if (++m_record.number == 1) m_header_fields = fields.size();
        ++m_at.line;
        m_at.column = 1;
        bytes.remove_prefix(end + 1);
        return Line::record;
      } else if (c >= 0x80) {
        std::uint32_t cp = 0;
        const std::size_t length = utf8_char(reachable, i, cp);
        if (length == 0) return Line::slow;
        next = i + length;
      } else if (c == '"' || c == '\r' || c == '\0') {
        return Line::slow;
      }  // other control bytes are data, as in the slow path
    }
  }
  return Line::slow;  // no line end within reach
}

std::size_t CsvParser::consume(std::string_view bytes) {
  std::size_t i = 0;
  // A byte-order mark is skipped at the very start only, even across feeds.
  while (!m_started && i < bytes.size()) {
    if (static_cast<unsigned char>(bytes[i]) == k_bom[m_bom_seen]) {
      ++i;
      if (++m_bom_seen == 3) m_started = true;
      continue;
    }
    m_started = true;
    // A partial mark was data after all.
    for (std::size_t k = 0; k < m_bom_seen; ++k) step(static_cast<char>(k_bom[k]));
  }
  while (i < bytes.size()) {
    // Fast path: a run of ordinary bytes inside an unquoted field is copied
    // in one go; only separators, line ends and quotes go through step().
    if (m_state == State::unquoted && !m_cr_pending && !refused() &&
        m_raw_bytes < m_max_record_bytes) {
      // Never past the record limit: step() flags the byte that crosses it.
      const std::size_t end = i + std::min(bytes.size() - i, m_max_record_bytes - m_raw_bytes);
      std::size_t j = i;
      std::uint64_t characters = 0;
      while (j < end) {
        const char c = bytes[j];
        if (c == ',' || c == '\n' || c == '\r') break;
        characters += starts_character(c);
        ++j;
      }
      m_record.storage.append(bytes.data() + i, j - i);
      if (m_recording) m_tail.append(bytes.data() + i, j - i);
      if (m_long_field && m_line.size() + (j - i) <= m_max_record_bytes) {
        m_line.append(bytes.data() + i, j - i);
      } else if (m_long_field) {
        m_line_whole = false;
      }
      m_raw_bytes += j - i;
      m_at.column += characters;
      i = j;
      if (i == bytes.size()) break;
    }
    if (step(bytes[i++])) return i;
  }
  return i;
}

namespace {

// Whether `field` holds a comma, a quote, LF or CR, eight bytes at a time:
// the --errors file quotes a path and a message on every rejected row.
bool needs_quotes(std::string_view field) {
  std::size_t i = 0;
  for (; i + 8 <= field.size(); i += 8) {
    const std::uint64_t x = swar::load(field.data() + i);
    if (swar::any_equal(x, ',') || swar::any_equal(x, '"') || swar::any_equal(x, '\n') ||
        swar::any_equal(x, '\r')) {
      return true;
    }
  }
  for (; i < field.size(); ++i) {
    const char c = field[i];
    if (c == ',' || c == '"' || c == '\n' || c == '\r') return true;
  }
  return false;
}

}  // namespace

void append_csv_field(std::string& out, std::string_view field) {
  if (!needs_quotes(field)) {
    out.append(field);
    return;
  }
  out += '"';
  // Up to each quote at once, then the quote doubled.
  for (auto quote = field.find('"'); quote != std::string_view::npos; quote = field.find('"')) {
    out.append(field.substr(0, quote + 1));
    out += '"';
    field.remove_prefix(quote + 1);
  }
  out.append(field);
  out += '"';
}

void append_csv_cell(std::string& out, std::string_view cell, bool neutralise) {
  if (neutralise && looks_like_formula(cell)) {
    std::string safe = "'";
    safe += cell;
    append_csv_field(out, safe);
    return;
  }
  append_csv_field(out, cell);
}

}  // namespace advise
