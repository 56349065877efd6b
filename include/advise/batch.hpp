// Athlete lists: the columns of a list's header, one record turned into a
// Query, and the advice columns written after the input's own. The batch
// command streams records through these; nothing is kept per record.
#pragma once

#include <array>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <tl/expected.hpp>
#include <vector>

#include "advise/csv.hpp"
#include "advise/plan.hpp"

namespace advise {

// The advice columns, after the input columns, in this order (docs/batch.md).
inline constexpr std::array<std::string_view, 12> k_batch_advice_columns{
    "next_session",  "next_intensity", "next_minutes",  "pre_race_session",
    "deep_until",    "blackout_start", "post_light",    "post_moderate",
    "post_deep_from", "post_deep_to",  "plan_phase",    "rules"};

// Where each known column is in the input; npos when absent.
struct BatchColumns {
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);
  std::vector<std::string> names;  // every input column, in order
  std::size_t athlete = npos, race_date = npos, race_time = npos, tz = npos, priority = npos,
              phase = npos, last_massage = npos, experience = npos;
  // The names came from --columns, not a header row: a row of the wrong
  // width is compared with the option's list.
  bool from_option = false;
};

// Finds the columns by name, in any ASCII case ("Athlete" is athlete). The error is a whole
// sentence about `source`, where the names came from ("the header", or "the
// list" of --columns): a required column missing, a name given twice, or an
// input column named like an advice column.
tl::expected<BatchColumns, std::string> batch_columns(const std::vector<std::string_view>& header,
                                                      std::string_view source = "the header");

// What applies when a row leaves a field empty (the single query's flags).
struct BatchDefaults {
  std::optional<Phase> phase;
  std::optional<Experience> experience;
  const date::time_zone* zone = nullptr;        // --tz: rows without a tz (null: clock hours)
  const date::time_zone* local_zone = nullptr;  // rows with a race_time but no tz, without --tz
  std::string local_zone_problem;  // why there is no local zone (a TZ that is not one), if so
  // What to say of a tz cell that names no zone, after the quoted value (the
  // CLI offers close names); null: a plain "is not a time zone".
  std::function<std::string(std::string_view)> zone_problem;
  // Told of a choice made for a row that is still advised: a start in the
  // hour that comes twice as the clocks go back is taken as the first. The
  // field and a phrase to follow its quoted value; null: nobody is told.
  std::function<void(std::size_t field, std::string message)> note;
};

// Looks up a zone by IANA name; null when there is none.
using ZoneLookup = std::function<const date::time_zone*(std::string_view)>;

// Why a row was refused: the field (an index into the columns, or npos for
// the whole record) and a phrase to follow the quoted value, or, for the
// whole record, a phrase to follow "record N: ".
struct RowError {
  std::size_t field;
  std::string message;
};

// The query for one record; every field is checked where it enters.
tl::expected<Query, RowError> batch_query(const CsvRecord& record, const BatchColumns& columns,
                                          const BatchDefaults& defaults, Day today,
                                          const ZoneLookup& zones);

// The same, filling `into` and reusing its buffers (for a row after row).
tl::expected<void, RowError> batch_query(const CsvRecord& record, const BatchColumns& columns,
                                         const BatchDefaults& defaults, Day today,
                                         const ZoneLookup& zones, Query& into);

// The header line: the input's columns, then the advice columns; with
// `neutralise`, names a spreadsheet would run as formulas get a leading '.
void append_batch_header(std::string& out, const BatchColumns& columns, bool neutralise);

// One output row: the input's fields as they were, then `advice`, the
// advice columns' text (AdviceColumns, Format::csv). With `neutralise`,
// cells a spreadsheet would run as formulas get a leading '.
void append_batch_csv(std::string& out, const CsvRecord& record, std::string_view advice,
                      bool neutralise);

// One JSON object per line: every column by name, then `advice`
// (AdviceColumns, Format::jsonl: advice values null when empty).
void append_batch_jsonl(std::string& out, const BatchColumns& columns, const CsvRecord& record,
                        std::string_view advice);

}  // namespace advise
