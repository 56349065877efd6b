#include "advise/csv.hpp"

#include <doctest/doctest.h>
#include <string>
#include <vector>

using namespace advise;
using namespace std::string_literals;

namespace {

struct Parsed {
  std::vector<std::vector<std::string>> records;
  std::vector<std::vector<CsvPosition>> positions;
  std::vector<std::size_t> problem_field;
  std::vector<CsvProblem> problems;
  std::vector<CsvPosition> problem_at;
  std::vector<std::uint64_t> first_line;
  std::uint64_t blank = 0;
  int lines = 0;            // records that came with their line (the fast path)
  int lines_not_fields = 0;  // ... whose fields, joined, were not that line
};

// Parses `text` fed in pieces of `piece` bytes (0: all at once).
Parsed parse(std::string_view text, std::size_t piece = 0, std::size_t limit = 1 << 20) {
  CsvParser parser(limit);
  Parsed out;
  auto on = [&](const CsvRecord& r) {
    out.records.emplace_back(r.fields.begin(), r.fields.end());
    std::vector<CsvPosition> where;
    for (std::size_t i = 0; i < r.fields.size(); ++i) where.push_back(r.position(i));
    out.positions.push_back(where);
    if (!r.line.empty()) {
      ++out.lines;
      std::string joined;
      for (std::size_t i = 0; i < r.fields.size(); ++i) (joined += i > 0 ? "," : "") += r.fields[i];
      out.lines_not_fields += joined != r.line;
    }
    out.problem_field.push_back(r.problem == CsvProblem::none ? 0 : r.problem_field);
    out.problems.push_back(r.problem);
    out.problem_at.push_back(r.problem_at);
    out.first_line.push_back(r.fields.empty() ? 0 : r.position(0).line);
  };
  if (piece == 0) {
    parser.feed(text, on);
  } else {
    for (std::size_t i = 0; i < text.size(); i += piece) parser.feed(text.substr(i, piece), on);
  }
  parser.finish(on);
  out.blank = parser.blank_lines();
  return out;
}

using Rows = std::vector<std::vector<std::string>>;

// Everything a caller can see of the records, to compare two parses.
bool same(const Parsed& a, const Parsed& b) {
  return a.records == b.records && a.positions == b.positions && a.problems == b.problems &&
         a.problem_field == b.problem_field && a.problem_at == b.problem_at &&
         a.first_line == b.first_line && a.blank == b.blank;
}

}  // namespace

