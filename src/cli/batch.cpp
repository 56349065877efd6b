// `advise batch`: an athlete list in, advice for every athlete out, in one
// streaming pass. Every record read is advised or reported; a summary line
// on stderr adds up across chunks (GNU parallel, Hadoop streaming).
#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <date/tz.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>
#include <functional>
#include <map>
#include <unordered_map>

#include "advise/advice_columns.hpp"
#include "advise/ascii.hpp"
#include "advise/batch.hpp"
#include "advise/utf8.hpp"
#include "commands.hpp"
#include "exit_codes.hpp"
#include "options.hpp"
#include "output.hpp"
#include "shown.hpp"
#include "sink.hpp"
#include "zone.hpp"

namespace advise::cli {
namespace {

constexpr std::size_t k_chunk_bytes = std::size_t{1} << 18;
constexpr std::size_t k_shown_bytes = 60;
constexpr std::size_t k_errors_value_bytes = 1024;  // of a value in an --errors file

constexpr std::array<std::pair<std::string_view, int>, 2> k_batch_formats{{
    {"csv", 0},
    {"jsonl", 1},
}};

void append_number(std::string& out, std::uint64_t n) {
  const fmt::format_int text(n);
  out.append(text.data(), text.size());
}

// A value from the input in a message (shown.hpp): escaped, quoted, cut
// after k_shown_bytes, so that nothing in a file can drive the terminal.
std::string shown(std::string_view value) { return quote_value(value, k_shown_bytes); }

// A date in shape, ISO or not (2027-01-11, 2027/01/11, 11.01.2027; not
// checked as a date), with spaces around it or a time after it (09:00,
// T09:00:00Z, 9:00 AM): a row the batch would reject still is a row. What
// marks a line as a row, for the stray-quote rule; a note's line that only
// starts with a date ("2026-03-30 seen by the physio") does not.
bool date_shaped(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  std::string_view time;
  if (const auto rest = text.find_first_of(" T"); rest != std::string_view::npos) {
    time = text.substr(rest + 1);
    text = text.substr(0, rest);
    while (!time.empty() && time.front() == ' ') time.remove_prefix(1);
    // H:MM or HH:MM, then seconds, a zone or AM/PM: no words.
    const std::size_t colon = time.find(':');
    if (colon == 0 || colon > 2 || time.size() < colon + 3 || !std::isdigit(static_cast<unsigned char>(time[colon + 1])) ||
        !std::isdigit(static_cast<unsigned char>(time[colon + 2]))) {
      return false;
    }
    for (std::size_t i = 0; i < colon; ++i) {
      if (!std::isdigit(static_cast<unsigned char>(time[i]))) return false;
    }
    constexpr std::string_view k_time_chars = "0123456789:.+-Z APMapm";
    if (time.find_first_not_of(k_time_chars) != std::string_view::npos) return false;
  }
  int groups = 0;
  for (std::size_t i = 0; i <= text.size(); ++groups) {
    std::size_t digits = 0;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i, ++digits;
    if (digits == 0 || digits > 4) return false;
    if (i == text.size()) return groups == 2;
    if (text[i] != '-' && text[i] != '/' && text[i] != '.') return false;
    ++i;
  }
  return false;
}

std::string_view problem_text(CsvProblem p) {
  switch (p) {
    case CsvProblem::unclosed_quote: return "a quoted field is not closed before the end of the input";
    case CsvProblem::text_after_quote: return "has text after the closing quote of a field";
    case CsvProblem::invalid_utf8: return "is not valid UTF-8; save the list as UTF-8";
    case CsvProblem::nul_byte: return "holds a NUL byte";
    case CsvProblem::too_long: return "is longer than 1 MiB; records that long are refused";
    case CsvProblem::too_many_fields: return "has more than 10000 fields; records that wide are refused";
    case CsvProblem::stray_quote:
      return "a quote opened here is not closed on its line, and the lines it runs over go "
             "wrong or read as rows; the lines after this one are read again as records";
    case CsvProblem::none: return "";
  }
  return "";
}

// The encoding of a list that starts with `bytes` (its first field, as
// read), when a byte-order mark or NULs in its first character tell it; ""
// when they do not.
std::string_view wide_encoding(std::string_view bytes) {
  unsigned char b[4] = {0xAA, 0xAA, 0xAA, 0xAA};  // none of the bytes tested for
  for (std::size_t i = 0; i < 4 && i < bytes.size(); ++i) b[i] = static_cast<unsigned char>(bytes[i]);
  if ((b[0] == 0xFF && b[1] == 0xFE && b[2] == 0 && b[3] == 0) ||
      (b[0] == 0 && b[1] == 0 && b[2] == 0xFE && b[3] == 0xFF)) {
    return "UTF-32";
  }
  if ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF)) return "UTF-16";
  if (b[0] == 0 && b[1] == 0 && b[2] == 0 && b[3] != 0) return "UTF-32BE";
  if (b[0] != 0 && b[1] == 0 && b[2] == 0 && b[3] == 0) return "UTF-32LE";
  if (b[0] == 0 && b[1] != 0) return "UTF-16BE";
  if (b[0] != 0 && b[1] == 0) return "UTF-16LE";
  return "";
}

