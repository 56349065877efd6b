#include "advise/batch.hpp"

#include <algorithm>
#include <cstdint>
#include <stdexcept>
#include <date/tz.h>
#include <fmt/format.h>

#include "advise/ascii.hpp"
#include "advise/json_writer.hpp"
#include "advise/race_spec.hpp"
#include "advise/swar.hpp"
#include "advise/utf8.hpp"

namespace advise {
namespace {

// The field at `index`, or "" when the column is absent.
std::string_view cell(const CsvRecord& record, std::size_t index) {
  return index == BatchColumns::npos ? std::string_view{} : record.fields[index];
}

// The message for a last massage after `today`, built once per today: a
// list sent in with its dates a year ahead has it on most rows, and the
// string built row by row cost more than the row's parsing.
std::string after_today(Day today) {
  thread_local Day built_for{};
  thread_local std::string text;
  if (text.empty() || built_for != today) {
    text = fmt::format("is after today, {}; give a massage that has happened", format_day(today));
    built_for = today;
  }
  return text;
}

// Whether any field looks_like_formula(), without a branch per field on its
// first byte, which is random (names) and mispredicted.
bool any_formula(const std::vector<std::string_view>& fields) {
  static constexpr auto k_starts = [] {  // looks_like_formula() of each first byte
    std::array<bool, 256> starts{};
    for (std::size_t b = 0; b < starts.size(); ++b) {
      const char c = static_cast<char>(b);
      starts[b] = looks_like_formula(std::string_view(&c, 1));
    }
    return starts;
  }();
  bool any = false;
  for (const auto field : fields) {
    const auto first = static_cast<unsigned char>(field.empty() ? '\0' : field.front());
    any |= k_starts[first];
  }
  return any;
}

}  // namespace

namespace {

// Only spaces, of any width, and invisible characters: a name no one can
// read. (Most names start with a letter: one comparison.)
bool blank(std::string_view text) {
  const auto first = static_cast<unsigned char>(text.front());
  if (first != ' ' && first != '\t' && first != 0xC2 && first != 0xE1 && first != 0xE2 &&
      first != 0xE3 && first != 0xEF) {
    return false;
  }
  for (std::size_t i = 0; i < text.size();) {
    std::uint32_t cp = 0;
    const std::size_t n = utf8_char(text, i, cp);
    const bool space = cp == ' ' || cp == '\t' || cp == 0xA0 || cp == 0x1680 ||
                       (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F || cp == 0x205F ||
                       cp == 0x3000 || cp == 0xFEFF;
    if (n == 0 || !space) return false;
    i += n;
  }
  return true;
}

// A control character other than a tab or a line break (which a quoted
// cell may hold): C0, DEL, or C1 (U+0080 to U+009F, as UTF-8 C2 80 to
// C2 9F; the text is valid UTF-8). In a name it would drive a terminal;
// --name refuses them too. Eight bytes at a time: a name rarely has any of
// those bytes, nor C2, and then needs no closer look.
bool has_control(std::string_view text) {
  const auto suspect = [](std::uint64_t x) {
    return swar::any_below(x, 0x20) || swar::any_equal(x, 0x7F) || swar::any_equal(x, 0xC2);
  };
  bool maybe = false;
  if (text.size() >= 8) {
    for (std::size_t i = 0; i + 8 <= text.size(); i += 8) maybe |= suspect(swar::load(text.data() + i));
    // The last bytes as one more word, overlapping the one before it.
    maybe |= suspect(swar::load(text.data() + text.size() - 8));
  } else {
    for (const char ch : text) {
      const auto c = static_cast<unsigned char>(ch);
      maybe |= c < 0x20 || c == 0x7F || c == 0xC2;
    }
  }
  if (!maybe) return false;
  for (std::size_t j = 0; j < text.size(); ++j) {
    const auto c = static_cast<unsigned char>(text[j]);
    const auto next = j + 1 < text.size() ? static_cast<unsigned char>(text[j + 1]) : 0xFF;
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F || (c == 0xC2 && next < 0xA0)) {
      return true;
    }
  }
  return false;
}

// `name` in lower case, without spaces, tabs, hyphens and underscores: "Race
// Time", "race-time" and " race_time" are all "racetime".
std::string loosened(std::string_view name) {
  std::string out = ascii_lowered(name);
  std::erase_if(out, [](char c) { return c == ' ' || c == '\t' || c == '-' || c == '_'; });
  return out;
}

}  // namespace

tl::expected<BatchColumns, std::string> batch_columns(const std::vector<std::string_view>& header,
                                                      std::string_view source) {
  BatchColumns c;
  const std::pair<std::string_view, std::size_t BatchColumns::*> known[] = {
      {"athlete", &BatchColumns::athlete},     {"race_date", &BatchColumns::race_date},
      {"race_time", &BatchColumns::race_time}, {"tz", &BatchColumns::tz},
      {"priority", &BatchColumns::priority},   {"phase", &BatchColumns::phase},
      {"last_massage", &BatchColumns::last_massage}, {"experience", &BatchColumns::experience}};
  std::vector<std::string> seen;  // the names folded, to find one given twice
  for (std::size_t i = 0; i < header.size(); ++i) {
    const auto name = header[i];
    const auto key = ascii_lowered(name);
    // Empty names (trailing commas of spreadsheet exports) may repeat.
    if (!name.empty() && std::find(seen.begin(), seen.end(), key) != seen.end()) {
      return tl::make_unexpected(fmt::format("{} names column '{}' twice", source, key));
    }
    if (std::find(k_batch_advice_columns.begin(), k_batch_advice_columns.end(), key) !=
        k_batch_advice_columns.end()) {
      return tl::make_unexpected(fmt::format(
          "input column '{}' has the name of an advice column that batch adds; rename it",
          name));
    }
    const auto loose = loosened(name);
    for (const auto& [known_name, member] : known) {
      if (key == known_name) c.*member = i;
      // " phase", "Race Time", "last-massage": read as other columns, their
      // values would be dropped without a word, and the advice wrong.
      if (key != known_name && loose == loosened(known_name)) {
        return tl::make_unexpected(fmt::format(
            "{} has a column '{}', close to {} but not it (names are exact apart from case, "
            "with no spaces around them); write {}, or rename the column if it holds something "
            "else",
            source, name, known_name, known_name));
      }
    }
    seen.push_back(key);
    c.names.emplace_back(name);
  }
  // Other names lists give the optional columns: read as other columns,
  // their values would be dropped without a word (a start time, a zone, a
  // last massage), unless the list has the column batch reads as well.
  struct OtherName {
    std::string_view loose, known, what;
  };
  static constexpr OtherName k_other_names[] = {
      {"starttime", "race_time", "a race's start time"},
      {"racestart", "race_time", "a race's start time"},
      {"racestarttime", "race_time", "a race's start time"},
      {"timezone", "tz", "a race's time zone"},
      {"racetz", "tz", "a race's time zone"},
      {"racetimezone", "tz", "a race's time zone"},
      {"lastmassagedate", "last_massage", "the last massage"},
      {"massagedate", "last_massage", "the last massage"},
      {"datelastmassage", "last_massage", "the last massage"},
      {"previousmassage", "last_massage", "the last massage"},
      {"prio", "priority", "a race's priority"},
      {"racepriority", "priority", "a race's priority"},
      {"trainingphase", "phase", "the training phase"},
      {"experiencelevel", "experience", "the runner's experience"},
      {"massageexperience", "experience", "the runner's experience"}};
  for (const auto& name : c.names) {
    const auto loose = loosened(name);
    for (const auto& other : k_other_names) {
      if (loose != other.loose) continue;
      const auto member = std::find_if(std::begin(known), std::end(known),
                                       [&](const auto& k) { return k.first == other.known; })->second;
      if (c.*member != BatchColumns::npos) continue;
      return tl::make_unexpected(fmt::format(
          "{} has a column '{}' and none named {}, the only one batch reads {} from: name it {}, "
          "or, if it holds something else, rename it (such names are refused so that {} is "
          "never dropped without a word)",
          source, name, other.known, other.what, other.known, other.what));
    }
  }
  std::vector<std::string_view> missing;
  if (c.athlete == BatchColumns::npos) missing.push_back("athlete");
  if (c.race_date == BatchColumns::npos) missing.push_back("race_date");
  if (!missing.empty()) {
    return tl::make_unexpected(fmt::format(
        "{} has no {} column; an athlete list needs athlete and race_date", source,
        missing.size() == 1 ? fmt::format("'{}'", missing[0])
                            : fmt::format("'{}' and no '{}'", missing[0], missing[1])));
  }
  return c;
}

tl::expected<Query, RowError> batch_query(const CsvRecord& record, const BatchColumns& columns,
                                          const BatchDefaults& defaults, Day today,
                                          const ZoneLookup& zones) {
  Query q;
  if (auto done = batch_query(record, columns, defaults, today, zones, q); !done) {
    return tl::make_unexpected(std::move(done.error()));
  }
  return q;
}

tl::expected<void, RowError> batch_query(const CsvRecord& record, const BatchColumns& columns,
                                         const BatchDefaults& defaults, Day today,
                                         const ZoneLookup& zones, Query& q) {
  auto refuse = [](std::size_t field, std::string message) {
    return tl::make_unexpected(RowError{field, std::move(message)});
  };
  if (record.fields.size() != columns.names.size()) {
    std::string message = fmt::format("has {} field{}, {} {}", record.fields.size(),
                                      record.fields.size() == 1 ? "" : "s",
                                      columns.from_option ? "--columns names" : "the header has",
                                      columns.names.size());
    // Trailing commas on some rows only (a spreadsheet's export).
    if (record.fields.size() > columns.names.size() &&
        std::all_of(record.fields.begin() + static_cast<std::ptrdiff_t>(columns.names.size()),
                    record.fields.end(), [](std::string_view f) { return f.empty(); })) {
      const std::size_t extra = record.fields.size() - columns.names.size();
      message += extra == 1 ? "; the last one is empty (a comma at the end of the row?)"
                            : fmt::format("; the last {} are empty (commas at the end of the row?)", extra);
    }
    // Rows after the header that end in CR alone read as one record.
    if (std::any_of(record.fields.begin(), record.fields.end(),
                    [](std::string_view f) { return f.find('\r') != std::string_view::npos; })) {
      message += "; it holds a carriage return that no line feed follows: if the lines end in CR "
                 "alone (classic Mac OS), convert them first, e.g. tr '\\r' '\\n' <in.csv >fixed.csv";
    }
    return refuse(BatchColumns::npos, std::move(message));
  }
  // A fresh query that keeps the capacity of its vectors (field by field:
  // see Query in plan.hpp).
  q.races.clear();
  q.hard_workouts.clear();
  q.athlete = Athlete{};
  q.zone = nullptr;
  q.prepare = false;
  q.today = today;
  if (const auto name = cell(record, columns.athlete); name.empty() || blank(name)) {
    return refuse(columns.athlete, name.empty() ? "is empty; every row needs the athlete's name"
                                                : "holds only spaces; every row needs the athlete's name");
  }
  if (has_control(cell(record, columns.athlete))) {
    return refuse(columns.athlete, "holds a control character (shown escaped); give the name as plain text");
  }

  if (cell(record, columns.race_date).empty()) {
    return refuse(columns.race_date, "is empty; every row needs the race's date, as YYYY-MM-DD");
  }
  const auto day = valid_day(cell(record, columns.race_date));
  if (!day) return refuse(columns.race_date, parse_day(cell(record, columns.race_date)).error());
  // Built where it is kept: a Race written field by field and then copied
  // into the vector stalled the copy's wide load, once a row.
  Race& race = q.races.emplace_back(*day);
  if (const auto t = cell(record, columns.race_time); !t.empty()) {
    const auto clock = parse_clock(t);
    if (!clock) return refuse(columns.race_time, clock.error());
    race.time = *clock;
  }
  if (const auto p = cell(record, columns.priority); !p.empty()) {
    const auto priority = parse_priority(p);
    if (!priority) return refuse(columns.priority, "is not a priority; expected A, B or C");
    race.priority = *priority;
  }
  q.zone = defaults.zone;
  if (const auto z = cell(record, columns.tz); !z.empty()) {
    q.zone = zones(z);
    if (q.zone == nullptr) {
      return refuse(columns.tz, defaults.zone_problem
                                    ? defaults.zone_problem(z)
                                    : "is not a time zone; expected an IANA name such as Europe/Berlin");
    }
  }
  if (race.time && q.zone == nullptr) q.zone = defaults.local_zone;
  if (race.time && q.zone == nullptr) {
    if (!defaults.local_zone_problem.empty()) {
      return refuse(columns.race_time, "needs a time zone, and " + defaults.local_zone_problem);
    }
    return refuse(columns.race_time,
                  "needs a time zone: give the row a tz, or the batch a --tz");
  }
  if (q.zone != nullptr) {
    const auto checked = check_start(race, *q.zone);
    if (!checked) return refuse(race.time ? columns.race_time : columns.race_date, checked.error());
    if (checked->ambiguous && defaults.note) {
      const Instant start = to_instant(race.local_start(), q.zone);
      defaults.note(race.time ? columns.race_time : columns.race_date,
                    fmt::format("on {} happens twice in {} as the clocks go back; using the first, {}",
                                format_day(race.day), q.zone->name(), format_iso(start, q.zone)));
    }
  }

  q.athlete.phase = defaults.phase;
  if (const auto ph = cell(record, columns.phase); !ph.empty()) {
    q.athlete.phase = parse_phase(ph);
    if (!q.athlete.phase) {
      return refuse(columns.phase,
                    "is not a training phase; expected one of " + names_of(k_phase_names));
    }
  }
  q.athlete.experience = defaults.experience;
  if (const auto ex = cell(record, columns.experience); !ex.empty()) {
    q.athlete.experience = parse_experience(ex);
    if (!q.athlete.experience) {
      return refuse(columns.experience,
                    "is not an experience level; expected one of " + names_of(k_experience_names));
    }
  }
  if (const auto lm = cell(record, columns.last_massage); !lm.empty()) {
    const auto last = valid_day(lm);
    if (!last) return refuse(columns.last_massage, parse_day(lm).error());
    if (*last > today) return refuse(columns.last_massage, after_today(today));
    if (q.athlete.experience == Experience::first_time) {
      const bool from_row = !cell(record, columns.experience).empty();
      return refuse(columns.last_massage, from_row ? "is given for a first-timer, who has had no massage yet"
                                                   : "is given for a first-timer (the row has no "
                                                     "experience, and --experience is first-time), "
                                                     "who has had no massage yet");
    }
    q.athlete.last_massage = *last;
  }
  return {};
}

void append_batch_header(std::string& out, const BatchColumns& columns, bool neutralise) {
  bool first = true;
  for (const auto& name : columns.names) {
    if (!first) out += ',';
    first = false;
    append_csv_cell(out, name, neutralise);
  }
  for (const auto name : k_batch_advice_columns) {
    if (!first) out += ',';
    first = false;
    out.append(name);
  }
  out += '\n';
}

void append_batch_csv(std::string& out, const CsvRecord& record, std::string_view advice,
                      bool neutralise) {
  // A line the reader found plain needs no quoting: as it came, unless a
  // cell must be neutralised.
  const bool as_read = !record.line.empty() && (!neutralise || !any_formula(record.fields));
  if (as_read) {
    out.append(record.line);
  } else {
    for (std::size_t i = 0; i < record.fields.size(); ++i) {
      if (i > 0) out += ',';
      append_csv_cell(out, record.fields[i], neutralise);
    }
  }
  // Our own values (dates, words, rule ids) never need quoting and never
  // start like a formula.
  out.append(advice);
}

void append_batch_jsonl(std::string& out, const BatchColumns& columns, const CsvRecord& record,
                        std::string_view advice) {
  out += '{';
  for (std::size_t i = 0; i < record.fields.size(); ++i) {
    if (i > 0) out += ',';
    append_json_string(out, columns.names[i]);
    out += ':';
    append_json_string(out, record.fields[i]);
  }
  out.append(advice);
}

}  // namespace advise
