// The default command: `advise --race DATE ...` prints the plan.
#include "advise/plan.hpp"
#include "advise/render.hpp"
#include "commands.hpp"
#include "exit_codes.hpp"
#include "options.hpp"
#include "output.hpp"
#include "zone.hpp"

namespace advise::cli {

void setup_query(CLI::App& app, QueryOptions& o) {
  add_races(app, o.races);
  add_tz(app, o.tz);
  app.add_option("--phase", o.phase,
                 "Training phase (default: chosen from the race calendar, and said so)")
      ->transform(choice_validator(k_phase_names, "a training phase"))
      ->type_name(names_of(k_phase_names));
  add_last_massage(app, o.last_massage);
  add_experience(app, o.experience);
  add_conditions(app, o.conditions);
  add_symptoms(app, o.symptoms);
  add_hard_workouts(app, o.hard_workouts);
  app.add_flag("--prepare", o.prepare,
               "Add how to prepare for each session and look after yourself afterwards")
      ->disable_flag_override();
  add_today(app, o.today);
  add_format(app, o.format, true);
  add_name(app, o.name);
}

int run_query(const QueryOptions& o) {
  Query q;
  q.today = today_from(o.today);
  auto athlete = to_athlete(o.last_massage, o.experience, o.conditions, q.today);
  if (!athlete) {
    print_error(athlete.error());
    return k_exit_usage;
  }
  q.athlete = std::move(*athlete);
  q.athlete.phase = parse_phase(o.phase);
  q.athlete.symptoms = to_symptoms(o.symptoms);
  q.prepare = o.prepare;
  auto workouts = to_hard_workouts(o.hard_workouts);
  if (!workouts) {
    print_error(workouts.error());
    return k_exit_usage;
  }
  q.hard_workouts = std::move(*workouts);
  const auto races = resolve_races(o.races, o.tz);
  if (!races) {
    print_error(races.error());
    return k_exit_usage;
  }
  q.races = races->races;
  q.zone = races->zone;
  const Plan p = plan(q, Policy{});
  std::string text;
  switch (format_from(o.format)) {
    case Format::text: text = render_text(p); break;
    case Format::json: text = render_json(p); break;
    case Format::ics: {
      const auto stamp = calendar_stamp();
      if (!stamp) {
        print_error(stamp.error());
        return k_exit_usage;
      }
      text = render_ics(p, IcsOptions{o.name, *stamp});
      break;
    }
  }
  return write_out(text) ? k_exit_ok : k_exit_usage;
}

}  // namespace advise::cli
