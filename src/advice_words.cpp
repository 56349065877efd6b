#include "advice_words.hpp"

#include <algorithm>
#include <fmt/format.h>

#include "advise/race_spec.hpp"
#include "advise/render.hpp"

namespace advise::words {

std::string ids(const RuleList& rules) {
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
      return fmt::format("from {}, to {}: for the pre-race session, loosening work, moderate or lighter",
                         when(a.from, p.today), weekday_day(a.to));
    case Item::pre_race_session:
    case Item::next_session:
      return when(a.from, p.today) + session(a);
    case Item::deep_until:
      if (a.rules.front() == RuleId::pre_race_no_first_deep_race_week) return fmt::format("none in race week: the last day is {}", when(a.from, p.today));
      return fmt::format("until {}", when(a.from, p.today));
    case Item::blackout:
      return fmt::format("from {} {} ({}) until the start: no moderate or deep work",
                         weekday_day(a.from), format_clock(*a.at, p.zone),
                         relative_days(a.from, p.today));
    case Item::light_in_blackout:
      return "avoid in the blackout; if anything, very light only (nola and smr disagree)";
    case Item::light_flush:
      return fmt::format("{}, within a few hours of the finish{}", when(a.from, p.today), session(a));
    case Item::moderate_from:
      if (a.at) {
        return fmt::format("from {} {}, {}{}", weekday_day(a.from), format_clock(*a.at, p.zone),
                           relative_days(a.from, p.today), session(a));
      }
      return fmt::format("from {}{}", when(a.from, p.today), session(a));
    case Item::deep_window:
      if (a.from == a.to) return when(a.from, p.today) + session(a);
      return fmt::format("from {}, to {}{}", when(a.from, p.today), weekday_day(a.to), session(a));
  }
  return "";
}

namespace {

bool cites(const Advice& a, RuleId id) {
  return std::find(a.rules.begin(), a.rules.end(), id) != a.rules.end();
}

}  // namespace

std::string_view technique_name(const Advice& a) {
  if (!a.intensity || a.cancelled) return "";
  if (cites(a, RuleId::technique_hard_block) || cites(a, RuleId::technique_post_race_deep)) {
    return "deep-tissue";
  }
  if (cites(a, RuleId::technique_pre_race)) return "light-loosening";
  if (cites(a, RuleId::technique_post_race_flush)) return "light-flush";
  switch (*a.intensity) {
    case Intensity::light: return "light-flush";
    case Intensity::moderate: return "loosening";
    case Intensity::deep: return "deep-tissue";
  }
  return "";
}

std::string work(const Advice& a) {
  if (!a.intensity || a.cancelled) return "";
  std::string_view kind;
  if (cites(a, RuleId::technique_hard_block)) {
    kind = "deep tissue work, the usual choice in a hard block; Ashiatsu suits the large muscle "
           "groups";
  } else if (cites(a, RuleId::technique_post_race_deep)) {
    kind = "deep tissue work on any tightness the race left";
  } else if (cites(a, RuleId::technique_pre_race)) {
    kind = "loosening work, or lighter circulation work such as Swedish massage; nothing "
           "corrective";
  } else if (cites(a, RuleId::technique_post_race_flush)) {
    kind = "a very light flush of the legs";
  } else if (cites(a, RuleId::technique_maintenance)) {
    kind = "a loosening sports massage for knots and small imbalances";
  } else if (cites(a, RuleId::post_race_moderate_from_24h)) {
    kind = "moderate, loosening post-race work; nothing deep yet";
  } else {
    kind = format_as(*a.intensity);
  }
  if (!a.length) return std::string(kind);
  std::string_view why;
  if (cites(a, RuleId::length_90)) {
    why = "often the most effective length for runners";
  } else if (cites(a, RuleId::length_30)) {
    why = "even a short session helps";
  } else if (cites(a, RuleId::technique_pre_race)) {
    why = "a focused session, not a long one";
  } else if (cites(a, RuleId::technique_hard_block)) {
    why = "an hour a week is the usual starting point";
  } else {
    why = "a focused session on the areas that need it";
  }
  return fmt::format("{}; {} min: {}", kind, a.length->count(), why);
}

