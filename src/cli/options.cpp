#include "options.hpp"

#include <array>
#include <cstdint>
#include <cstdlib>
#include <ctime>
#include <fmt/format.h>

#include "advise/race_spec.hpp"
#include "advise/utf8.hpp"

namespace advise::cli {
namespace {

constexpr std::array<std::pair<std::string_view, Format>, 3> k_format_names{{
    {"text", Format::text},
    {"json", Format::json},
    {"ics", Format::ics},
}};
constexpr std::array<std::pair<std::string_view, Format>, 2> k_plain_format_names{{
    {"text", Format::text},
    {"json", Format::json},
}};

// Why `text` is not a plain UTF-8 name, or "".
std::string name_problem(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    std::uint32_t cp = 0;
    const std::size_t n = utf8_char(text, i, cp);
    if (n == 0) return "is not valid UTF-8";
    if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) return "holds a control character";
    i += n;
  }
  return {};
}

}  // namespace

CLI::Validator date_validator() {
  return CLI::Validator(
      [](std::string& value) -> std::string {
        const auto day = parse_day(value);
        if (day) return {};
        return quote_value(value) + " " + day.error();
      },
      "");
}

CLI::Option* add_date(CLI::App& app, const std::string& flag, std::string& value,
                      const std::string& help) {
  return app.add_option(flag, value, help)->check(date_validator())->type_name("YYYY-MM-DD");
}

CLI::Validator race_validator() {
  return CLI::Validator(
      [](std::string& value) -> std::string {
        const auto race = parse_race(value);
        if (race) return {};
        return quote_value(value) + " " + race.error();
      },
      "");
}

CLI::Option* add_races(CLI::App& app, std::vector<std::string>& races) {
  return app
      .add_option("--race", races,
                  "A race: its date, a start time if known, a priority if not A (for example "
                  "2026-03-29T09:00@B); repeat the flag for several races")
      ->check(race_validator())
      ->type_name("YYYY-MM-DD[THH:MM][@A|B|C]")
      ->expected(1)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
}

Day to_day(const std::string& text) { return *parse_day(text); }

std::vector<Race> to_races(const std::vector<std::string>& texts) {
  std::vector<Race> races;
  for (const auto& t : texts) races.push_back(*parse_race(t));
  return races;
}

std::optional<Day> to_optional_day(const std::string& text) {
  if (text.empty()) return std::nullopt;
  return to_day(text);
}

void add_today(CLI::App& app, std::string& today) {
  add_date(app, "--today", today,
           "Count from this date instead of the local date (for scripts and tests)");
}

namespace {
constexpr const char* k_format_file_hint =
    "--format takes a name; to write to a file, redirect the output: > FILE";
}  // namespace

void add_format(CLI::App& app, std::string& format, bool calendar) {
  if (calendar) {
    app.add_option("--format", format,
                   "Output format (default: text; ics: an iCalendar file for your calendar)")
        ->transform(choice_validator(k_format_names, "a format", k_format_file_hint))
        ->type_name(names_of(k_format_names));
    return;
  }
  app.add_option("--format", format, "Output format (default: text)")
      ->transform(choice_validator(k_plain_format_names, "a format", k_format_file_hint))
      ->type_name(names_of(k_plain_format_names));
}

void add_name(CLI::App& app, std::string& name) {
  app.add_option("--name", name,
                 "The runner's name, for calendar events; the same name keeps the same event "
                 "ids, so importing again updates them")
      ->type_name("NAME")
      ->check(CLI::Validator(
          [](std::string& value) -> std::string {
            if (!value.empty() && value.find_first_not_of(" \t") == std::string::npos) {
              return quote_value(value) + " holds only spaces; give the runner's name, or leave --name out";
            }
            const auto problem = name_problem(value);
            if (problem.empty()) return {};
            return quote_value(value) + " " + problem + "; give the name as plain text";
          },
          ""));
}

tl::expected<date::sys_seconds, std::string> calendar_stamp() {
  const char* env = std::getenv("SOURCE_DATE_EPOCH");
  if (env == nullptr || *env == '\0') {
    return date::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  }
  std::string_view text = env;
  // Decimal seconds from 0 up to the end of the year 9999, leading zeros allowed.
  constexpr long long k_max = 253402300799;
  const bool digits = text.find_first_not_of("0123456789") == std::string_view::npos;
  while (text.size() > 1 && text.front() == '0') text.remove_prefix(1);
  long long seconds = 0;
  bool ok = digits && text.size() <= 12;
  for (const char c : text) {
    if (ok) seconds = seconds * 10 + (c - '0');
  }
  if (!ok || seconds > k_max) {
    return tl::make_unexpected(fmt::format(
        "SOURCE_DATE_EPOCH, {}, is not a number of seconds since 1970-01-01 UTC from 0 to {} "
        "(the end of 9999), in decimal digits",
        quote_value(env), k_max));
  }
  return date::sys_seconds{std::chrono::seconds{seconds}};
}

