// JSON for scripts; the schema is docs/json.md. Dates are YYYY-MM-DD, enum
// values are the words the CLI accepts, absent values are null.
#include <fmt/format.h>

#include <date/tz.h>

#include "advise/condition.hpp"
#include "advise/json_writer.hpp"
#include "advise/race_spec.hpp"
#include "advise/render.hpp"
#include "advice_words.hpp"

namespace advise {
namespace {

std::string_view item_name(Item item) {
  switch (item) {
    case Item::pre_race_window: return "pre-race-window";
    case Item::pre_race_session: return "pre-race-session";
    case Item::deep_until: return "deep-until";
    case Item::blackout: return "blackout";
    case Item::light_in_blackout: return "light-in-blackout";
    case Item::light_flush: return "light-flush";
    case Item::moderate_from: return "moderate-from";
    case Item::deep_window: return "deep-window";
    case Item::next_session: return "next-session";
  }
  return "";
}

std::string_view status_name(RaceStatus s) {
  switch (s) {
    case RaceStatus::ahead: return "ahead";
    case RaceStatus::today: return "today";
    case RaceStatus::recent: return "recent";
    case RaceStatus::past: return "past";
  }
  return "";
}

std::string_view phase_from_name(PhaseFrom f) {
  switch (f) {
    case PhaseFrom::option: return "option";
    case PhaseFrom::race_calendar: return "race-calendar";
    case PhaseFrom::no_race: return "no-race";
  }
  return "";
}

std::string_view reason_name(Reason r) {
  switch (r) {
    case Reason::clear_of_race: return "clear-of-race";
    case Reason::pre_race_window: return "pre-race-window";
    case Reason::deep_in_time: return "deep-in-time";
    case Reason::blackout: return "blackout";
    case Reason::before_blackout_only: return "before-blackout-only";
    case Reason::deep_too_late: return "deep-too-late";
    case Reason::moderate_from_time: return "moderate-from-time";
    case Reason::light_in_blackout: return "light-in-blackout";
    case Reason::newcomer_race_week: return "newcomer-race-week";
    case Reason::race_day_flush: return "race-day-flush";
    case Reason::race_day_too_soon: return "too-soon-after-race";
    case Reason::day_after_moderate: return "after-race-moderate";
    case Reason::day_after_deep_early: return "deep-day-after-race";
    case Reason::post_race_deep_window: return "post-race-deep-window";
    case Reason::after_race: return "after-race";
    case Reason::hard_workout_day: return "hard-workout-day";
    case Reason::before_hard_workout: return "before-hard-workout";
    case Reason::clear_of_workouts: return "clear-of-workouts";
    case Reason::condition: return "condition";
  }
  return "";
}

void day_or_null(JsonWriter& w, std::string_view key, const std::optional<Day>& day) {
  w.key(key);
  if (day) {
    w.value(format_day(*day));
  } else {
    w.null();
  }
}

void rule_ids(JsonWriter& w, const RuleList& rules) {
  w.key("rules").begin_array();
  for (const auto r : rules) w.value(format_as(r));
  w.end_array();
}

void advice_fields(JsonWriter& w, const Advice& a, const date::time_zone* zone) {
  w.key("item").value(item_name(a.item));
  w.key("from").value(format_day(a.from));
  w.key("to").value(format_day(a.to));
  w.key("at");
  if (a.at) {
    w.value(format_iso(*a.at, zone));
  } else {
    w.null();
  }
  w.key("intensity");
  if (a.intensity) {
    w.value(format_as(*a.intensity));
  } else {
    w.null();
  }
  w.key("minutes");
  if (a.length) {
    w.value(static_cast<long long>(a.length->count()));
  } else {
    w.null();
  }
  w.key("technique").text_or_null(words::technique_name(a));
  rule_ids(w, a.rules);
  day_or_null(w, "conflict_race", a.conflict_race);
  day_or_null(w, "conflict_workout", a.conflict_workout);
  w.key("cancelled").value(a.cancelled);
  w.key("passed").value(a.passed);
}

void rule_fields(JsonWriter& w, const Rule& r, const Policy& policy, bool full_sources) {
  w.key("id").value(r.id);
  w.key("area").value(format_as(r.area));
  w.key("basis").value(format_as(r.basis));
  w.key("summary").value(r.summary);
  w.key("figures").begin_array();
  for (const auto& fig : r.figures()) {
    w.begin_object().key("name").value(fig.name).key("value");
    std::visit(
        [&](auto member) {
          const auto& v = policy.*member;
          using T = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<T, Intensity>) {
            w.value(format_as(v)).key("unit").null();
          } else {
            const char* unit = std::is_same_v<T, std::chrono::hours>     ? "hours"
                               : std::is_same_v<T, std::chrono::minutes> ? "minutes"
                                                                          : "days";
            w.value(static_cast<long long>(v.count())).key("unit").value(unit);
          }
        },
        fig.field);
    w.end_object();
  }
  w.end_array();
  w.key("sources").begin_array();
  for (const auto& s : sources()) {
    if (!r.sources.contains(s.key)) continue;
    if (full_sources) {
      w.begin_object().key("key").value(s.name).key("title").value(s.title);
      w.key("publisher").value(s.publisher).end_object();
    } else {
      w.value(s.name);
    }
  }
  w.end_array();
  w.key("disagreement").text_or_null(r.disagreement);
}

}  // namespace

