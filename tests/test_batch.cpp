#include "advise/batch.hpp"

#include "advise/advice_columns.hpp"

#include <date/tz.h>
#include <doctest/doctest.h>
#include <fmt/format.h>

using namespace advise;
using namespace date::literals;

namespace {

// The first record after the header of `text`.
CsvRecord record_of(std::string_view text) {
  CsvParser parser;
  CsvRecord out;
  int n = 0;
  auto on = [&](const CsvRecord& r) {
    if (++n == 2) {
      out = r;
      // The views outlive the call: copy the fields and point into the copy.
      out.storage.clear();
      for (const auto f : r.fields) out.storage.append(f);
      out.fields.clear();
      std::size_t offset = 0;
      for (const auto f : r.fields) {
        out.fields.push_back(std::string_view(out.storage).substr(offset, f.size()));
        offset += f.size();
      }
    }
  };
  parser.feed(text, on);
  parser.finish(on);
  return out;
}

BatchColumns columns_of(std::vector<std::string_view> names) { return *batch_columns(names); }

const ZoneLookup k_zones = [](std::string_view name) -> const date::time_zone* {
  try {
    return date::locate_zone(name);
  } catch (const std::exception&) {
    return nullptr;
  }
};

const Day k_today{2026_y / 4 / 1};

std::string error_of(std::string_view header_and_row) {
  const auto header = std::string(header_and_row.substr(0, header_and_row.find('\n')));
  std::vector<std::string_view> names;
  std::size_t start = 0;
  while (true) {
    const auto comma = header.find(',', start);
    names.push_back(std::string_view(header).substr(start, comma - start));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  const auto columns = columns_of(names);
  const auto q = batch_query(record_of(header_and_row), columns, {}, k_today, k_zones);
  REQUIRE_FALSE(q);
  const auto field = q.error().field == BatchColumns::npos ? std::string("record")
                                                           : columns.names[q.error().field];
  return field + ": " + q.error().message;
}

}  // namespace

TEST_CASE("advise::batch_columns") {
  const auto c = columns_of({"club", "race_date", "athlete", "tz"});
  CHECK(c.athlete == 2);
  CHECK(c.race_date == 1);
  CHECK(c.tz == 3);
  CHECK(c.phase == BatchColumns::npos);
  CHECK(batch_columns({"athlete", "phase"}).error() ==
        "the header has no 'race_date' column; an athlete list needs athlete and race_date");
  CHECK(batch_columns({"athlete", "race_date", "athlete"}).error() ==
        "the header names column 'athlete' twice");
  const auto cased = columns_of({"Athlete", "RACE_DATE", "Last_Massage"});
  CHECK(cased.athlete == 0);
  CHECK(cased.race_date == 1);
  CHECK(cased.last_massage == 2);
  CHECK(cased.names[1] == "RACE_DATE");  // passed through as written
  CHECK(batch_columns({"athlete", "race_date", "Tz", "tz"}).error() ==
        "the header names column 'tz' twice");
  CHECK(batch_columns({"athlete", "race_date", "RULES"}).error() ==
        "input column 'RULES' has the name of an advice column that batch adds; rename it");
  CHECK(batch_columns({"athlete", "Race_Date "}).error() ==
        "the header has a column 'Race_Date ', close to race_date but not it (names are exact "
        "apart from case, with no spaces around them); write race_date, or rename the column if "
        "it holds something else");
  for (const std::string_view near : {" phase", "Race Time", "last-massage", "lastmassage"}) {
    CAPTURE(near);
    CHECK(batch_columns({"athlete", "race_date", near}).error().starts_with(
        fmt::format("the header has a column '{}', close to ", near)));
  }
  CHECK(batch_columns({"athlete", "race_date", "Phase Notes", "time"}));  // not close: passed through
  CHECK(batch_columns({"athlete", "race_date", "rules"}).error() ==
        "input column 'rules' has the name of an advice column that batch adds; rename it");
}

TEST_CASE("advise::batch_query refuses each bad field") {
  CHECK(error_of("athlete,race_date\nAnna,2026-02-30") ==
        "race_date: is not a valid date: February 2026 has 28 days");
  CHECK(error_of("athlete,race_date\n,2026-04-12") ==
        "athlete: is empty; every row needs the athlete's name");
  CHECK(error_of("athlete,race_date,extra\nAnna,2026-04-12") == "record: has 2 fields, the header has 3");
  CHECK(error_of("athlete,race_date,race_time,tz\nAnna,2026-03-29,25:00,Europe/Berlin") ==
        "race_time: is not a time of day: the hour must be 00 to 23, not 25");
  CHECK(error_of("athlete,race_date,race_time,tz\nAnna,2026-03-29,02:30,Europe/Berlin") ==
        "race_time: does not exist in Europe/Berlin: the clocks go from 02:00 to 03:00 that night");
  CHECK(error_of("athlete,race_date,race_time\nAnna,2026-03-29,09:00") ==
        "race_time: needs a time zone: give the row a tz, or the batch a --tz");
  CHECK(error_of("athlete,race_date,tz\nAnna,2026-03-29,Mars/Olympus") ==
        "tz: is not a time zone; expected an IANA name such as Europe/Berlin");
  CHECK(error_of("athlete,race_date\n \t,2026-03-29") ==
        "athlete: holds only spaces; every row needs the athlete's name");
  CHECK(error_of("athlete,race_date,priority\nAnna,2026-03-29,D") ==
        "priority: is not a priority; expected A, B or C");
  CHECK(error_of("athlete,race_date,phase\nAnna,2026-03-29,peek") ==
        "phase: is not a training phase; expected one of "
        "peak|build|base|maintenance|off-season|taper|recovery");
  CHECK(error_of("athlete,race_date,experience\nAnna,2026-03-29,expert") ==
        "experience: is not an experience level; expected one of first-time|occasional|regular");
  CHECK(error_of("athlete,race_date,last_massage\nAnna,2026-03-29,2026-04-02") ==
        "last_massage: is after today, 2026-04-01; give a massage that has happened");
  CHECK(error_of("athlete,race_date,last_massage,experience\nAnna,2026-03-29,2026-03-01,first-time") ==
        "last_massage: is given for a first-timer, who has had no massage yet");
}

TEST_CASE("advise::batch_query: BatchDefaults::zone_problem words a bad tz") {
  BatchDefaults defaults;
  std::string asked;
  defaults.zone_problem = [&asked](std::string_view name) {
    asked = name;
    return std::string("is not a time zone; did you mean Europe/Berlin?");
  };
  const auto text = "athlete,race_date,tz\nAnna,2026-03-29,Berlin";
  const auto q = batch_query(record_of(text), columns_of({"athlete", "race_date", "tz"}), defaults,
                             k_today, k_zones);
  REQUIRE_FALSE(q);
  CHECK(q.error().field == 2);
  CHECK(q.error().message == "is not a time zone; did you mean Europe/Berlin?");
  CHECK(asked == "Berlin");
}

TEST_CASE("advise::append_batch_csv: the same advice as the single query") {
  const auto columns = columns_of({"athlete", "race_date", "phase", "last_massage", "note"});
  const auto record = record_of(
      "athlete,race_date,phase,last_massage,note\n\"Smith, Anna\",2026-04-12,peak,2026-03-30,=1+1\n");
  const auto q = batch_query(record, columns, {}, k_today, k_zones);
  REQUIRE(q);
  AdviceColumns csv{Policy{}, AdviceColumns::Format::csv};
  AdviceColumns jsonl{Policy{}, AdviceColumns::Format::jsonl};
  std::string out;
  append_batch_header(out, columns, true);
  append_batch_csv(out, record, csv(*q), true);
  CHECK(out ==
        "athlete,race_date,phase,last_massage,note,next_session,next_intensity,next_minutes,"
        "pre_race_session,deep_until,blackout_start,post_light,post_moderate,post_deep_from,"
        "post_deep_to,plan_phase,rules\n"
        "\"Smith, Anna\",2026-04-12,peak,2026-03-30,'=1+1,2026-04-06,deep,60,2026-04-09,2026-04-09,"
        "2026-04-10T00:00,2026-04-12,2026-04-13,2026-04-14,2026-04-15,peak,cadence.peak "
        "technique.hard-block length.60 pre-race.window pre-race.session-day technique.pre-race "
        "pre-race.deep-by-3d pre-race.no-deep-48h pre-race.date-only-start "
        "pre-race.light-in-blackout post-race.light-flush technique.post-race-flush length.30 "
        "post-race.moderate-from-24h post-race.no-deep-24h post-race.deep-days-2-3 "
        "technique.post-race-deep\n");
  std::string raw;
  append_batch_csv(raw, record, csv(*q), false);
  CHECK(raw.find(",=1+1,") != std::string::npos);
  std::string json;
  append_batch_jsonl(json, columns, record, jsonl(*q));
  CHECK(json.starts_with(R"({"athlete":"Smith, Anna","race_date":"2026-04-12","phase":"peak",)"
                         R"("last_massage":"2026-03-30","note":"=1+1","next_session":"2026-04-06",)"
                         R"("next_intensity":"deep","next_minutes":60,"pre_race_session":)"));
}

TEST_CASE("advise::append_batch_csv: a tune-up leaves the cells it has no advice for empty") {
  const auto columns = columns_of({"athlete", "race_date", "priority"});
  const auto record = record_of("athlete,race_date,priority\nBen,2026-04-12,C\n");
  const auto q = batch_query(record, columns, {}, k_today, k_zones);
  REQUIRE(q);
  std::string out;
  AdviceColumns csv{Policy{}, AdviceColumns::Format::csv};
  append_batch_csv(out, record, csv(*q), true);
  CHECK(out.starts_with("Ben,2026-04-12,C,2026-04-01,moderate,90,,2026-04-09,2026-04-10T00:00,"
                        "2026-04-12,2026-04-13,,,base,"));
}