// What a file that starts with `bytes` is, when its first bytes say it is
// compressed or a workbook, not text; "" otherwise.
std::string_view packed_kind(std::string_view bytes) {
  const auto starts = [bytes](std::string_view magic) { return bytes.substr(0, magic.size()) == magic; };
  using namespace std::string_view_literals;
  if (starts("\x1f\x8b"sv)) return "compressed with gzip: decompress it first, e.g. zcat list.csv.gz | advise batch -";
  if (starts("BZh"sv) && bytes.size() > 3 && bytes[3] >= '1' && bytes[3] <= '9') {
    return "compressed with bzip2: decompress it first, e.g. bzcat list.csv.bz2 | advise batch -";
  }
  if (starts("\xfd""7zXZ"sv)) return "compressed with xz: decompress it first, e.g. xzcat list.csv.xz | advise batch -";
  if (starts("\x28\xb5\x2f\xfd"sv)) return "compressed with zstd: decompress it first, e.g. zstdcat list.csv.zst | advise batch -";
  if (starts("PK\x03\x04"sv)) {
    return "a zip archive, as a spreadsheet's workbook (.xlsx, .ods) is: save the sheet as CSV UTF-8, "
           "or unzip the list first";
  }
  return "";
}

// What is wrong with a header row, and for a list in another encoding than
// UTF-8 (the usual cause), how to convert it.
std::string header_problem(const CsvRecord& r) {
  const bool encoding = r.problem == CsvProblem::invalid_utf8 || r.problem == CsvProblem::nul_byte;
  const bool at_start = r.problem_at.line == 1 && r.problem_at.column <= 2;
  if (encoding && !r.fields.empty()) {
    if (const auto kind = packed_kind(r.fields[0]); !kind.empty()) {
      return fmt::format("is not text: the file is {}", kind);
    }
  }
  const std::string_view wide =
      encoding && at_start && !r.fields.empty() ? wide_encoding(r.fields[0]) : std::string_view{};
  // A NUL later on is a NUL, not an encoding.
  if (!encoding || (r.problem == CsvProblem::nul_byte && wide.empty())) {
    return std::string(problem_text(r.problem));
  }
  return fmt::format("{}; batch reads UTF-8: save the list as UTF-8 (in a spreadsheet, CSV UTF-8), "
                     "or convert it, e.g. iconv -f {} -t UTF-8 <in.csv >out.csv",
                     r.problem == CsvProblem::nul_byte ? "holds a NUL byte" : "is not valid UTF-8",
                     wide.empty() ? "WINDOWS-1252" : wide);
}

// Counts and reports; the errors go to stderr or, with --errors, to a CSV
// file. Messages for stderr are held back up to k_held_bytes and written in
// one go, not one write per row; flush() writes them.
class Reporter {
 public:
  // Called before messages go to stderr, to clear a progress line.
  std::function<void()> before_message = [] {};