TEST_CASE("advise::CsvParser") {
  SUBCASE("plain, quoted, doubled quotes, commas and line breaks in quotes") {
    const auto p = parse("a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\n");
    CHECK(p.records == Rows{{"a", "b", "c"}, {"x, y", "say \"hi\"", "two\nlines"}});
    CHECK(p.problems == std::vector<CsvProblem>{CsvProblem::none, CsvProblem::none});
  }
  SUBCASE("CRLF and LF, a last line without a line end, empty fields") {
    CHECK(parse("a,b\r\n1,\r\n,2").records == Rows{{"a", "b"}, {"1", ""}, {"", "2"}});
  }
  SUBCASE("a CR at the very end ends its line; a lone CR before it is data") {
    CHECK(parse("a,b\n1,2\r").records == Rows{{"a", "b"}, {"1", "2"}});
    CHECK(parse("a,b\n1,2\r", 1).records == Rows{{"a", "b"}, {"1", "2"}});
    CHECK(parse("a,b\n1,x\ry\r").records == Rows{{"a", "b"}, {"1", "x\ry"}});
    const auto p = parse("a\n1\n\r");
    CHECK(p.records == Rows{{"a"}, {"1"}});
    CHECK(p.blank == 1);
    // Inside quotes a CR is data, at the end too (and the quote is unclosed).
    CHECK(parse("a\n\"1\r").records == Rows{{"a"}, {"1\r"}});
  }
  SUBCASE("a byte-order mark at the start is skipped, even split across feeds") {
    const std::string text = "\xEF\xBB\xBF" "athlete\nAnna\n";
    CHECK(parse(text).records == Rows{{"athlete"}, {"Anna"}});
    CHECK(parse(text, 1).records == Rows{{"athlete"}, {"Anna"}});
    // Not at the start: data.
    CHECK(parse("a\n\xEF\xBB\xBF" "b\n").records == Rows{{"a"}, {"\xEF\xBB\xBF" "b"}});
  }
  SUBCASE("blank lines are counted, not records") {
    const auto p = parse("a\n\n1\r\n\r\n2\n");
    CHECK(p.records == Rows{{"a"}, {"1"}, {"2"}});
    CHECK(p.blank == 2);
    CHECK(p.first_line == std::vector<std::uint64_t>{1, 3, 5});
  }
  SUBCASE("a quote inside an unquoted field is data; text after a closing quote is not") {
    CHECK(parse("=HYPERLINK(\"x\")\n").records == Rows{{"=HYPERLINK(\"x\")"}});
    const auto p = parse("a,\"b\"c\n");
    CHECK(p.problems[0] == CsvProblem::text_after_quote);
  }
  SUBCASE("an unclosed quote on the last line") {
    const auto p = parse("a,b\n1,\"never closed");
    REQUIRE(p.records.size() == 2);
    CHECK(p.problems[1] == CsvProblem::unclosed_quote);
    // With its line end: the same, nothing to read again.
    for (const auto* end : {"\n", "\r\n"}) {
      const auto q = parse(std::string("a,b\n1,\"never closed") + end);
      REQUIRE(q.records.size() == 2);
      CHECK(q.problems[1] == CsvProblem::unclosed_quote);
      CHECK(q.problem_at[1] == CsvPosition{2, 3});
    }
  }
  SUBCASE("a stray quote costs its line: the lines after it are read again") {
    const auto p = parse("a,b\n1,\"never closed\n2,x\n3,y\n");
    REQUIRE(p.records.size() == 4);
    CHECK(p.problems[1] == CsvProblem::stray_quote);
    CHECK(p.problem_at[1].line == 2);
    CHECK(p.problem_at[1].column == 3);
    CHECK(p.records[2] == std::vector<std::string>{"2", "x"});
    CHECK(p.records[3] == std::vector<std::string>{"3", "y"});
    CHECK(p.first_line == std::vector<std::uint64_t>{1, 2, 3, 4});
    // Closed on a later line, with text after it: the same.
    const auto q = parse("a,b\n\"1,x\n2,\"y\"z\n3,w\n");
    CHECK(q.problems[1] == CsvProblem::stray_quote);
    CHECK(q.records.back() == std::vector<std::string>{"3", "w"});
    CHECK(q.first_line == std::vector<std::uint64_t>{1, 2, 3, 4});
    CHECK(parse("a,b\r\n\"1,x\r\n2,\"y\"z\r\n3,w").first_line == std::vector<std::uint64_t>{1, 2, 3, 4});
    // Past the record limit: still one line.
    std::string big = "a,b\n\"1,x\n";
    for (int i = 0; i < 100; ++i) {
      big += 'r';
      big += std::to_string(i);
      big += ",y\n";
    }
    const auto r = parse(big, 0, 300);
    REQUIRE(r.records.size() >= 3);
    CHECK(r.problems[1] == CsvProblem::stray_quote);
    CHECK(r.records.back() == std::vector<std::string>{"r99", "y"});
    // A legitimate field over several lines is untouched.
    CHECK(parse("a\n\"x\ny\"\n").records == Rows{{"a"}, {"x\ny"}});
  }
  SUBCASE("a line of commas past the field limit is refused with bounded memory") {
    const auto p = parse("a\n" + std::string(CsvParser::k_max_fields + 5, ',') + "\nok\n");
    CHECK(p.problems[1] == CsvProblem::too_many_fields);
    CHECK(p.records[2] == std::vector<std::string>{"ok"});
  }
  SUBCASE("invalid UTF-8 and NUL bytes, with where they are") {
    const auto p = parse("name,x\nAnn\xff" "a,1\nBo\0b,2\n"s);
    CHECK(p.problems[1] == CsvProblem::invalid_utf8);
    CHECK(p.problem_at[1].line == 2);
    CHECK(p.problem_at[1].column == 4);
    CHECK(p.problems[2] == CsvProblem::nul_byte);
    CHECK(p.problem_at[2].column == 3);
    // Overlong encodings and surrogates are not UTF-8 either.
    CHECK(parse("\xC0\xAF\n").problems[0] == CsvProblem::invalid_utf8);
    CHECK(parse("\xED\xA0\x80\n").problems[0] == CsvProblem::invalid_utf8);
    CHECK(parse("Ødegaard, Zoë\n").problems[0] == CsvProblem::none);
  }
  SUBCASE("a record over the limit is refused, and the next one is read") {
    const std::string big(5000, 'x');
    const auto p = parse("a,b\n" + big + ",1\nok,2\n", 0, 1000);
    REQUIRE(p.records.size() == 3);
    CHECK(p.problems[1] == CsvProblem::too_long);
    CHECK(p.records[2] == std::vector<std::string>{"ok", "2"});
    // A line already too long before its quoted line break: the quote is
    // followed to its close, and the record is one too-long record.
    const auto q = parse("a,b\n1,\"" + big + "\nend\"\nok,2\n", 0, 1000);
    REQUIRE(q.records.size() == 3);
    CHECK(q.problems[1] == CsvProblem::too_long);
    CHECK(q.records[2] == std::vector<std::string>{"ok", "2"});
    CHECK(q.first_line == std::vector<std::uint64_t>{1, 2, 4});
    // ... unless it goes wrong: then it was stray, and the lines after it
    // are read again, even though its line alone was too long.
    const auto s = parse("a,b\n1,\"" + big + "\n2,x\n3,\"y\"z\n4,w\n", 0, 1000);
    REQUIRE(s.records.size() == 5);
    CHECK(s.problems[1] == CsvProblem::stray_quote);
    CHECK(s.problem_at[1] == CsvPosition{2, 3});
    CHECK(s.records[2] == std::vector<std::string>{"2", "x"});
    CHECK(s.problems[3] == CsvProblem::text_after_quote);
    CHECK(s.records[4] == std::vector<std::string>{"4", "w"});
    CHECK(s.first_line == std::vector<std::uint64_t>{1, 2, 3, 4, 5});
    // Never closed: the same.
    const auto u = parse("a,b\n1,\"" + big + "\n2,x\n3,y", 0, 1000);
    REQUIRE(u.records.size() == 4);
    CHECK(u.problems[1] == CsvProblem::stray_quote);
    CHECK(u.records[3] == std::vector<std::string>{"3", "y"});
  }
  SUBCASE("a quote open past the limit: a long field if its lines are not records") {
    std::string text;
    for (int i = 0; i < 100; ++i) text += "a line of text\n";
    const auto p = parse("a,b\n1,\"" + text + "\"\nok,2\n", 0, 300);
    REQUIRE(p.records.size() == 3);
    CHECK(p.problems[1] == CsvProblem::too_long);
    CHECK(p.problem_at[1] == CsvPosition{2, 1});
    CHECK(p.records[2] == std::vector<std::string>{"ok", "2"});
    CHECK(p.first_line == std::vector<std::uint64_t>{1, 2, 103});
    // Never closed: still one record, to the end.
    const auto q = parse("a,b\n1,\"" + text, 0, 300);
    REQUIRE(q.records.size() == 2);
    CHECK(q.problems[1] == CsvProblem::too_long);
    // Lines of the header's width are records: the quote was stray.
    std::string rows;
    for (int i = 0; i < 100; ++i) {
      rows += 'r';
      rows += std::to_string(i);
      rows += ",y\n";
    }
    const auto r = parse("a,b\n1,\"" + rows + "\"\nok,2\n", 0, 300);
    CHECK(r.problems[1] == CsvProblem::stray_quote);
    CHECK(r.records.size() >= 100);
    CHECK(r.records[2] == std::vector<std::string>{"r1", "y"});  // r0 is on the quote's line
  }
  SUBCASE("a bad byte in a quoted field: its own line and column") {
    // Line breaks and doubled quotes before it count as in the file.
    const auto p = parse("a,b\n\"x\ny\nz\xff\",1\n\"p\"\"\"\"\xff\",2\n\"q\r\nr\0\",3\n"s);
    REQUIRE(p.records.size() == 4);
    CHECK(p.problems[1] == CsvProblem::invalid_utf8);
    CHECK(p.problem_at[1] == CsvPosition{4, 2});
    CHECK(p.problem_at[2] == CsvPosition{5, 7});
    CHECK(p.problems[3] == CsvProblem::nul_byte);
    CHECK(p.problem_at[3] == CsvPosition{7, 2});
  }
  SUBCASE("a lone CR that starts a line starts its record in column 1") {
    const auto p = parse("a,b\n\rQ,1\n\r\xff,2\n");
    CHECK(p.positions[1] == std::vector<CsvPosition>{{2, 1}, {2, 4}});
    CHECK(p.problem_at[2] == CsvPosition{3, 2});
  }
  SUBCASE("a record over several lines without the header's width: a stray quote") {
    const auto p = parse("a,b,c\nAnn,\"x,A\nBob,y,A\nCid,z,A\"\n");
    REQUIRE(p.records.size() == 4);
    CHECK(p.problems[1] == CsvProblem::stray_quote);
    CHECK(p.problem_at[1] == CsvPosition{2, 5});
    CHECK(p.records[2] == std::vector<std::string>{"Bob", "y", "A"});
    CHECK(p.records[3] == std::vector<std::string>{"Cid", "z", "A\""});
    // With the header's width, it is one record.
    CHECK(parse("a,b\nAnn,\"x\ny\"\n").records == Rows{{"a", "b"}, {"Ann", "x\ny"}});
  }
  SUBCASE("columns count characters, not bytes") {
    const auto p = parse("Zoë,\xff\n");
    CHECK(p.problem_at[0].column == 5);
  }
  SUBCASE("feeding in any pieces gives the same records") {
    const std::string text =
        "\xEF\xBB\xBF" "athlete,race_date\r\n\"Müller, Åsa\",2026-04-12\r\n\r\n\"a\"\"b\nc\",x\nlast,";
    const auto whole = parse(text);
    for (std::size_t piece = 1; piece <= 7; ++piece) {
      CAPTURE(piece);
      const auto p = parse(text, piece);
      CHECK(p.records == whole.records);
      CHECK(p.blank == whole.blank);
      CHECK(p.first_line == whole.first_line);
    }
  }
}

