// CSV (RFC 4180) as a push parser: bytes in, records out, nothing kept but
// the record being read, so memory stays flat however long the input is.
// No I/O: the caller reads the bytes (a file, stdin, a fuzzer).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace advise {

// Where a field starts: physical line and column (in characters), 1-based.
struct CsvPosition {
  std::uint64_t line = 1;
  std::uint64_t column = 1;
  friend bool operator==(const CsvPosition&, const CsvPosition&) = default;
};

// What can be wrong with one record; the record is still delivered, with
// its fields as far as they were read, so that the caller reports it.
enum class CsvProblem {
  none,
  unclosed_quote,      // a quoted field runs to the end of the input
  text_after_quote,    // "ab"c: text between a closing quote and the separator
  invalid_utf8,        // a field is not valid UTF-8
  nul_byte,            // a field holds a NUL byte
  too_long,            // the record is longer than the parser's limit
  too_many_fields,     // more fields than the parser's limit
  stray_quote,         // a quote ran past its line and the record went wrong;
                       // the lines after that line are read again as records
};

struct CsvRecord {
  // Views into the bytes fed or into `storage`: valid during the on_record call.
  std::vector<std::string_view> fields;
  // The record's line without its line end, when the fast path read it: then
  // the fields are `line` split at every comma, none of them quoted, and
  // the line is line number `line_number`.
  std::string_view line;
  std::uint64_t line_number = 0;
  // Where each field starts, for a record the byte-by-byte path read (empty
  // when `line` is set, as the fast path leaves positions to position()).
  std::vector<CsvPosition> positions;
  std::uint64_t number = 0;              // 1 for the first record (the header, if any)
  CsvProblem problem = CsvProblem::none;
  bool cut = false;                      // fields cut short: refused for size or width
  bool quoted = false;                   // a field of it was in quotes
  std::size_t problem_field = 0;         // the field the problem is in
  CsvPosition problem_at;                // where it is: the bad byte; the field that
                                         // opened an unclosed quote; a long record's start
  std::string storage;

  // Where field `i` (< fields.size()) starts, whichever path read the record.
  CsvPosition position(std::size_t i) const;
};

// The parser. Lines end in LF or CRLF; a UTF-8 byte-order mark at the very
// start is skipped; blank lines (outside quotes) are not records and are
// counted instead. Quoted fields may hold commas, doubled quotes and line
// breaks; a quote inside a field that does not start with one is data. A
// quoted field that runs past its line into a record that goes wrong (never
// closed, too long, text after the closing quote, or over lines that read
// as rows: see rows_have()) is a stray quote: the
// record is delivered with CsvProblem::stray_quote and the lines after the
// quote's line are read again, so one stray quote costs one line. The
// lines after it are kept for that up to `max_record_bytes`; a quote still
// open then is taken for a long field holding line breaks, and followed to
// its close as one too-long record, unless those lines read as records of
// the first record's (the header's) width, when it is stray after all.
// Fields are checked for UTF-8 and NUL bytes. A record longer than
// `max_record_bytes` is delivered with CsvProblem::too_long and its fields
// cut short, so memory stays bounded.
class CsvParser {
 public:
  explicit CsvParser(std::size_t max_record_bytes = std::size_t{1} << 20);

  // Feeds the next bytes; calls on_record(const CsvRecord&) for each record
  // completed. The record is reused: copy what must outlive the call.
  static constexpr std::size_t k_max_fields = 10000;

  template <typename OnRecord>
  void feed(std::string_view bytes, OnRecord&& on_record);

  // The input has ended: delivers a last record without a line end.
  template <typename OnRecord>
  void finish(OnRecord&& on_record);

  // What a data row looks like: field `field` has a shape `shape` accepts
  // (batch: the race date). Then a quoted field that closes after a line
  // that reads as a row on its own (that shape, or the header's number of
  // fields with no space after a comma; the text after the closing quote
  // is not part of it) was a stray quote that swallowed rows: the record is
  // delivered as stray_quote and the lines are read again, however short.
  // Without it, only a quote that goes wrong is.
  void rows_have(std::size_t field, bool (*shape)(std::string_view)) {
    m_row_field = field;
    m_row_shape = shape;
  }

  std::uint64_t blank_lines() const { return m_blank_lines; }
  std::uint64_t records() const { return m_record.number; }

 private:
  enum class State : std::uint8_t { record_start, field_start, unquoted, quoted, quote_in_quoted };
  enum class Line : std::uint8_t { slow, record, blank };

  // The fast path, at a record's start: a whole line in `bytes` with no
  // quote, lone CR, NUL or broken UTF-8 becomes a record of views into
  // `bytes` (or is counted as blank) and is removed from `bytes`. Anything
  // else is left to consume(), byte by byte, with the same result.
  Line plain_line(std::string_view& bytes);

