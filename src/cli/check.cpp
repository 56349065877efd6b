// `advise check`: one verdict on one booking, for people and for `if` in scripts.
#include "advise/check.hpp"
#include "advise/render.hpp"
#include "commands.hpp"
#include "exit_codes.hpp"
#include "options.hpp"
#include "output.hpp"
#include "zone.hpp"

namespace advise::cli {

CLI::App* setup_check(CLI::App& app, CheckOptions& o) {
  auto* cmd = app.add_subcommand("check", "Check a booking against races and hard workouts: ok, caution or avoid");
  cmd->footer(std::string("\nExamples:\n"
                          "  advise check --race 2026-04-12 --on 2026-04-10 --intensity deep\n"
                          "  if advise check -q --race 2026-04-12 --on 2026-04-09 --intensity "
                          "moderate; then echo book it; fi\n\n"
                          "Exit status:\n"
                          "  0  ok or caution (with --strict: ok only)\n"
                          "  1  avoid (with --strict: caution too)\n"
                          "  2  usage or input error, or the output could not be written\n"));
  add_races(*cmd, o.races);
  add_tz(*cmd, o.tz);
  add_date(*cmd, "--on", o.on, "Date of the session to check")->required();
  cmd->add_option("--intensity", o.intensity, "Intensity of the session")
      ->transform(choice_validator(k_intensity_names, "an intensity"))
      ->type_name(names_of(k_intensity_names))
      ->required();
  add_last_massage(*cmd, o.last_massage);
  add_experience(*cmd, o.experience);
  add_hard_workouts(*cmd, o.hard_workouts);
  add_conditions(*cmd, o.conditions);
  add_today(*cmd, o.today);
  add_format(*cmd, o.format);
  cmd->add_flag("--strict", o.strict, "Exit 1 for caution as well as for avoid")
      ->disable_flag_override();
  cmd->add_flag("-q,--quiet", o.quiet, "Print nothing; answer with the exit status only")
      ->disable_flag_override();
  return cmd;
}

int run_check(const CheckOptions& o) {
  CheckQuery q;
  q.on = to_day(o.on);
  q.intensity = *parse_intensity(o.intensity);
  q.today = today_from(o.today);
  auto athlete = to_athlete(o.last_massage, o.experience, o.conditions, q.today);
  if (!athlete) {
    print_error(athlete.error());
    return k_exit_usage;
  }
  q.athlete = std::move(*athlete);
  if (o.races.empty() && o.hard_workouts.empty()) {
    print_error("check needs a --race or a --hard-workout to check the session against");
    return k_exit_usage;
  }
  auto workouts = to_hard_workouts(o.hard_workouts);
  if (!workouts) {
    print_error(workouts.error());
    return k_exit_usage;
  }
  q.hard_workouts = std::move(*workouts);
  const auto races = resolve_races(o.races, o.tz, o.quiet);
  if (!races) {
    print_error(races.error());
    return k_exit_usage;
  }
  q.races = races->races;
  q.zone = races->zone;
  const Verdict v = check(q, Policy{});
  const bool refused = v.level == Level::avoid || (o.strict && v.level == Level::caution);
  const int code = refused ? k_exit_avoid : k_exit_ok;
  if (o.quiet) return code;
  const auto text = format_from(o.format) == Format::json ? render_json(v, q) : render_text(v, q);
  return write_out(text) ? code : k_exit_usage;
}

}  // namespace advise::cli