  // `quiet`: no notes (rejections are still reported).
  // `header`: the errors file starts with its column names (not in chunks
  // after the first, nor with --no-header, as the output).
  Reporter(std::string input_name, Sink* errors, bool quiet, bool header)
      : m_input(std::move(input_name)), m_errors(errors), m_quiet(quiet) {
    if (m_errors != nullptr && header) m_errors->write("file,line,column,record,field,value,message\n");
  }

  // `cut`: the value is all the parser kept of a longer one.
  void reject(const CsvPosition& at, std::uint64_t record, std::string_view field,
              std::string_view value, bool has_value, std::string_view message, bool cut = false) {
    ++rejected;
    if (m_errors != nullptr) {
      auto& out = m_errors->buffer();
      // Values from the input are cells like any other: neutralised.
      auto cell = [&](const std::string_view text) { append_csv_cell(out, text, true); };
      cell(m_input);
      out += ',';
      append_number(out, at.line);
      out += ',';
      append_number(out, at.column);
      out += ',';
      append_number(out, record);
      out += ',';
      cell(field);
      out += ',';
      m_value.clear();
      if (has_value && (append_escaped(m_value, value, k_errors_value_bytes) || cut)) {
        if (cut) {
          m_value += "... (record cut short)";
        } else {
          m_value += "... (";
          append_number(m_value, value.size());
          m_value += " bytes)";
        }
      }
      cell(m_value);
      out += ',';
      cell(message);
      out += '\n';
      m_errors->flush_if_full();
      return;
    }
    hold(at, record, "", field, value, has_value, message);
  }

  // Whether rejections go to an --errors file, which shows a whole-row
  // rejection's row (stderr's line names only where it starts).
  bool to_file() const { return m_errors != nullptr; }

  // A note on a row that is advised all the same: to stderr, not counted.
  void note(const CsvPosition& at, std::uint64_t record, std::string_view field, std::string_view value,
            std::string_view message) {
    if (!m_quiet) hold(at, record, "note: ", field, value, true, message);
  }

  // Writes the messages held back for stderr.
  void flush() {
    if (m_held.empty()) return;
    before_message();
    if (!write_err(m_held) && m_lost.empty()) m_lost = std::strerror(errno);
    m_held.clear();
  }

  // Why messages for stderr could not be written; "" when all were.
  const std::string& lost() const { return m_lost; }

  std::uint64_t read = 0, advised = 0, rejected = 0;

 private:
  // One line for stderr, held back: "FILE:LINE:COLUMN: record N: KIND
  // field 'F': 'VALUE' MESSAGE", without the field or value when there is none.
  void hold(const CsvPosition& at, std::uint64_t record, std::string_view kind, std::string_view field,
            std::string_view value, bool has_value, std::string_view message) {
    using namespace std::string_view_literals;  // appends of a known size
    auto& line = m_held;
    line += m_input;
    // ":LINE:COLUMN: record N: " in one append (a row of a list sent in
    // with its dates ahead is rejected more often than not).
    char head[128];  // three numbers of up to 20 digits and 13 more bytes
    char* end = head;
    const auto put = [&end](std::string_view text) { end = std::copy(text.begin(), text.end(), end); };
    const auto number = [&put](std::uint64_t n) {
      const fmt::format_int digits(n);
      put(std::string_view(digits.data(), digits.size()));
    };
    put(":"sv);
    number(at.line);
    put(":"sv);
    number(at.column);
    put(": record "sv);
    number(record);
    put(": "sv);
    line.append(head, static_cast<std::size_t>(end - head));
    line += kind;
    if (!field.empty()) {
      line += "field '"sv;
      append_escaped(line, field, k_shown_bytes);  // a header name, from the file
      line += "': "sv;
    }
    if (has_value) {
      append_quoted(line, value, k_shown_bytes);
      line += ' ';
    }
    line += message;
    line += '\n';
    if (m_held.size() >= k_held_bytes) flush();
  }

