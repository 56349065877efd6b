// `advise rules`, `advise explain ID` and `advise conditions`: the catalogue,
// as the planner uses it.
#include <array>
#include <fmt/format.h>

#include "advise/ascii.hpp"
#include "advise/catalogue.hpp"
#include "advise/render.hpp"
#include "commands.hpp"
#include "exit_codes.hpp"
#include "options.hpp"
#include "output.hpp"

namespace advise::cli {

namespace {

enum class RulesFormat { text, json, markdown };
constexpr std::array<std::pair<std::string_view, RulesFormat>, 3> k_rules_formats{{
    {"text", RulesFormat::text},
    {"json", RulesFormat::json},
    {"markdown", RulesFormat::markdown},
}};

}  // namespace

CLI::App* setup_rules(CLI::App& app, RulesOptions& o) {
  auto* cmd = app.add_subcommand("rules", "List every rule: its id and what it says");
  cmd->footer(std::string("\nExamples:\n  advise rules\n  advise rules --format json\n"
                          "  advise rules --format markdown > docs/rules.md\n\n") +
              k_exit_codes_help_print);
  cmd->add_option("--format", o.format,
                  "Output format (default: text; markdown: the page docs/rules.md)")
      ->transform(choice_validator(k_rules_formats, "a format"))
      ->type_name(names_of(k_rules_formats));
  return cmd;
}

int run_rules(const RulesOptions& o) {
  std::string text;
  if (o.format == "json") {
    text = render_rules_json(Policy{});
  } else if (o.format == "markdown") {
    text = render_rules_markdown(Policy{});
  } else {
    text = render_rules_text();
  }
  return write_out(text) ? k_exit_ok : k_exit_usage;
}

CLI::App* setup_conditions(CLI::App& app, ConditionsOptions& o) {
  auto* cmd = app.add_subcommand(
      "conditions", "List the conditions --condition takes, and the rule behind each");
  cmd->footer(std::string("\nExamples:\n  advise conditions\n"
                          "  advise --race 2026-04-12 --condition it-band-acute\n"
                          "  advise explain condition.it-band-acute\n\n") +
              k_exit_codes_help_print);
  add_format(*cmd, o.format);
  return cmd;
}

int run_conditions(const ConditionsOptions& o) {
  const auto text = format_from(o.format) == Format::json ? render_conditions_json()
                                                          : render_conditions_text();
  return write_out(text) ? k_exit_ok : k_exit_usage;
}

CLI::App* setup_explain(CLI::App& app, ExplainOptions& o) {
  auto* cmd = app.add_subcommand(
      "explain", "Explain one rule: its figures, its sources and where they disagree");
  cmd->footer(std::string("\nExamples:\n  advise explain pre-race.no-deep-48h\n"
                          "  advise explain cadence.build --format json\n\n") +
              k_exit_codes_help_print);
  cmd->add_option("ID", o.id, "A rule id, as `advise rules` lists them")
      ->type_name("")
      ->required();
  add_format(*cmd, o.format);
  return cmd;
}

int run_explain(const ExplainOptions& o) {
  // Ids are lower case; one typed in another case is that id.
  const Rule* r = find_rule(ascii_lowered(o.id));
  if (r == nullptr) {
    if (o.id.empty()) {
      print_error("explain needs a rule id, such as pre-race.no-deep-48h (`advise rules` lists them all)");
      return k_exit_usage;
    }
    const auto close = nearest_rule_ids(o.id);
    print_error(close.empty() ? fmt::format("no rule {} (`advise rules` lists them all)", quote_value(o.id))
                              : fmt::format("no rule {}; did you mean {}? (`advise rules` lists them all)",
                                            quote_value(o.id), fmt::join(close, ", ")));
    return k_exit_usage;
  }
  const auto text = format_from(o.format) == Format::json ? render_explain_json(*r, Policy{})
                                                          : render_explain_text(*r, Policy{});
  return write_out(text) ? k_exit_ok : k_exit_usage;
}

}  // namespace advise::cli