TEST_CASE("advise::CsvParser reads whole lines at once as it reads byte by byte") {
  // Fed at once, plain lines take the fast path; fed a byte at a time, they
  // cannot (no whole line is in view; only lines read again after a stray
  // quote can). Both must see the same records, fields,
  // positions, problems and blank lines, whatever the bytes.
  const std::string_view alphabet[] = {"a", "b", ",", ",", "\n", "\n", "\r", "\r\n", "\"",
                                       "\"\"", "\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x8F\x83",
                                       "\xFF", "\xC3", std::string_view("\0", 1), "\t",
                                       "\xEF\xBB\xBF", " "};
  std::uint64_t state = 0x9E3779B97F4A7C15ULL;
  auto next = [&state] {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
  };
  int fast_records = 0;
  for (int n = 0; n < 3000; ++n) {
    std::string text;
    const auto length = next() % 60;
    for (std::uint64_t k = 0; k < length; ++k) text += alphabet[next() % std::size(alphabet)];
    const std::size_t limit = n % 3 == 0 ? 8 : 1 << 20;  // short limits: long records too
    const Parsed whole = parse(text, 0, limit);
    const Parsed bytes = parse(text, 1, limit);
    INFO("input: ", text, " limit ", limit);
    CHECK(same(whole, bytes));
    CHECK(whole.lines_not_fields == 0);
    fast_records += whole.lines;
  }
  CHECK(fast_records > 1000);  // the comparison covered many records of the fast path
}