  // Consumes bytes up to and including the one that completes a record
  // (then m_ready is set) or to the end; returns how many it consumed.
  std::size_t consume(std::string_view bytes);
  bool step(char c);
  bool separator(char c);
  void stray_quote();
  bool tail_is_records() const;
  bool tail_holds_rows() const;
  bool opening_line_holds_row() const;
  bool line_is_row(std::string_view whole) const;
  static std::string_view inside_quote(std::string_view line);
  bool long_field_meets_row();
  bool refused() const;
  void start_record();
  void start_field();
  void end_field();
  void flag(CsvProblem problem);
  bool end_record();
  void append(char c);

  State m_state = State::record_start;
  CsvRecord m_record;
  std::vector<std::size_t> m_offsets;  // field start offsets into storage
  std::size_t m_max_record_bytes;
  CsvPosition m_at;           // position of the next byte
  bool m_cr_pending = false;  // a CR was seen; it ends the line if LF follows
  bool m_started = false;     // past a possible byte-order mark
  std::size_t m_bom_seen = 0;  // bytes of a possible byte-order mark seen so far
  bool m_ready = false;       // m_record holds a completed record
  std::size_t m_raw_bytes = 0;  // bytes of the current record, as read
  // From the first line break inside quotes on, the bytes read, to read again
  // if the quote turns out to be stray.
  bool m_recording = false;
  std::string m_tail;
  CsvPosition m_tail_at;   // where those bytes start
  CsvPosition m_quote_at;  // where the quoted field opened
  CsvPosition m_field_at;  // where the current field started
  bool m_opening_row = false;  // opening_line_holds_row(), at the quote's first line break
  bool m_quote_wrong = false;  // text followed a closing quote in this record
  bool m_long_field = false;   // the quote was taken for a long field: no recording
  // Meanwhile, its current line (capped at max_record_bytes), to end it
  // before a row (rows_have()): where the line starts, and whether all of it
  // is kept.
  std::string m_line;
  CsvPosition m_line_at;
  bool m_line_whole = false;
  std::size_t m_header_fields = 0;  // fields of the first record
  std::size_t m_row_field = 0;                      // see rows_have()
  bool (*m_row_shape)(std::string_view) = nullptr;
  std::string m_replay;
  std::uint64_t m_blank_lines = 0;
};

template <typename OnRecord>
void CsvParser::feed(std::string_view bytes, OnRecord&& on_record) {
  while (!bytes.empty()) {
    if (m_state == State::record_start && m_started && !m_cr_pending) {
      const Line line = plain_line(bytes);
      if (line == Line::record) on_record(static_cast<const CsvRecord&>(m_record));
      if (line != Line::slow) continue;
    }
    bytes.remove_prefix(consume(bytes));
    if (m_ready) {
      m_ready = false;
      on_record(static_cast<const CsvRecord&>(m_record));
      if (!m_replay.empty()) {  // after a stray quote: the lines after it again
        std::string again;
        again.swap(m_replay);
        feed(std::string_view(again), on_record);
      }
    }
  }
}

template <typename OnRecord>
void CsvParser::finish(OnRecord&& on_record) {
  // Nothing after the quote's line: an unclosed quote, with nothing to read again.
  if (m_state == State::quoted && m_recording && m_tail.empty()) m_recording = false;
  if (m_state == State::quoted && m_recording) {
    // A quote that ran past its line to the end: one line lost, not the file.
    stray_quote();
    on_record(static_cast<const CsvRecord&>(m_record));
    m_ready = false;
    std::string again;
    again.swap(m_replay);
    feed(std::string_view(again), on_record);
    finish(on_record);
    return;
  }
  if (m_state == State::quoted) {
    flag(CsvProblem::unclosed_quote);
    if (m_record.problem == CsvProblem::unclosed_quote && !m_record.positions.empty()) {
      m_record.problem_at = m_record.positions.back();
    }
  }
  if (m_cr_pending) {
    // A CR at the very end ends its line, as the CRLF of a list cut short
    // would (Python's csv reads it so); elsewhere a lone CR is data.
    m_cr_pending = false;
    if (m_state == State::record_start) ++m_blank_lines;
  }
  if (m_state != State::record_start && end_record()) {
    m_ready = false;
    on_record(static_cast<const CsvRecord&>(m_record));
    if (!m_replay.empty()) {
      std::string again;
      again.swap(m_replay);
      feed(std::string_view(again), on_record);
      finish(on_record);
    }
  }
}

// RFC 4180 quoting: the field as it is when it needs none, else in quotes
// with quotes doubled.
void append_csv_field(std::string& out, std::string_view field);

// OWASP's advice against CSV injection: a cell a spreadsheet would run as a
// formula (starting with =, +, -, @, tab or carriage return) gets a leading '.
// In the header: batch asks it of every cell of every row.
constexpr bool looks_like_formula(std::string_view cell) {
  if (cell.empty()) return false;
  const char c = cell.front();
  return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

// append_csv_field(), with a leading ' first when `neutralise` is set and the
// cell looks_like_formula().
void append_csv_cell(std::string& out, std::string_view cell, bool neutralise);

}  // namespace advise
