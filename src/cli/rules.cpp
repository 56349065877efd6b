// `advise rules` and `advise explain ID`: the catalogue, as the planner uses it.
#include <fmt/format.h>

#include "advise/catalogue.hpp"
#include "advise/render.hpp"
#include "commands.hpp"
#include "exit_codes.hpp"
#include "options.hpp"
#include "output.hpp"

namespace advise::cli {

CLI::App* setup_rules(CLI::App& app, RulesOptions& o) {
  auto* cmd = app.add_subcommand("rules", "List every rule: its id and what it says");
  add_format(*cmd, o.format);
  return cmd;
}

int run_rules(const RulesOptions& o) {
  const auto text =
      format_from(o.format) == Format::json ? render_rules_json(Policy{}) : render_rules_text();
  return write_out(text) ? k_exit_ok : k_exit_usage;
}

CLI::App* setup_explain(CLI::App& app, ExplainOptions& o) {
  auto* cmd = app.add_subcommand(
      "explain", "Explain one rule: its figures, its sources and where they disagree");
  cmd->add_option("ID", o.id, "A rule id, as `advise rules` lists them")->required();
  add_format(*cmd, o.format);
  return cmd;
}

int run_explain(const ExplainOptions& o) {
  const Rule* r = find_rule(o.id);
  if (r == nullptr) {
    print_error(fmt::format("no rule {}; did you mean {}? (`advise rules` lists them all)",
                            quote_value(o.id), fmt::join(nearest_rule_ids(o.id), ", ")));
    return k_exit_usage;
  }
  const auto text = format_from(o.format) == Format::json ? render_explain_json(*r, Policy{})
                                                          : render_explain_text(*r, Policy{});
  return write_out(text) ? k_exit_ok : k_exit_usage;
}

}  // namespace advise::cli