  static constexpr std::size_t k_held_bytes = 64 * 1024;
  std::string m_input;
  Sink* m_errors;
  bool m_quiet;
  std::string m_held;   // messages for stderr not yet written
  std::string m_value;  // scratch for an escaped value
  std::string m_lost;
};

// Progress on a terminal: percent of the file (when its size is known) and rows per second.
class Progress {
 public:
  // Called before the line is drawn, to write messages held back first.
  std::function<void()> before_draw = [] {};

  Progress(bool on, std::uint64_t total_bytes) : m_on(on), m_total(total_bytes) {}
  void tick(std::uint64_t rows, std::uint64_t bytes) {
    if (!m_on || (rows & 0xFFFF) != 0) return;
    const auto now = std::chrono::steady_clock::now();
    if (now - m_last < std::chrono::milliseconds(250)) return;
    m_last = now;
    before_draw();
    const double seconds = std::chrono::duration<double>(now - m_start).count();
    const auto rate = static_cast<std::uint64_t>(static_cast<double>(rows) / std::max(seconds, 1e-3));
    std::string line = m_total > 0 ? fmt::format("\radvise: batch: {:3}% ", bytes * 100 / m_total)
                                   : std::string("\radvise: batch: ");
    write_err(line + fmt::format("{} rows, {} rows/s ", rows, rate));
    m_shown = true;
  }
  void done() {
    if (m_shown) write_err("\r\033[K");
    m_shown = false;
  }

 private:
  bool m_on;
  bool m_shown = false;
  std::uint64_t m_total;
  std::chrono::steady_clock::time_point m_start = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point m_last = m_start;
};

// Zones by name, each looked up once.
class Zones {
 public:
  const date::time_zone* operator()(std::string_view name) {
    const auto it = m_cache.find(std::string(name));
    if (it != m_cache.end()) return it->second;
    const date::time_zone* zone = find_zone(name);
    if (m_cache.size() < 4096) m_cache.emplace(std::string(name), zone);
    return zone;
  }

 private:
  std::unordered_map<std::string, const date::time_zone*> m_cache;
};

std::vector<std::string> split_names(const std::string& list) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    const auto comma = list.find(',', start);
    out.push_back(list.substr(start, comma - start));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

// Refuses an empty file name, which would otherwise mean "not given".
CLI::Validator named_file(std::string otherwise) {
  return CLI::Validator(
      [otherwise](std::string& value) -> std::string {
        return value.empty() ? "needs a file name; " + otherwise : "";
      },
      "");
}

}  // namespace