std::string_view says(RuleId id) { return rule(id).summary; }

std::string_view says_clause(RuleId id) {
  auto text = says(id);
  if (text.ends_with('.')) text.remove_suffix(1);
  return text;
}

std::string physician_first(ConditionSet conditions) {
  int injuries = 0;
  conditions.for_each([&](Condition c) { injuries += info(c).injury ? 1 : 0; });
  return fmt::format("with the {} you report, see a physician first and book on their advice",
                     injuries > 1 ? "injuries" : "injury");
}

std::string notes(const Advice& a) {
  std::string out;
  if (a.cancelled && a.conflict_race) {
    out += fmt::format(": no room, the race on {} is in the way", weekday_day(*a.conflict_race));
  } else if (a.cancelled && a.conflict_workout) {
    out += fmt::format(": no room, the hard workout on {} is in the way",
                       weekday_day(*a.conflict_workout));
  } else if (a.cancelled) {
    out += ": no room";
  } else if (a.conflict_race && a.item == Item::light_flush) {
    out += fmt::format(" (inside the blackout of the race on {}: very light only, if at all)",
                       weekday_day(*a.conflict_race));
  } else if (a.conflict_race && a.item == Item::pre_race_window) {
    out += fmt::format(" (the race on {} takes some of these days)", weekday_day(*a.conflict_race));
  } else if (a.conflict_race && a.item != Item::next_session) {
    out += fmt::format(" (moved for the race on {})", weekday_day(*a.conflict_race));
  } else if (a.conflict_workout && a.item != Item::next_session) {
    out += fmt::format(" (moved for the hard workout on {})", weekday_day(*a.conflict_workout));
  }
  if (a.passed) out += " (passed)";
  return out;
}

// Why the next session is on its day: due when, moved for what, or whose
// race-plan session it is.
std::string next_why(const NextSession& n, const Plan& p) {
  std::vector<std::string> parts;
  if (n.race) {
    parts.push_back(fmt::format("the {} session {} the race on {}",
                                n.after_race ? "post-race" : "pre-race",
                                n.after_race ? "after" : "for", weekday_day(*n.race)));
  } else if (n.moved_for && n.moved_for_workout) {
    parts.push_back(fmt::format("moved for the race on {} and the hard workout on {}",
                                weekday_day(*n.moved_for), weekday_day(*n.moved_for_workout)));
  } else if (n.moved_for) {
    parts.push_back(fmt::format("moved for the race on {}", weekday_day(*n.moved_for)));
  } else if (n.moved_for_workout) {
    parts.push_back(
        fmt::format("moved for the hard workout on {}", weekday_day(*n.moved_for_workout)));
  }
  if (n.symptoms && n.lighter) {
    parts.push_back("as soon as possible, for the symptoms you report; moderate, as deep work "
                    "has to wait");
  } else if (n.symptoms) {
    parts.push_back("as soon as possible, for the symptoms you report");
  } else if (!p.last_massage && p.experience == Experience::first_time) {
    parts.push_back("due now: a first session");
  } else if (!p.last_massage) {
    parts.push_back("due now: no --last-massage given");
  } else if (n.due_now && n.latest && p.today <= *n.latest) {
    parts.push_back(fmt::format("due since {}, by {} at the latest", weekday_day(n.due),
                                weekday_day(*n.latest)));
  } else if (n.due_now) {
    parts.push_back(fmt::format("overdue since {}", weekday_day(n.due)));
  } else if (n.advice.from != n.due) {
    parts.push_back(fmt::format("due {}", weekday_day(n.due)));
  } else if (n.latest) {
    parts.push_back(fmt::format("or by {}", weekday_day(*n.latest)));
  }
  if (parts.empty()) return "";
  return fmt::format(" ({})", fmt::join(parts, "; "));
}

}  // namespace advise::words