std::string render_json(const Plan& p) {
  std::string out;
  JsonWriter w(out);
  w.begin_object();
  w.key("today").value(format_day(p.today));
  w.key("zone");
  if (p.zone != nullptr) {
    w.value(p.zone->name());
  } else {
    w.null();
  }
  w.key("phase").begin_object();
  w.key("name").value(format_as(p.phase)).key("from").value(phase_from_name(p.phase_from));
  w.end_object();
  w.key("experience").begin_object();
  w.key("name").value(format_as(p.experience)).key("given").value(p.experience_given);
  w.key("long_gap").value(p.newcomer.long_gap_on(p.today));
  w.key("long_gap_days").value(static_cast<long long>(p.policy.long_gap.count()));
  w.end_object();
  day_or_null(w, "last_massage", p.last_massage);
  w.key("conditions").begin_array();
  p.conditions.for_each([&](Condition c) {
    w.begin_object().key("name").value(format_as(c)).key("label").value(info(c).label);
    w.key("physician_first").value(info(c).injury);
    rule_ids(w, condition_rules(c));
    w.key("disagreement").text_or_null(rule(info(c).rule).disagreement);
    w.end_object();
  });
  w.end_array();
  w.key("symptoms").begin_array();
  p.symptoms.for_each([&](Symptom s) { w.value(format_as(s)); });
  w.end_array();
  w.key("hard_workouts").begin_array();
  for (const auto d : p.hard_workouts) w.value(format_day(d));
  w.end_array();
  w.key("care").begin_array();
  for (const auto id : p.care) w.value(format_as(id));
  w.end_array();
  w.key("races").begin_array();
  for (const auto& rp : p.races) {
    w.begin_object();
    w.key("date").value(format_day(rp.race.day));
    w.key("start").value(format_iso(rp.start, p.zone));
    w.key("timed").value(rp.race.time.has_value());
    w.key("priority").value(format_as(rp.race.priority));
    w.key("status").value(status_name(rp.status));
    w.key("days_away").value(static_cast<long long>((rp.race.day - p.today).count()));
    w.key("advice").begin_array();
    for (const auto& a : rp.advice) {
      w.begin_object();
      advice_fields(w, a, p.zone);
      w.end_object();
    }
    w.end_array();
    w.end_object();
  }
  w.end_array();
  w.key("next_session");
  if (p.next) {
    w.begin_object();
    advice_fields(w, p.next->advice, p.zone);
    w.key("due").value(format_day(p.next->due));
    day_or_null(w, "latest", p.next->latest);
    w.key("due_now").value(p.next->due_now);
    day_or_null(w, "moved_for", p.next->moved_for);
    day_or_null(w, "moved_for_workout", p.next->moved_for_workout);
    w.key("symptoms").value(p.next->symptoms);
    w.key("lighter").value(p.next->lighter);
    day_or_null(w, "race", p.next->race);
    w.key("after_race").value(p.next->after_race);
    w.end_object();
  } else {
    w.null();
  }
  w.end_object();
  out += '\n';
  return out;
}

std::string render_json(const Verdict& v, const CheckQuery& q) {
  std::string out;
  JsonWriter w(out);
  w.begin_object();
  w.key("verdict").value(format_as(v.level));
  w.key("on").value(format_day(q.on));
  w.key("intensity").value(format_as(q.intensity));
  w.key("findings").begin_array();
  for (const auto& f : v.findings) {
    w.begin_object();
    w.key("level").value(format_as(f.level));
    w.key("reason").value(reason_name(f.reason));
    const bool workout = about_workout(f.reason);
    const bool race = !workout && f.reason != Reason::condition;
    day_or_null(w, "race", race ? std::optional<Day>(f.race) : std::nullopt);
    day_or_null(w, "workout", workout ? std::optional<Day>(f.race) : std::nullopt);
    w.key("condition");
    if (f.condition) {
      w.value(format_as(*f.condition));
    } else {
      w.null();
    }
    w.key("message").value(describe(f, q.intensity, q.on));
    rule_ids(w, f.rules);
    w.end_object();
  }
  w.end_array();
  w.end_object();
  out += '\n';
  return out;
}

std::string render_rules_json(const Policy& policy) {
  std::string out;
  JsonWriter w(out);
  w.begin_array();
  for (const auto& r : catalogue()) {
    w.begin_object();
    rule_fields(w, r, policy, false);
    w.end_object();
  }
  w.end_array();
  out += '\n';
  return out;
}

std::string render_conditions_json() {
  std::string out;
  JsonWriter w(out);
  w.begin_array();
  for (const auto& c : k_conditions) {
    w.begin_object();
    w.key("name").value(c.name).key("label").value(c.label);
    w.key("physician_first").value(c.injury);
    rule_ids(w, condition_rules(c.condition));
    w.key("disagreement").text_or_null(rule(c.rule).disagreement);
    w.end_object();
  }
  w.end_array();
  out += '\n';
  return out;
}

std::string render_explain_json(const Rule& r, const Policy& policy) {
  std::string out;
  JsonWriter w(out);
  w.begin_object();
  rule_fields(w, r, policy, true);
  w.end_object();
  out += '\n';
  return out;
}

}  // namespace advise