TEST_CASE("advise::append_csv_field and looks_like_formula") {
  std::string out;
  append_csv_field(out, "plain");
  append_csv_field(out, "a,b");
  append_csv_field(out, "say \"hi\"");
  append_csv_field(out, "two\nlines");
  CHECK(out == "plain\"a,b\"\"say \"\"hi\"\"\"\"two\nlines\"");
  // Each special byte at each place in and after the first eight bytes
  // (read eight at a time), and bytes that only look near one.
  for (const char special : {',', '"', '\n', '\r'}) {
    for (std::size_t at = 0; at < 19; ++at) {
      std::string field(19, 'x');
      field[at] = special;
      std::string quoted;
      append_csv_field(quoted, field);
      CAPTURE(at);
      CHECK(quoted.front() == '"');
      CHECK(quoted.size() == field.size() + (special == '"' ? 3 : 2));
    }
  }
  std::string plain;
  append_csv_field(plain, "+-./\x0c\x0e\x21\xac\x8d\x8a\xa2 long enough for two words");
  CHECK(plain == "+-./\x0c\x0e\x21\xac\x8d\x8a\xa2 long enough for two words");
  for (const auto* cell : {"=1+2", "+1", "-1", "@SUM(A1)", "\tx", "\rx"}) CHECK(looks_like_formula(cell));
  for (const auto* cell : {"", "Anna", "2026-04-12", " =1", "'=1"}) CHECK_FALSE(looks_like_formula(cell));
}

