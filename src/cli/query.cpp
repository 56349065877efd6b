// The default command: `advise --race DATE ...` prints the plan.
#include "advise/plan.hpp"
#include "advise/render.hpp"
#include "commands.hpp"
#include "exit_codes.hpp"
#include "options.hpp"
#include "output.hpp"

namespace advise::cli {

void setup_query(CLI::App& app, QueryOptions& o) {
  app.add_option("--race", o.races, "Race date; repeat the flag for several races")
      ->check(date_validator())
      ->type_name("YYYY-MM-DD")
      ->expected(1)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  app.add_option("--phase", o.phase,
                 "Training phase (default: chosen from the race calendar, and said so)")
      ->check(choice_validator(k_phase_names, "a training phase"))
      ->type_name(choices(k_phase_names));
  add_last_massage(app, o.last_massage);
  add_experience(app, o.experience);
  add_today(app, o.today);
  add_format(app, o.format);
}

int run_query(const QueryOptions& o) {
  Query q;
  q.races = to_races(o.races);
  q.athlete.phase = parse_phase(o.phase);
  q.athlete.last_massage = to_optional_day(o.last_massage);
  q.athlete.experience = parse_experience(o.experience);
  q.today = today_from(o.today);
  const Plan p = plan(q, Policy{});
  const auto text = format_from(o.format) == Format::json ? render_json(p) : render_text(p);
  return write_out(text) ? k_exit_ok : k_exit_usage;
}

}  // namespace advise::cli
