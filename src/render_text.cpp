// Plain text for a terminal: one line per piece of advice, each ending with
// the rule ids behind it, each day with its weekday and distance from today.
#include <fmt/format.h>

#include <algorithm>
#include <date/tz.h>

#include "advise/condition.hpp"
#include "advise/race_spec.hpp"
#include "advise/render.hpp"
#include "advice_words.hpp"

namespace advise {
namespace {

using namespace words;

// "; not on the injured area (see the conditions above)" for deep work when a
// reported condition rules deep work out there.
std::string_view mind(const Advice& a, const Plan& p) {
  if (a.intensity != Intensity::deep || a.cancelled || !limits_deep_work(p.conditions)) return "";
  return "; not on the injured area (see the conditions above)";
}

void line(std::string& out, const Advice& a, const Plan& p) {
  out += fmt::format("  {:<17} {}{}  {}\n", label(a.item), body(a, p), notes(a), ids(a.rules));
  if (const auto w = work(a); !w.empty()) out += fmt::format("  {:<17} {}{}\n", "", w, mind(a, p));
}

// The A race that chose the phase (tune-ups choose nothing): one in its
// post-race days, else the next one.
std::string phase_reason(const Plan& p) {
  for (const auto& rp : p.races) {
    if (rp.race.priority != Priority::a) continue;
    if (rp.status == RaceStatus::today) return "race today";
    if (rp.status == RaceStatus::recent) {
      return fmt::format("the race {} is in its post-race days", relative_days(rp.race.day, p.today));
    }
  }
  for (const auto& rp : p.races) {
    if (rp.race.priority == Priority::a && rp.status == RaceStatus::ahead) {
      return fmt::format("the next goal race is {}", relative_days(rp.race.day, p.today));
    }
  }
  return "no goal race ahead";
}

std::string phase_line(const Plan& p) {
  switch (p.phase_from) {
    case PhaseFrom::option: return fmt::format("Phase: {} (as given)\n", p.phase);
    case PhaseFrom::no_race:
      return fmt::format("Phase: {}, as no goal (A) race is ahead; set it with --phase  [{}]\n",
                         p.phase, RuleId::phase_from_calendar);
    case PhaseFrom::race_calendar:
      return fmt::format("Phase: {}, chosen from the race calendar ({}); set it with --phase  [{}]\n",
                         p.phase, phase_reason(p), RuleId::phase_from_calendar);
  }
  return "";
}

std::string experience_line(const Plan& p) {
  std::string out = fmt::format("Experience: {}", p.experience);
  if (!p.experience_given) out += " (the default; set it with --experience)";
  if (p.newcomer.long_gap_on(p.today)) {
    out += fmt::format("; the last massage, {}, counts as a long gap (more than {} days, the "
                       "program's own threshold)  [{}]",
                       relative_days(*p.last_massage, p.today), p.newcomer.long_gap.count(),
                       RuleId::experience_long_gap);
  }
  return out + "\n";
}

// "Symptoms: unusual stiffness; heavy, sluggish runs: ..." when any are reported.
std::string symptoms_line(const Plan& p) {
  if (p.symptoms.empty()) return "";
  std::vector<std::string_view> names;
  p.symptoms.for_each([&](Symptom s) { names.push_back(label(s)); });
  return fmt::format("Symptoms: {}: the next session as soon as possible, outside any race "
                     "blackout  [{}]\n",
                     fmt::join(names, "; "), RuleId::cadence_symptoms);
}

// The hard workouts from today on: one before today limits nothing.
std::string workouts_line(const Plan& p) {
  std::vector<std::string> days;
  for (const auto d : p.hard_workouts) {
    if (d >= p.today) days.push_back(weekday_day(d));
  }
  if (days.empty()) {
    return p.hard_workouts.empty() ? "" : "Hard workouts: none from today on\n";
  }
  return fmt::format("Hard workouts: {}: no deep session on {}, nor the day before  [{}, {}]\n",
                     fmt::join(days, ", "), days.size() == 1 ? "that day" : "those days",
                     RuleId::training_no_stacking,
                     RuleId::training_run_after_deep);
}

// What the runner reports, the physician first when any is an injury, then
// what the sources say for each.
std::string conditions_block(const Plan& p) {
  if (p.conditions.empty()) return "";
  std::vector<std::string_view> labels;
  p.conditions.for_each([&](Condition c) { labels.push_back(info(c).label); });
  std::string out = fmt::format("\nConditions, as cautions and not a diagnosis  [{}]\n",
                                RuleId::condition_not_diagnosis);
  out += fmt::format("  you report: {}\n", fmt::join(labels, "; "));
  if (any_injury(p.conditions)) {
    out += fmt::format("  {}  [{}]\n", says(RuleId::condition_physician_first),
                       RuleId::condition_physician_first);
  }
  p.conditions.for_each([&](Condition c) {
    const auto& ci = info(c);
    if (ci.rule == RuleId::condition_physician_first) return;  // said above
    out += fmt::format("  {}  [{}]\n", says(ci.rule), ci.rule);
    std::vector<std::string> figures;
    for (const auto& f : rule(ci.rule).figures()) {
      figures.push_back(fmt::format("{}: {}", f.name, format_figure(f, p.policy)));
    }
    if (!figures.empty()) out += fmt::format("    figures: {}\n", fmt::join(figures, "; "));
    if (const auto d = rule(ci.rule).disagreement; !d.empty()) {
      out += fmt::format("    the sources disagree: {}\n", d);
    }
  });
  return out;
}

std::string care_block(const Plan& p) {
  if (p.care.empty()) return "";
  std::string out = "\nBefore and after each session\n";
  for (const auto id : p.care) out += fmt::format("  {}  [{}]\n", says(id), id);
  return out;
}

// ", start 09:00 CEST (Europe/Berlin)" when a time or a zone is known.
std::string start_of(const RacePlan& rp, const Plan& p) {
  if (!rp.race.time && p.zone == nullptr) return "";
  std::string out = fmt::format(", start {}", format_clock(rp.start, p.zone));
  if (p.zone != nullptr) out += fmt::format(" ({})", p.zone->name());
  return out;
}

// ", priority B: a tune-up ...  [priority.tune-up]"; A races say so only
// when the plan mixes priorities.
std::string priority_of(const RacePlan& rp, const Plan& p) {
  const bool mixed = std::any_of(p.races.begin(), p.races.end(),
                                 [](const RacePlan& r) { return r.race.priority != Priority::a; });
  if (rp.race.priority == Priority::a) {
    return mixed ? fmt::format(", priority A: the goal race  [{}]", RuleId::priority_a_race) : "";
  }
  return fmt::format(", priority {}: a tune-up run through training  [{}]", rp.race.priority,
                     RuleId::priority_tune_up);
}

std::string race_heading(const RacePlan& rp, const Plan& p) {
  const Day day = rp.race.day;
  const auto details = start_of(rp, p) + priority_of(rp, p);
  switch (rp.status) {
    case RaceStatus::ahead:
    case RaceStatus::recent:
      return fmt::format("Race {}{}\n", when(day, p.today), details);
    case RaceStatus::today: return fmt::format("Race today, {}{}\n", weekday_day(day), details);
    case RaceStatus::past:
      return fmt::format("Race {}{}: its post-race plan is over  [{}]\n", when(day, p.today),
                         details,
                         rp.race.priority == Priority::a ? RuleId::post_race_deep_days_2_3
                                                         : RuleId::post_race_moderate_from_24h);
  }
  return "";
}

std::string next_line(const Plan& p) {
  if (!p.next) {
    const auto why = !p.hard_workouts.empty() ? RuleId::training_no_stacking
                     : p.phase == Phase::taper ? RuleId::cadence_taper
                                               : RuleId::cadence_due_now;
    return fmt::format("Next session: no clear day within 400 days  [{}]\n", why);
  }
  const auto& n = *p.next;
  std::string out = fmt::format("Next session: {}{}{}  {}\n", body(n.advice, p), next_why(n, p),
                                notes(n.advice), ids(n.advice.rules));
  if (const auto w = work(n.advice); !w.empty()) {
    out += fmt::format("  {}{}\n", w, mind(n.advice, p));
  }
  if (any_injury(p.conditions)) {
    out += fmt::format("  {}  [{}]\n", physician_first(p.conditions),
                       RuleId::condition_physician_first);
  }
  return out;
}

}  // namespace

std::string render_text(const Plan& p) {
  std::string out = phase_line(p) + experience_line(p) + symptoms_line(p) + workouts_line(p) +
                    conditions_block(p);
  for (const auto& rp : p.races) {
    out += '\n';
    out += race_heading(rp, p);
    for (const auto& a : rp.advice) line(out, a, p);
  }
  out += '\n';
  out += next_line(p);
  out += care_block(p);
  return out;
}

std::string render_text(const Verdict& v, const CheckQuery& q) {
  std::string out;
  for (const auto& f : v.findings) {
    if (out.empty()) {
      out += fmt::format("{}: {}  {}\n", v.level, describe(f, q.intensity, q.on), ids(f.rules));
    } else if (f.level != Level::ok) {
      out += fmt::format("  also {}: {}  {}\n", f.level, describe(f, q.intensity, q.on), ids(f.rules));
    }
  }
  return out;
}

std::string render_rules_text() {
  std::string out;
  for (const auto& r : catalogue()) out += fmt::format("{:<34} {}\n", r.id, r.summary);
  return out;
}

std::string render_conditions_text() {
  std::string out;
  for (const auto& c : k_conditions) {
    out += fmt::format("{:<20} {:<36} [{}]\n", c.name, c.label, fmt::join(condition_rules(c.condition), ", "));
  }
  return out;
}

std::string render_explain_text(const Rule& r, const Policy& policy) {
  std::string out = fmt::format("{}\n  {}\n  area: {}\n  basis: {}\n", r.id, r.summary, r.area,
                                r.basis == Basis::source ? "source-backed"
                                                         : "the program's own policy");
  for (const auto& fig : r.figures()) {
    out += fmt::format("  figure: {}: {}\n", fig.name, format_figure(fig, policy));
  }
  for (const auto& s : sources()) {
    if (r.sources.contains(s.key)) {
      out += fmt::format("  source: {}: {} ({})\n", s.name, s.title, s.publisher);
    }
  }
  if (!r.disagreement.empty()) out += fmt::format("  disagreement: {}\n", r.disagreement);
  return out;
}

}  // namespace advise
