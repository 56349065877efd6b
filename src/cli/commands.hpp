// One setup_x/run_x pair per subcommand (the CLI11 subcom_in_files shape):
// setup declares the flags on the App, run turns the parsed values into a
// query for the library, renders it and returns the exit code.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace advise::cli {

struct QueryOptions {
  std::vector<std::string> races;
  std::string tz;
  std::string name;
  std::string phase;
  std::string last_massage;
  std::string experience;
  std::vector<std::string> conditions;
  std::vector<std::string> symptoms;
  std::vector<std::string> hard_workouts;
  bool prepare = false;
  std::string today;
  std::string format = "text";
};
void setup_query(CLI::App& app, QueryOptions& options);
int run_query(const QueryOptions& options);

struct CheckOptions {
  std::vector<std::string> races;
  std::string tz;
  std::string on;
  std::string intensity;
  std::string last_massage;
  std::string experience;
  std::vector<std::string> conditions;
  std::vector<std::string> hard_workouts;
  std::string today;
  std::string format = "text";
  bool strict = false;
  bool quiet = false;
};
CLI::App* setup_check(CLI::App& app, CheckOptions& options);
int run_check(const CheckOptions& options);

struct RulesOptions {
  std::string format = "text";
};
CLI::App* setup_rules(CLI::App& app, RulesOptions& options);
int run_rules(const RulesOptions& options);

struct ConditionsOptions {
  std::string format = "text";
};
CLI::App* setup_conditions(CLI::App& app, ConditionsOptions& options);
int run_conditions(const ConditionsOptions& options);

struct ExplainOptions {
  std::string id;
  std::string format = "text";
};
CLI::App* setup_explain(CLI::App& app, ExplainOptions& options);
int run_explain(const ExplainOptions& options);

struct BatchOptions {
  std::string input;
  std::string output;
  std::string errors;
  std::string format = "csv";
  std::string phase;
  std::string experience;
  std::string tz;
  std::string today;
  std::string columns;
  unsigned chunk = 0;  // 0: not a split run
  bool no_header = false;
  bool allow_formulas = false;
  bool quiet = false;
};
CLI::App* setup_batch(CLI::App& app, BatchOptions& options);
int run_batch(const BatchOptions& options);

}  // namespace advise::cli
