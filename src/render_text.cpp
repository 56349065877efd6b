// Plain text for a terminal: one line per piece of advice, each ending with
// the rule ids behind it, each day with its weekday and distance from today.
#include <fmt/format.h>

#include "advise/render.hpp"

namespace advise {
namespace {

std::string ids(const std::vector<RuleId>& rules) {
  return fmt::format("[{}]", fmt::join(rules, ", "));
}

std::string when(Day day, Day today) {
  return fmt::format("{}, {}", weekday_day(day), relative_days(day, today));
}

std::string session(const Advice& a) {
  if (!a.intensity) return "";
  if (!a.length) return fmt::format(": {}", *a.intensity);
  return fmt::format(": {}, {} min", *a.intensity, a.length->count());
}

std::string_view label(Item item) {
  switch (item) {
    case Item::pre_race_window: return "pre-race window";
    case Item::pre_race_session: return "pre-race session";
    case Item::deep_until: return "deep work";
    case Item::blackout: return "blackout";
    case Item::light_in_blackout: return "light work";
    case Item::light_flush: return "light flush";
    case Item::moderate_from: return "moderate work";
    case Item::deep_window: return "deep work after";
    case Item::next_session: return "next session";
  }
  return "";
}

// What the item says, without its label, notes or rule ids.
std::string body(const Advice& a, const Plan& p) {
  if (a.cancelled) return "none";
  switch (a.item) {
    case Item::pre_race_window:
      return fmt::format("from {}, to {}: light, loosening work", when(a.from, p.today),
                         weekday_day(a.to));
    case Item::pre_race_session:
    case Item::next_session:
      return when(a.from, p.today) + session(a);
    case Item::deep_until:
      if (p.newcomer.any()) return fmt::format("none in race week: the last day is {}", when(a.from, p.today));
      return fmt::format("until {}", when(a.from, p.today));
    case Item::blackout:
      return fmt::format("from {} 00:00 ({}) until the start: no moderate or deep work",
                         weekday_day(a.from), relative_days(a.from, p.today));
    case Item::light_in_blackout:
      return "avoid in the blackout; if anything, very light only (nola and smr disagree)";
    case Item::light_flush:
      return fmt::format("{}, within a few hours of the finish{}", when(a.from, p.today), session(a));
    case Item::moderate_from:
      return fmt::format("from {}{}", when(a.from, p.today), session(a));
    case Item::deep_window:
      if (a.from == a.to) return when(a.from, p.today) + session(a);
      return fmt::format("from {}, to {}{}", when(a.from, p.today), weekday_day(a.to), session(a));
  }
  return "";
}

std::string notes(const Advice& a) {
  std::string out;
  if (a.cancelled && a.conflict_race) {
    out += fmt::format(": no room, the race on {} is in the way", weekday_day(*a.conflict_race));
  } else if (a.cancelled) {
    out += ": no room";
  } else if (a.conflict_race && a.item == Item::light_flush) {
    out += fmt::format(" (inside the blackout of the race on {}: very light only, if at all)",
                       weekday_day(*a.conflict_race));
  } else if (a.conflict_race) {
    out += fmt::format(" (moved for the race on {})", weekday_day(*a.conflict_race));
  }
  if (a.passed) out += " (passed)";
  return out;
}

void line(std::string& out, const Advice& a, const Plan& p) {
  out += fmt::format("  {:<17} {}{}  {}\n", label(a.item), body(a, p), notes(a), ids(a.rules));
}

// The race that chose the phase: one in its post-race days, else the next one.
std::string phase_reason(const Plan& p) {
  for (const auto& rp : p.races) {
    if (rp.status == RaceStatus::today) return "race today";
    if (rp.status == RaceStatus::recent) {
      return fmt::format("the race {} is in its post-race days", relative_days(rp.race.day, p.today));
    }
  }
  for (const auto& rp : p.races) {
    if (rp.status == RaceStatus::ahead) {
      return fmt::format("the next race is {}", relative_days(rp.race.day, p.today));
    }
  }
  return "no race ahead";
}

std::string phase_line(const Plan& p) {
  switch (p.phase_from) {
    case PhaseFrom::option: return fmt::format("Phase: {} (as given)\n", p.phase);
    case PhaseFrom::no_race:
      return fmt::format("Phase: {}, as no race is ahead; set it with --phase  [{}]\n", p.phase,
                         RuleId::phase_from_calendar);
    case PhaseFrom::race_calendar:
      return fmt::format("Phase: {}, chosen from the race calendar ({}); set it with --phase  [{}]\n",
                         p.phase, phase_reason(p), RuleId::phase_from_calendar);
  }
  return "";
}

std::string experience_line(const Plan& p) {
  std::string out = fmt::format("Experience: {}", p.experience);
  if (!p.experience_given) out += " (the default; set it with --experience)";
  if (p.newcomer.long_gap) {
    out += fmt::format("; the last massage, {}, counts as a long gap  [{}]",
                       relative_days(*p.last_massage, p.today), RuleId::experience_long_gap);
  }
  return out + "\n";
}

std::string race_heading(const RacePlan& rp, const Plan& p) {
  const Day day = rp.race.day;
  switch (rp.status) {
    case RaceStatus::ahead:
    case RaceStatus::recent:
      return fmt::format("Race {}\n", when(day, p.today));
    case RaceStatus::today: return fmt::format("Race today, {}\n", weekday_day(day));
    case RaceStatus::past:
      return fmt::format("Race {}: its post-race plan is over  [{}]\n", when(day, p.today),
                         RuleId::post_race_deep_days_2_3);
  }
  return "";
}

std::string next_line(const Plan& p) {
  if (!p.next) return "Next session: no clear day within reach of the races given\n";
  const auto& n = *p.next;
  std::string why;
  if (n.from_race_plan) {
    why = " (from the race plan above)";
  } else if (n.moved_for) {
    why = fmt::format(" (due {}; moved for the race on {})", weekday_day(n.due),
                      weekday_day(*n.moved_for));
  } else if (n.due_now && !p.last_massage) {
    why = " (due now: no --last-massage given)";
  } else if (n.due_now) {
    why = fmt::format(" (overdue since {})", weekday_day(n.due));
  } else if (n.latest) {
    why = fmt::format(" (or by {})", weekday_day(*n.latest));
  }
  return fmt::format("Next session: {}{}  {}\n", body(n.advice, p), why, ids(n.advice.rules));
}

}  // namespace

std::string render_text(const Plan& p) {
  std::string out = phase_line(p) + experience_line(p);
  for (const auto& rp : p.races) {
    out += '\n';
    out += race_heading(rp, p);
    for (const auto& a : rp.advice) line(out, a, p);
  }
  out += '\n';
  out += next_line(p);
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