CLI::App* setup_batch(CLI::App& app, BatchOptions& o) {
  auto* cmd = app.add_subcommand(
      "batch", "Advise every athlete of a CSV list (docs/batch.md), streaming, in one pass");
  cmd->footer(std::string(
                  "\nColumns: athlete and race_date required; race_time, tz, priority, phase, "
                  "last_massage, experience optional; others passed through.\n"
                  "Bad rows are reported on stderr (or --errors FILE) and skipped; a summary "
                  "line ends the run:\n  advise: summary: read=N advised=N rejected=N blank=N\n\n"
                  "Examples:\n"
                  "  advise batch athletes.csv -o advice.csv\n"
                  "  advise batch --format jsonl --today 2026-04-01 - < athletes.csv\n"
                  "  parallel --csv --pipe --header : --keep-order 'advise batch --chunk {#} -' < athletes.csv\n\n"
                  "Exit status:\n  0  every row advised\n  1  some rows rejected\n"
                  "  2  a usage error, or a fatal one (a missing column, an unreadable file)\n"));
  cmd->add_option("FILE", o.input, "The athlete list; - or nothing for standard input")
      ->type_name("")
      // An empty name ("$LIST" unset in a script) is no request for stdin.
      ->check(named_file("for standard input, give - or no FILE"));
  cmd->add_option("-o,--output", o.output,
                  "Write to FILE, atomically: all of it or, on any failure, nothing")
      ->type_name("FILE")
      ->check(named_file("without -o, the output goes to stdout"));
  cmd->add_option("--errors", o.errors,
                  "Write rejected rows to FILE as CSV (file,line,column,record,field,value,message) "
                  "instead of stderr")
      ->type_name("FILE")
      ->check(named_file("without --errors, bad rows go to stderr"));
  cmd->add_option("--format", o.format, "Output format (default: csv)")
      ->transform(choice_validator(k_batch_formats, "a batch format",
                                   "--format takes a name; to write to a file, give -o FILE"))
      ->type_name(names_of(k_batch_formats));
  cmd->add_option("--phase", o.phase, "Phase for rows that leave it empty")
      ->transform(choice_validator(k_phase_names, "a training phase"))
      ->type_name(names_of(k_phase_names));
  add_experience(*cmd, o.experience);
  add_tz(*cmd, o.tz);
  add_today(*cmd, o.today);
  cmd->add_flag("--no-header", o.no_header, "Write no header line")
      ->disable_flag_override();
  cmd->add_option("--chunk", o.chunk,
                  "This is chunk N of a split run (GNU parallel's {#}): only chunk 1 writes the "
                  "header, and messages name the chunk")
      ->type_name("N")
      ->check(CLI::Validator(
          [](std::string& value) -> std::string {
            const bool digits = !value.empty() && value.size() <= 9 &&
                                value.find_first_not_of("0123456789") == std::string::npos;
            if (digits && value != "0" && value[0] != '0') return {};
            return quote_value(value) + " is not a chunk number; expected 1, 2, 3, ...";
          },
          ""));
  cmd->add_option("--columns", o.columns,
                  "The input has no header row; these are its column names, comma-separated "
                  "(for a split that lost the header, as in Hadoop streaming)")
      ->type_name("NAMES")
      ->check(CLI::Validator(
          [](std::string& value) -> std::string {
            if (value.empty()) return "needs the column names, comma-separated";
            for (std::size_t i = 0; i < value.size();) {
              std::uint32_t cp = 0;
              const std::size_t n = utf8_char(value, i, cp);
              if (n == 0 || invisible(cp)) {
                return "names must be UTF-8 text without control characters, not " + shown(value);
              }
              i += n;
            }
            return "";
          },
          ""));
  cmd->add_flag("--allow-formulas", o.allow_formulas,
                "Write cells starting with = + - @ tab or CR as they are, not prefixed with ' "
                "(OWASP's advice against CSV injection)")
      ->disable_flag_override();
  cmd->add_flag("-q,--quiet", o.quiet, "No progress, notes or summary; rejected rows are still reported")
      ->disable_flag_override();
  return cmd;
}