void add_experience(CLI::App& app, std::string& experience) {
  app.add_option("--experience", experience,
                 "How used to massage the runner is (default: occasional)")
      ->transform(choice_validator(k_experience_names, "an experience level"))
      ->type_name(names_of(k_experience_names));
}

void add_last_massage(CLI::App& app, std::string& last_massage) {
  add_date(app, "--last-massage", last_massage, "Date of the last massage");
}

namespace {

// A flag that may be given again and again, each time with one value.
CLI::Option* add_repeatable(CLI::App& app, const std::string& flag,
                            std::vector<std::string>& values, const std::string& help) {
  return app.add_option(flag, values, help)
      ->expected(1)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
}

// The set of enumerators named by values a choice_validator() accepted.
template <typename Set, typename Table>
Set to_set(const std::vector<std::string>& texts, const Table& table) {
  Set set;
  for (const auto& t : texts) set.insert(*lookup_name(table, t));
  return set;
}

// Refuses a history that cannot be: a last massage after today, or one given
// for a first-timer. The message to print, or empty.
std::string check_history(const Athlete& athlete, Day today) {
  if (!athlete.last_massage) return {};
  if (*athlete.last_massage > today) {
    return fmt::format("--last-massage: {} is after today, {}; give the date of a massage that "
                       "has happened",
                       format_day(*athlete.last_massage), format_day(today));
  }
  if (athlete.experience == Experience::first_time) {
    return "--experience first-time means no massage yet, but --last-massage gives one; drop "
           "one of them";
  }
  return {};
}

}  // namespace

tl::expected<Athlete, std::string> to_athlete(const std::string& last_massage,
                                              const std::string& experience,
                                              const std::vector<std::string>& conditions,
                                              Day today) {
  Athlete athlete;
  athlete.last_massage = to_optional_day(last_massage);
  athlete.experience = parse_experience(experience);
  athlete.conditions = to_set<ConditionSet>(conditions, k_condition_names);
  if (const auto both = contradiction(athlete.conditions)) {
    return tl::make_unexpected(fmt::format(
        "--condition: {} and {} cannot both hold; give the one that applies now", both->first,
        both->second));
  }
  if (auto wrong = check_history(athlete, today); !wrong.empty()) {
    return tl::make_unexpected(std::move(wrong));
  }
  return athlete;
}

void add_conditions(CLI::App& app, std::vector<std::string>& conditions) {
  add_repeatable(app, "--condition", conditions,
                 "An injury or risk the runner reports, for the sources' cautions (never a "
                 "diagnosis); repeat for several; 'advise conditions' lists them")
      ->transform(choice_validator(k_condition_names, "a condition"))
      ->type_name("NAME");
}

void add_symptoms(CLI::App& app, std::vector<std::string>& symptoms) {
  add_repeatable(app, "--symptom", symptoms,
                 "Unusual stiffness, an ache lasting more than a couple of days, or heavy, "
                 "sluggish runs: the next session comes as soon as possible; repeatable")
      ->transform(choice_validator(k_symptom_names, "a symptom"))
      ->type_name(names_of(k_symptom_names));
}

SymptomSet to_symptoms(const std::vector<std::string>& texts) {
  return to_set<SymptomSet>(texts, k_symptom_names);
}

void add_hard_workouts(CLI::App& app, std::vector<std::string>& days) {
  add_repeatable(app, "--hard-workout", days,
                 "Date of a hard workout or another run that matters: no deep session on it or "
                 "the day before; repeatable")
      ->check(date_validator())
      ->type_name("YYYY-MM-DD");
}

tl::expected<std::vector<Day>, std::string> to_hard_workouts(
    const std::vector<std::string>& texts) {
  if (auto wrong = too_many("--hard-workout", texts.size(), "hard workouts"); !wrong.empty()) {
    return tl::make_unexpected(std::move(wrong));
  }
  std::vector<Day> days;
  for (const auto& t : texts) days.push_back(to_day(t));
  return days;
}

std::string too_many(std::string_view flag, std::size_t given, std::string_view what) {
  if (given <= k_max_repeats) return {};
  return fmt::format("{} is given {} times; a plan takes at most {} {}", flag, given,
                     k_max_repeats, what);
}

Day today_from(const std::string& option) {
  if (!option.empty()) return to_day(option);
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return Day{date::year{local.tm_year + 1900} / (local.tm_mon + 1) / local.tm_mday};
}

Format format_from(const std::string& option) {
  for (const auto& [name, f] : k_format_names) {
    if (name == option) return f;
  }
  return Format::text;
}

}  // namespace advise::cli
