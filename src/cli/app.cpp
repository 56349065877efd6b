#include "app.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "commands.hpp"
#include "exit_codes.hpp"
#include "output.hpp"

namespace advise::cli {
namespace {

constexpr const char* k_description =
    "advise: when to book a sports massage around races, how deep it may be, and how often.\n"
    "Every line of advice names the rules behind it; `advise explain ID` shows a rule's sources.";

constexpr const char* k_examples =
    "\nExamples:\n"
    "  advise --race 2026-04-12                      plan around one race\n"
    "  advise --race 2026-04-12 --race 2026-05-03 --last-massage 2026-03-20 --phase peak\n"
    "  advise --phase maintenance --last-massage 2026-03-01\n"
    "  advise check --race 2026-04-12 --on 2026-04-10 --intensity deep\n"
    "  advise --phase peak --hard-workout 2026-04-08 --condition hamstring-risk --prepare\n"
    "  advise rules; advise explain pre-race.no-deep-48h\n"
    "  advise batch athletes.csv -o advice.csv         a coach's athlete list\n"
    "\nDates are YYYY-MM-DD. A race without a start time starts at 00:00 local time.\n\n";

constexpr const char* k_usage =
    "usage: advise --race YYYY-MM-DD [--phase PHASE] [--last-massage YYYY-MM-DD] ...\n"
    "       advise check --race YYYY-MM-DD --on YYYY-MM-DD --intensity light|moderate|deep\n"
    "       advise rules | advise explain ID | advise conditions\n"
    "Try 'advise --help' for more information.\n";

// CLI11's wording where it is unclear to a runner; its own text otherwise.
std::string reword(const CLI::ParseError& e) {
  const std::string what = e.what();
  const auto at_most = what.find(": At Most 1 required but received ");
  if (at_most != std::string::npos) {
    return fmt::format("{} is given more than once; give it once", what.substr(0, at_most));
  }
  const auto override = what.find(" was given a disallowed flag override");
  if (override != std::string::npos) {
    return fmt::format("--{} is a flag and takes no value; give it alone", what.substr(0, override));
  }
  const auto missing = what.find(": 1 required ");
  if (missing != std::string::npos && what.ends_with(" missing")) {
    return fmt::format("{} needs a value", what.substr(0, missing));
  }
  return what;
}

// Where `advise batch` finds what an option of the single query gives.
std::string_view batch_column_for(std::string_view option) {
  if (option == "--race") return "batch reads the race from each row's race_date, race_time and priority";
  if (option == "--last-massage") return "batch reads it from each row's last_massage column";
  if (option == "--name") return "batch reads it from each row's athlete column";
  return {};
}

// The whole message for arguments CLI11 could not place: an option the
// command lacks (and which commands have it), or arguments left over.
std::string unexpected(const CLI::App& app) {
  std::vector<std::string> left = app.remaining();
  const auto used = app.get_subcommands();
  for (const auto* sub : used) {
    for (const auto& more : sub->remaining()) left.push_back(more);
  }
  if (left.empty()) return "unexpected arguments";
  const std::string command = used.empty() ? "advise" : "advise " + used.front()->get_name();
  for (const auto& token : left) {
    if (token == "--") {  // after it every argument is an operand, even "--today"
      std::vector<std::string> after(std::find(left.begin(), left.end(), token) + 1, left.end());
      return fmt::format("unexpected argument{} {} after '--', which ends the options{}",
                         after.size() == 1 ? "" : "s", fmt::join(after, " "),
                         command == "advise batch" ? "; put options before it, and one file after it" : "");
    }
    if (token.size() < 2 || token[0] != '-') continue;
    const auto name = token.substr(0, token.find('='));
    std::vector<std::string> owners;
    if (!used.empty() && app.get_option_no_throw(name) != nullptr) owners.emplace_back("'advise'");
    for (const auto* sub : app.get_subcommands({})) {
      if ((used.empty() || sub != used.front()) && sub->get_option_no_throw(name) != nullptr) {
        owners.push_back(fmt::format("'advise {}'", sub->get_name()));
      }
    }
    if (owners.empty()) return fmt::format("unknown option {}", name);
    std::string message = fmt::format("'{}' has no option {}; it is an option of {}", command, name,
                                      fmt::join(owners, " and "));
    if (const auto column = batch_column_for(name); command == "advise batch" && !column.empty()) {
      message += fmt::format("; {}", column);
    }
    return message;
  }
  return fmt::format("unexpected argument{} {}", left.size() == 1 ? "" : "s", fmt::join(left, " "));
}

// Flags given before a subcommand belong to the plan query and would be
// silently ignored by the subcommand: refuse them instead.
std::string misplaced(const CLI::App& app, const CLI::App& sub) {
  for (const auto* opt : app.get_options()) {
    if (opt->count() == 0 || opt->get_name() == "--help" || opt->get_name() == "--version") {
      continue;
    }
    return fmt::format("{} comes before '{}', which does not read it there; put the options of "
                       "'{}' after it (see 'advise {} --help')",
                       opt->get_name(), sub.get_name(), sub.get_name(), sub.get_name());
  }
  return {};
}

}  // namespace

int run(int argc, char** argv) {
  if (argc <= 1) {
    write_err(k_usage);
    return k_exit_usage;
  }

  CLI::App app{k_description, "advise"};
  app.footer(std::string(k_examples) + k_exit_codes_help);
  app.set_version_flag("--version", "advise 0.1.0");
  app.require_subcommand(0, 1);

  QueryOptions query;
  CheckOptions check;
  RulesOptions rules;
  ExplainOptions explain;
  ConditionsOptions conditions;
  BatchOptions batch;
  setup_query(app, query);
  auto* check_cmd = setup_check(app, check);
  auto* rules_cmd = setup_rules(app, rules);
  auto* explain_cmd = setup_explain(app, explain);
  auto* conditions_cmd = setup_conditions(app, conditions);
  auto* batch_cmd = setup_batch(app, batch);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    const auto subs = app.get_subcommands();
    return write_out(subs.empty() ? app.help() : subs.front()->help("advise")) ? k_exit_ok
                                                                              : k_exit_usage;
  } catch (const CLI::CallForVersion& e) {
    return write_out(std::string(e.what()) + "\n") ? k_exit_ok : k_exit_usage;
  } catch (const CLI::ParseError& e) {
    const auto subs = app.get_subcommands();
    const bool extras = dynamic_cast<const CLI::ExtrasError*>(&e) != nullptr;
    print_error(fmt::format("{} (see 'advise{}{} --help')", extras ? unexpected(app) : reword(e),
                            subs.empty() ? "" : " ", subs.empty() ? "" : subs.front()->get_name()));
    return k_exit_usage;
  }
  for (const auto* sub : app.get_subcommands()) {
    if (const auto wrong = misplaced(app, *sub); !wrong.empty()) {
      print_error(wrong);
      return k_exit_usage;
    }
  }

  if (check_cmd->parsed()) return run_check(check);
  if (rules_cmd->parsed()) return run_rules(rules);
  if (explain_cmd->parsed()) return run_explain(explain);
  if (conditions_cmd->parsed()) return run_conditions(conditions);
  if (batch_cmd->parsed()) return run_batch(batch);
  return run_query(query);
}

}  // namespace advise::cli