int run_batch(const BatchOptions& o) {
  remove_temporaries_on_signals();
  const bool from_stdin = o.input.empty() || o.input == "-";
  // File names in messages are escaped like values: a name may hold a line
  // break or a terminal's control sequence.
  const std::string file_shown = escaped(o.input);
  std::string input_name = from_stdin ? "<stdin>" : file_shown;
  if (o.chunk > 0) input_name += fmt::format(" (chunk {})", o.chunk);
  const bool header_out = !o.no_header && o.chunk <= 1;
  std::FILE* in = from_stdin ? stdin : std::fopen(o.input.c_str(), "rb");
  if (in != nullptr && !from_stdin) {
    struct stat info {};
    if (::fstat(::fileno(in), &info) == 0 && S_ISDIR(info.st_mode)) {
      std::fclose(in);
      print_error(fmt::format("cannot read {}: it is a directory", file_shown));
      return k_exit_usage;
    }
  }
  if (in == nullptr) {
    print_error(fmt::format("cannot read {}: {}", file_shown, std::strerror(errno)));
    return k_exit_usage;
  }
  struct stat st {};
  const bool regular = ::fstat(::fileno(in), &st) == 0 && S_ISREG(st.st_mode);

  if (o.errors == "-") {
    print_error("--errors needs a file name; without --errors, bad rows go to stderr");
    return k_exit_usage;
  }
  Sink out;
  if (auto e = out.open(o.output); !e.empty()) {
    print_error(e);
    return k_exit_usage;
  }
  Sink errors_file;
  if (!o.errors.empty()) {
    if (auto e = errors_file.open(o.errors); !e.empty()) {
      print_error(e);
      return k_exit_usage;
    }
    if (errors_file.same_file(out)) {
      print_error("--errors and -o name the same file; give them different files");
      return k_exit_usage;
    }
  }
  // Writing over the input would lose it (the output is renamed into place).
  // Standard input too, when the shell opened a file for it (< list.csv).
  if (struct stat info {}; ::fstat(::fileno(in), &info) == 0 && (!from_stdin || S_ISREG(info.st_mode))) {
    const char* clash = out.writes(info.st_dev, info.st_ino)           ? "-o"
                        : errors_file.writes(info.st_dev, info.st_ino) ? "--errors"
                                                                        : nullptr;
    if (clash != nullptr) {
      print_error(from_stdin ? fmt::format("{} names the file standard input reads; write to another file", clash)
                             : fmt::format("{} names the input file, {}; write to another file", clash, file_shown));
      return k_exit_usage;
    }
  }
  Reporter report(input_name, o.errors.empty() ? nullptr : &errors_file, o.quiet, header_out);
  Progress progress(!o.quiet && ::isatty(STDERR_FILENO) == 1, regular ? static_cast<std::uint64_t>(st.st_size) : 0);
  report.before_message = [&progress] { progress.done(); };
  progress.before_draw = [&report] { report.flush(); };

  Zones zones;
  BatchDefaults defaults;
  defaults.phase = parse_phase(o.phase);
  defaults.experience = parse_experience(o.experience);
  if (!o.tz.empty()) defaults.zone = zones(o.tz);
  const ZoneLookup lookup = [&zones](std::string_view name) { return zones(name); };
  // A list spells its zones the same way row after row: each bad name's
  // message (a search of the zone names) is made once.
  std::map<std::string, std::string, std::less<>> zone_problems;
  // A note on the row being read, reported once it is known to be advised.
  std::optional<RowError> note;
  defaults.note = [&note](std::size_t field, std::string message) { note = RowError{field, std::move(message)}; };
  defaults.zone_problem = [&zone_problems](std::string_view name) {
    if (const auto it = zone_problems.find(name); it != zone_problems.end()) return it->second;
    auto problem = zone_problem(name);
    if (zone_problems.size() < 1024) zone_problems.emplace(name, problem);
    return problem;
  };
  const Day today = today_from(o.today);
  const bool jsonl = o.format == "jsonl";
  AdviceColumns advice{Policy{}, jsonl ? AdviceColumns::Format::jsonl : AdviceColumns::Format::csv};
  Query query;  // reused row after row

  std::optional<BatchColumns> columns;
  std::string fatal;
  CsvParser parser;
  // `source`: where the names come from, for messages.
  auto start = [&](const std::vector<std::string_view>& names, std::string_view source) {
    // Lines that end in CR alone (classic Mac OS) read as one long header.
    if (std::any_of(names.begin(), names.end(),
                    [](std::string_view n) { return n.find('\r') != std::string_view::npos; })) {
      fatal = fmt::format("{} holds a carriage return (\\x0d) that no line feed follows; if the "
                          "lines end in CR alone (classic Mac OS), convert them first, e.g. "
                          "tr '\\r' '\\n' <in.csv >fixed.csv",
                          source);
      return;
    }
    auto found = batch_columns(names, source);
    if (!found) {
      std::string listed;
      for (const auto n : names) listed += (listed.empty() ? "" : ", ") + shown(n);
      // The library quotes names as given: shown here as every value is.
      fatal = fmt::format("{} (found: {})", escaped(found.error()), listed);
      if (!names.empty() && ascii_lowered(names[0].substr(0, 4)) == "sep=") {
        fatal += "; its first line is a spreadsheet's separator hint (sep=): delete that line, "
                 "so that the header comes first";
      } else if (names.size() == 1 && (names[0].find(';') != std::string_view::npos ||
                                names[0].find('\t') != std::string_view::npos)) {
        fatal += "; the list seems separated by ';' or tabs: batch reads comma-separated values";
      }
      return;
    }
    // JSON Lines keys are the column names: two unnamed columns would be one key.
    if (jsonl && std::count(names.begin(), names.end(), std::string_view{}) > 1) {
      fatal = fmt::format("{} has more than one column without a name, and JSON Lines needs a key "
                          "for each: name them, or write CSV",
                          source);
      return;
    }
    columns = std::move(*found);
    columns->from_option = source == "the list";
    // A quote that swallows whole rows is stray, even when it closes.
    parser.rows_have(columns->race_date, &date_shaped);
    // Rows with a time and no tz use --tz, else the local zone.
    if (columns->race_time != BatchColumns::npos && defaults.zone == nullptr) {
      if (const auto local = local_zone("give the row a tz, or the batch a --tz")) {
        defaults.local_zone = *local;
      } else {
        defaults.local_zone_problem = local.error();
      }
    }
    if (header_out && !jsonl) append_batch_header(out.buffer(), *columns, !o.allow_formulas);
  };
  if (!o.columns.empty()) {
    const auto names = split_names(o.columns);
    start(std::vector<std::string_view>(names.begin(), names.end()), "the list");
    if (!fatal.empty()) {
      print_error("--columns: " + fatal);
      return k_exit_usage;
    }
  }

  // A row rejected whole, for --errors: its line, or its fields joined as
  // CSV again (a stray quote's record only up to the end of the quote's
  // line); `cut` tells whether the parser cut it short.
  std::string row;  // scratch, reused
  auto whole_row = [&row](const CsvRecord& r, bool& cut) -> std::string_view {
    cut = r.cut;
    if (!r.line.empty()) return r.line;
    row.clear();
    // No field in quotes (a quote inside one is data): the line as read.
    for (std::size_t i = 0; i < r.fields.size(); ++i) {
      if (i > 0) row += ',';
      if (r.quoted) {
        append_csv_field(row, r.fields[i]);
      } else {
        row += r.fields[i];
      }
    }
    if (const auto end = row.find('\n'); r.problem == CsvProblem::stray_quote && end != std::string::npos) {
      row.resize(end > 0 && row[end - 1] == '\r' ? end - 1 : end);  // without a CRLF's CR
      cut = false;  // the quote's line is whole; what was cut came after it
    }
    return row;
  };
  auto reject_row = [&](const CsvRecord& r, const CsvPosition& at, std::uint64_t number,
                        std::string_view message) {
    const bool row = report.to_file();
    bool cut = false;
    const std::string_view value = row ? whole_row(r, cut) : "";
    report.reject(at, number, "", value, row, message, cut);
  };

  std::uint64_t bytes_read = 0;
  std::uint64_t empty_rows = 0;  // rows of empty fields alone, counted as blank
  auto on_record = [&](const CsvRecord& r) {
    if (!fatal.empty()) return;
    if (!columns) {  // the header row
      if (r.problem != CsvProblem::none) {
        // Nothing is read again after a bad header: the run stops here.
        const bool quote = r.problem == CsvProblem::stray_quote || r.problem == CsvProblem::unclosed_quote;
        fatal = fmt::format("{}:{}:{}: the header row {}", input_name, r.problem_at.line,
                            r.problem_at.column,
                            quote ? "has a quote that is not closed on its line" : header_problem(r));
        return;
      }
      // A quote left open in the header takes the rows after it into a
      // column's name: no name holds a line break.
      for (std::size_t i = 0; i < r.fields.size(); ++i) {
        if (r.fields[i].find('\n') == std::string_view::npos) continue;
        const auto at = r.position(i);
        fatal = fmt::format("{}:{}:{}: the header row has a quote that is not closed on its line (a "
                            "column name cannot hold a line break); close it, or remove it",
                            input_name, at.line, at.column);
        return;
      }
      start(r.fields, "the header");
      if (!fatal.empty()) fatal = fmt::format("{}:1: {}", input_name, fatal);
      return;
    }
    // A spreadsheet's empty row (",,"): blank, as an empty line is.
    if (r.problem == CsvProblem::none && r.fields.front().empty() &&
        std::all_of(r.fields.begin(), r.fields.end(), [](std::string_view f) { return f.empty(); })) {
      ++empty_rows;
      return;
    }
    const std::uint64_t number = ++report.read;
    note.reset();
    if (r.problem != CsvProblem::none) {
      // A bad byte or text after a quote is in one field: name it, show it.
      const bool in_field = (r.problem == CsvProblem::invalid_utf8 || r.problem == CsvProblem::nul_byte ||
                             r.problem == CsvProblem::text_after_quote) &&
                            r.problem_field < columns->names.size() && r.problem_field < r.fields.size();
      if (in_field) {
        report.reject(r.problem_at, number, columns->names[r.problem_field], r.fields[r.problem_field],
                      true, problem_text(r.problem));
      } else {
        reject_row(r, r.problem_at, number, problem_text(r.problem));
      }
    } else if (auto q = batch_query(r, *columns, defaults, today, lookup, query); !q) {
      const auto f = q.error().field;
      if (f == BatchColumns::npos) {
        reject_row(r, r.position(0), number, q.error().message);
      } else {
        report.reject(r.position(f), number, columns->names[f], r.fields[f], true, q.error().message);
      }
    } else {
      if (note) {
        report.note(r.position(note->field), number, columns->names[note->field], r.fields[note->field],
                    note->message);
      }
      const std::string_view text = advice(query);
      if (jsonl) {
        append_batch_jsonl(out.buffer(), *columns, r, text);
      } else {
        append_batch_csv(out.buffer(), r, text, !o.allow_formulas);
      }
      ++report.advised;
    }
    out.flush_if_full();
    progress.tick(report.read, bytes_read);
  };

  std::string chunk(k_chunk_bytes, '\0');
  while (fatal.empty() && out.error().empty()) {
    const std::size_t n = std::fread(chunk.data(), 1, chunk.size(), in);
    if (n == 0) break;
    bytes_read += n;
    parser.feed(std::string_view(chunk.data(), n), on_record);
  }
  const bool read_failed = std::ferror(in) != 0;
  const int read_errno = errno;  // before anything else can set it
  if (fatal.empty() && out.error().empty()) parser.finish(on_record);
  if (!from_stdin) std::fclose(in);
  progress.done();
  report.flush();

  if (read_failed) {
    fatal = read_errno == EBADF && from_stdin
                ? fmt::format("cannot read {}: it is closed; give a file, or the list on stdin", input_name)
                : fmt::format("cannot read {}: {}", input_name, std::strerror(read_errno));
  }
  if (fatal.empty() && !columns) {
    fatal = parser.blank_lines() == 0
                ? fmt::format("{}: the input is empty: no header row", input_name)
                : fmt::format("{}: no header row: the input holds only blank lines ({})", input_name,
                              parser.blank_lines());
  }
  if (fatal.empty() && !out.error().empty()) fatal = out.error();
  // A rejected row nobody was told of is a lost row: nothing is published.
  if (fatal.empty() && !report.lost().empty()) {
    fatal = fmt::format("cannot report rejected rows on stderr: {}; give --errors FILE", report.lost());
  }
  if (!fatal.empty()) {
    print_error(fatal);
    return k_exit_usage;  // the sinks' destructors remove any temporary file
  }
  // Everything written first, then published: a failure publishes nothing.
  for (Sink* sink : {&out, &errors_file}) {
    if (sink == &errors_file && o.errors.empty()) continue;
    if (auto e = sink->finish(); !e.empty()) {
      print_error(e);
      return k_exit_usage;
    }
  }
  for (Sink* sink : {&errors_file, &out}) {
    if (auto e = sink->publish(); !e.empty()) {
      print_error(e);
      return k_exit_usage;
    }
  }
  if (!o.quiet) {
    write_err(fmt::format("advise: summary: read={} advised={} rejected={} blank={}\n", report.read,
                          report.advised, report.rejected, parser.blank_lines() + empty_rows));
  }
  return report.rejected > 0 ? k_exit_avoid : k_exit_ok;
}

}  // namespace advise::cli
