#include "advise/batch.hpp"

#include <algorithm>
#include <cstdint>
#include <date/tz.h>
#include <fmt/format.h>

#include "advise/json_writer.hpp"
#include "advise/race_spec.hpp"

namespace advise {
namespace {

// The field at `index`, or "" when the column is absent.
std::string_view cell(const CsvRecord& record, std::size_t index) {
  return index == BatchColumns::npos ? std::string_view{} : record.fields[index];
}

// The advice values of one row, written through `put(index, text)` in
// column order (the plan's items come in that order); a column without a
// value is not put. Our own values (dates, words, rule ids) never start like
// a formula.
template <typename Put>
void advice_cells(const Plan& p, std::string& scratch, Put&& put) {
  std::uint64_t seen = 0;  // rule ids already listed: RuleId < 64
  std::string& rules = scratch;
  rules.clear();
  auto note_rules = [&](const RuleList& more) {
    for (const auto r : more) {
      const auto bit = std::uint64_t{1} << static_cast<unsigned>(r);
      if ((seen & bit) != 0) continue;
      seen |= bit;
      if (!rules.empty()) rules += ' ';
      rules.append(format_as(r));
    }
  };
  std::string day;
  auto put_day = [&](std::size_t index, Day d) {
    day.clear();
    append_day(day, d);
    put(index, day);
  };
  if (p.next) {
    put_day(0, p.next->advice.from);
    put(1, format_as(*p.next->advice.intensity));
    if (p.next->advice.length) put(2, std::to_string(p.next->advice.length->count()));
    note_rules(p.next->advice.rules);
  }
  if (!p.races.empty()) {
    for (const auto& a : p.races.front().advice) {
      if (a.cancelled) continue;
      // A pre-race session or last deep day already behind today is no advice.
      if (a.passed && (a.item == Item::pre_race_session || a.item == Item::deep_until)) {
        note_rules(a.rules);
        continue;
      }
      switch (a.item) {
        case Item::pre_race_session: put_day(3, a.from); break;
        case Item::deep_until: put_day(4, a.from); break;
        case Item::blackout: put(5, format_iso(*a.at, p.zone)); break;
        case Item::light_flush: put_day(6, a.from); break;
        case Item::moderate_from: put_day(7, a.from); break;
        case Item::deep_window:
          put_day(8, a.from);
          put_day(9, a.to);
          break;
        default: break;
      }
      note_rules(a.rules);
    }
  }
  put(10, format_as(p.phase));
  put(11, rules);
}

void append_cell(std::string& out, std::string_view text, bool neutralise) {
  if (neutralise && looks_like_formula(text)) {
    std::string safe = "'";
    safe += text;
    append_csv_field(out, safe);
    return;
  }
  append_csv_field(out, text);
}

}  // namespace

tl::expected<BatchColumns, std::string> batch_columns(const std::vector<std::string_view>& header) {
  BatchColumns c;
  const std::pair<std::string_view, std::size_t BatchColumns::*> known[] = {
      {"athlete", &BatchColumns::athlete},     {"race_date", &BatchColumns::race_date},
      {"race_time", &BatchColumns::race_time}, {"tz", &BatchColumns::tz},
      {"priority", &BatchColumns::priority},   {"phase", &BatchColumns::phase},
      {"last_massage", &BatchColumns::last_massage}, {"experience", &BatchColumns::experience}};
  for (std::size_t i = 0; i < header.size(); ++i) {
    const auto name = header[i];
    // Empty names (trailing commas of spreadsheet exports) may repeat.
    if (!name.empty() && std::find(c.names.begin(), c.names.end(), name) != c.names.end()) {
      return tl::make_unexpected(fmt::format("the header names column '{}' twice", name));
    }
    if (std::find(k_batch_advice_columns.begin(), k_batch_advice_columns.end(), name) !=
        k_batch_advice_columns.end()) {
      return tl::make_unexpected(fmt::format(
          "input column '{}' has the name of an advice column that batch adds; rename it",
          name));
    }
    for (const auto& [known_name, member] : known) {
      if (name == known_name) c.*member = i;
    }
    c.names.emplace_back(name);
  }
  for (const auto* required : {"athlete", "race_date"}) {
    if (std::find(c.names.begin(), c.names.end(), required) == c.names.end()) {
      return tl::make_unexpected(fmt::format(
          "the header has no '{}' column; an athlete list needs athlete and race_date",
          required));
    }
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
    return refuse(BatchColumns::npos,
                  fmt::format("has {} field{}, the header has {}", record.fields.size(),
                              record.fields.size() == 1 ? "" : "s", columns.names.size()));
  }
  {  // a fresh query that keeps the capacity of its races
    auto races = std::move(q.races);
    races.clear();
    q = Query{};
    q.races = std::move(races);
  }
  q.today = today;
  if (cell(record, columns.athlete).empty()) return refuse(columns.athlete, "is empty; every row needs the athlete's name");

  const auto day = parse_day(cell(record, columns.race_date));
  if (!day) return refuse(columns.race_date, day.error());
  Race race{*day};
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
      return refuse(columns.tz, "is not a time zone; expected an IANA name such as Europe/Berlin");
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
    if (const auto checked = check_start(race, *q.zone); !checked) {
      return refuse(race.time ? columns.race_time : columns.race_date, checked.error());
    }
  }
  q.races.push_back(race);

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
    const auto last = parse_day(lm);
    if (!last) return refuse(columns.last_massage, last.error());
    if (*last > today) {
      return refuse(columns.last_massage,
                    fmt::format("is after today, {}; give a massage that has happened", format_day(today)));
    }
    if (q.athlete.experience == Experience::first_time) {
      return refuse(columns.last_massage, "is given for a first-timer, who has had no massage yet");
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
    append_cell(out, name, neutralise);
  }
  for (const auto name : k_batch_advice_columns) {
    if (!first) out += ',';
    first = false;
    out.append(name);
  }
  out += '\n';
}