TEST_CASE("advise::append_csv_cell neutralises formulas only when asked") {
  std::string out;
  append_csv_cell(out, "=1+2", true);
  out += '|';
  append_csv_cell(out, "=SUM(A1,B1)", true);  // the quote goes inside the quotes
  out += '|';
  append_csv_cell(out, "Anna", true);
  out += '|';
  append_csv_cell(out, "=1+2", false);
  CHECK(out == "'=1+2|\"'=SUM(A1,B1)\"|Anna|=1+2");
}

TEST_CASE("advise::CsvParser rows_have: a quote that swallows rows is stray though it closes") {
  // Rows have a number in field 1; notes rarely do where the list keeps it.
  auto digits = +[](std::string_view f) {
    return !f.empty() && f.find_first_not_of("0123456789") == std::string_view::npos;
  };
  auto read = [&](std::string_view text, bool with_shape, std::size_t limit = std::size_t{1} << 20) {
    CsvParser parser(limit);
    if (with_shape) parser.rows_have(1, digits);
    std::vector<std::string> out;  // first field, or "!" and where for a stray quote
    auto on = [&](const CsvRecord& r) {
      if (r.problem == CsvProblem::too_long) {
        out.push_back("long");
        return;
      }
      if (r.problem != CsvProblem::stray_quote) {
        out.emplace_back(r.fields.front());
        return;
      }
      std::string at = "!";  // appended: GCC 12 warns of operator+ here (-Wrestrict)
      at.append(std::to_string(r.problem_at.line)).append(":").append(std::to_string(r.problem_at.column));
      out.push_back(at);
    };
    parser.feed(text, on);
    parser.finish(on);
    return out;
  };
  const std::string_view swallowed = "name,n,note\nAnn,1,\"a\nBob,2,b\nCid,3,c\"\nDan,4,d\n";
  CHECK(read(swallowed, true) == std::vector<std::string>{"name", "!2:7", "Bob", "Cid", "Dan"});
  // Without a shape, RFC 4180 reads one long note.
  CHECK(read(swallowed, false) == std::vector<std::string>{"name", "Ann", "Dan"});
  // A note whose lines have the width but not the shape stays a note.
  CHECK(read("name,n,note\nAnn,1,\"Good week.\nRan 10k, felt good, sore calf\nRest\"\nDan,4,d\n", true) ==
        std::vector<std::string>{"name", "Ann", "Dan"});
  // One row is enough: a quote closed on the next line, by a quote in the
  // row's last field, took that row.
  CHECK(read("name,n,note\nAnn,1,\"sore calf\nBen,2,5'11\"\nCid,3,ok\n", true) ==
        std::vector<std::string>{"name", "!2:7", "Ben", "Cid"});
  // However far into the quote the row is.
  std::string far = "name,n,note\nAnn,1,\"a\n";
  for (int i = 0; i < 200; ++i) far += "text\n";
  CHECK(read(far + "Bob,2,b\n\"\nCid,3,c\n", true).at(1) == "!2:7");
  // Past the kept lines (here 64 bytes), a quote taken for a long field ends
  // before the first row it runs into, open or closed there.
  std::string open_long = "name,n,note\nAnn,1,\"";
  for (int i = 0; i < 40; ++i) open_long += "text\n";
  CHECK(read(open_long + "Bob,2,b\nCid,3,c\n", true, 64) ==
        std::vector<std::string>{"name", "long", "Bob", "Cid"});
  CHECK(read(open_long + "Bob,2,b\"\nCid,3,c\n", true, 64) ==
        std::vector<std::string>{"name", "long", "Bob", "Cid"});
  CHECK(read(open_long + "end\"\nCid,3,c\n", true, 64) == std::vector<std::string>{"name", "long", "Cid"});
  // Quoted row fields count, and CRLF lines.
  CHECK(read("name,n,note\r\nAnn,1,\"a\r\n\"Bob\",\"2\",b\r\nCid\"\r\n", true) ==
        std::vector<std::string>{"name", "!2:7", "Bob", "Cid\""});
}
