// Validators and converters for the flags the subcommands share, so bad input
// is refused while parsing, naming the flag, the value and the form expected.
#pragma once

#include <CLI/CLI.hpp>
#include <algorithm>
#include <optional>
#include <tl/expected.hpp>
#include <string>
#include <vector>

#include "advise/calendar.hpp"
#include "advise/condition.hpp"
#include "advise/ascii.hpp"
#include "advise/athlete.hpp"
#include "advise/race.hpp"
#include "advise/vocabulary.hpp"
#include "shown.hpp"

namespace advise::cli {

enum class Format { text, json, ics };

// Accepts exactly YYYY-MM-DD (advise::parse_day).
CLI::Validator date_validator();

// Accepts a race: YYYY-MM-DD[THH:MM][@A|B|C] (advise::parse_race).
CLI::Validator race_validator();

// --race, repeatable.
CLI::Option* add_races(CLI::App& app, std::vector<std::string>& races);

// Accepts one of the names in `table`, in any ASCII case (taken as the name
// itself: "Peak" is peak); the message lists them, and `file_hint` follows
// it when the value looks like a file name (a --format given a path).
template <typename Table>
CLI::Validator choice_validator(const Table& table, std::string kind, std::string file_hint = {});

// Days from values already accepted by date_validator().
Day to_day(const std::string& text);
std::vector<Race> to_races(const std::vector<std::string>& texts);
std::optional<Day> to_optional_day(const std::string& text);  // empty: nullopt

// A flag that takes one date.
CLI::Option* add_date(CLI::App& app, const std::string& flag, std::string& value,
                      const std::string& help);

// Flag helpers shared by the query and check.
void add_today(CLI::App& app, std::string& today);
void add_format(CLI::App& app, std::string& format, bool calendar = false);

// --name: the runner, for calendar summaries and UIDs: UTF-8 text without
// control characters.
void add_name(CLI::App& app, std::string& name);

// DTSTAMP: SOURCE_DATE_EPOCH when set (reproducible builds' convention),
// else the clock. The error names the variable and what it should hold.
tl::expected<date::sys_seconds, std::string> calendar_stamp();
void add_experience(CLI::App& app, std::string& experience);
void add_last_massage(CLI::App& app, std::string& last_massage);

// --condition NAME, repeatable: what the runner reports (advise conditions).
void add_conditions(CLI::App& app, std::vector<std::string>& conditions);

// --symptom NAME, repeatable.
void add_symptoms(CLI::App& app, std::vector<std::string>& symptoms);
SymptomSet to_symptoms(const std::vector<std::string>& texts);

// A repeatable flag given more often than a plan weighs: "--race is given
// 1001 times; a plan takes at most 1000 races", or "" within the bound.
// Every race and workout is weighed against every day checked: keep that bounded.
inline constexpr std::size_t k_max_repeats = 1000;
std::string too_many(std::string_view flag, std::size_t given, std::string_view what);

// --hard-workout DATE, repeatable.
void add_hard_workouts(CLI::App& app, std::vector<std::string>& days);
// The days, or the message when more are given than a plan weighs.
tl::expected<std::vector<Day>, std::string> to_hard_workouts(const std::vector<std::string>& texts);

// The runner that --last-massage, --experience and --condition describe, as
// the query and check share them. The message to print instead when the
// history cannot be (a last massage after today, or one for a first-timer)
// or two conditions cannot both hold.
tl::expected<Athlete, std::string> to_athlete(const std::string& last_massage,
                                              const std::string& experience,
                                              const std::vector<std::string>& conditions,
                                              Day today);

// Today from --today, or the local calendar date from the system clock and TZ.
Day today_from(const std::string& option);
Format format_from(const std::string& option);

template <typename Table>
CLI::Validator choice_validator(const Table& table, std::string kind, std::string file_hint) {
  const std::string names = names_of(table);
  return CLI::Validator(
      [table, kind, names, file_hint](std::string& value) -> std::string {
        for (const auto& [name, v] : table) {
          if (name == value) return {};
          // Any ASCII case, taken as the name itself ("Peak" is peak).
          if (std::equal(name.begin(), name.end(), value.begin(), value.end(),
                         [](char a, char b) { return a == ascii_lower(b); })) {
            value = std::string(name);
            return {};
          }
        }
        std::string message = quote_value(value) + " is not " + kind + "; expected one of " + names;
        // json for jsonl: the one name it begins, offered.
        auto begins = [&](const auto& entry) {
          return !value.empty() && value.size() <= entry.first.size() &&
                 std::equal(value.begin(), value.end(), entry.first.begin(),
                            [](char v, char n) { return ascii_lower(v) == n; });
        };
        if (std::count_if(table.begin(), table.end(), begins) == 1) {
          message += "; did you mean " + std::string(std::find_if(table.begin(), table.end(), begins)->first) + "?";
        }
        if (!file_hint.empty() && value.find_first_of("./") != std::string::npos) {
          message += "; " + file_hint;
        }
        return message;
      },
      "");
}

}  // namespace advise::cli