void append_batch_csv(std::string& out, const CsvRecord& record, const Plan& plan,
                      bool neutralise) {
  // A line the reader found plain needs no quoting: as it came, unless a
  // cell must be neutralised.
  const bool as_read =
      !record.line.empty() &&
      (!neutralise || std::none_of(record.fields.begin(), record.fields.end(), looks_like_formula));
  if (as_read) {
    out.append(record.line);
  } else {
    for (std::size_t i = 0; i < record.fields.size(); ++i) {
      if (i > 0) out += ',';
      append_cell(out, record.fields[i], neutralise);
    }
  }
  std::size_t column = 0;  // advice columns written so far
  thread_local std::string scratch;
  advice_cells(plan, scratch, [&](std::size_t i, std::string_view text) {
    for (; column <= i; ++column) out += ',';
    out.append(text);
  });
  for (; column < k_batch_advice_columns.size(); ++column) out += ',';
  out += '\n';
}

void append_batch_jsonl(std::string& out, const BatchColumns& columns, const CsvRecord& record,
                        const Plan& plan) {
  JsonWriter w(out);
  w.begin_object();
  for (std::size_t i = 0; i < record.fields.size(); ++i) w.key(columns.names[i]).value(record.fields[i]);
  std::array<std::string, k_batch_advice_columns.size()> cells;
  std::array<bool, k_batch_advice_columns.size()> given{};
  thread_local std::string scratch;
  advice_cells(plan, scratch, [&](std::size_t i, std::string_view text) {
    cells[i].assign(text);
    given[i] = true;
  });
  for (std::size_t i = 0; i < cells.size(); ++i) {
    w.key(k_batch_advice_columns[i]);
    if (given[i]) {
      w.value(cells[i]);
    } else {
      w.null();
    }
  }
  w.end_object();
  out += '\n';
}

}  // namespace advise
