// plan(): each race's pre- and post-race advice, then the next session.
#include "advise/plan.hpp"

#include <algorithm>

#include "advise/phase_choice.hpp"
#include "plan_context.hpp"

namespace advise {
namespace detail {

using enum RuleId;

namespace {

// The first race's finding on `day` that is not ok and not `ignored`.
template <typename Ignored>
std::optional<Finding> first_blocker(const Context& ctx, Day day, Intensity intensity,
                                     Ignored&& ignored) {
  for (const auto& r : ctx.races) {
    if (out_of_reach(day, r)) continue;  // ok, without building the finding
    auto f = assess(day, intensity, r, ctx.newcomer);
    if (f.level != Level::ok && !ignored(r, f)) return f;
  }
  return std::nullopt;
}

}  // namespace

std::optional<Finding> Context::blocker(Day day, Intensity intensity) const {
  return first_blocker(*this, day, intensity, [](const RaceDays&, const Finding&) { return false; });
}

std::optional<Finding> Context::workout_blocker(Day day, Intensity intensity) const {
  if (workouts.empty()) return std::nullopt;  // as in nearly every batch row
  // Only the workout on `day` or the day after can reach it.
  const auto it = std::lower_bound(workouts.begin(), workouts.end(), day);
  for (auto w = it; w != workouts.end() && *w <= day + date::days{1}; ++w) {
    if (auto f = assess_workout(day, intensity, *w)) return f;
  }
  return std::nullopt;
}

std::optional<Finding> Context::blocker_but(Day day, Intensity intensity, const RaceDays& own,
                                            Reason reason) const {
  // `own` by identity, not by day: two races may share one. Another race's
  // finding for `reason` counts only when its time is later than own's
  // (two starts on one day: moderate work waits for 24 hours after both).
  return first_blocker(*this, day, intensity, [&](const RaceDays& r, const Finding& f) {
    return f.reason == reason && (&r == &own || r.moderate_at <= own.moderate_at);
  });
}

RuleId cadence_rule(Phase phase) {
  switch (phase) {
    case Phase::peak: return cadence_peak;
    case Phase::build: return cadence_build;
    case Phase::base: return cadence_base;
    case Phase::maintenance: return cadence_maintenance;
    case Phase::off_season: return cadence_off_season;
    case Phase::taper: return cadence_taper;
    case Phase::recovery: return cadence_recovery;
  }
  return cadence_base;
}

RuleId length_rule(std::chrono::minutes length, const Policy& policy) {
  if (length == policy.length_full) return length_90;
  if (length == policy.length_least) return length_30;
  return length_60;
}

Advice make_advice(Item item, Day from, Day to, std::optional<Intensity> intensity,
                   std::optional<std::chrono::minutes> length, RuleList rules) {
  Advice a;
  set_advice(a, item, from, to, intensity, length, rules);
  return a;
}

}  // namespace detail

namespace {

using namespace detail;
using enum RuleId;

Advice day_advice(Item item, Day day, RuleList rules, Day today) {
  Advice a = make_advice(item, day, day, std::nullopt, std::nullopt, std::move(rules));
  a.passed = day < today;
  return a;
}

// The days a pre-race session may go on, flagged when another race takes
// some of them and cancelled when it takes them all.
Advice window_advice(const Context& ctx, const RaceDays& r) {
  Advice window = make_advice(Item::pre_race_window, r.window_opens, r.deep_until, std::nullopt,
                              std::nullopt, {pre_race_window});
  bool any_clear = false;
  for (Day d = r.window_opens; d <= r.deep_until; d += date::days{1}) {
    const auto b = ctx.blocker(d, ctx.policy.pre_race_intensity);
    if (b && b->race != r.race) {
      if (!window.conflict_race) window.conflict_race = b->race;
    } else {
      any_clear = true;
    }
  }
  window.cancelled = !any_clear;
  window.passed = window.to < ctx.today;
  return window;
}

// The pre-race session: on the last day for deep work, or at the window's
// early end for newcomers, moved within the window when another race is in
// the way, and never before today.
Advice pre_race_session(const Context& ctx, const RaceDays& r) {
  const auto& policy = ctx.policy;
  const bool newcomer = ctx.newcomer.on(r.window_opens);
  RuleList rules{pre_race_window};
  if (newcomer) {
    rules.push_back(pre_race_newcomer_early);
    if (ctx.newcomer.long_gap_on(r.window_opens)) rules.push_back(experience_long_gap);
  } else {
    rules.push_back(pre_race_session_day);
  }
  rules.push_back(technique_pre_race);
  rules.push_back(length_rule(policy.length_focused, policy));

  const Day preferred = newcomer ? r.window_opens : r.deep_until;
  Advice a = make_advice(Item::pre_race_session, preferred, preferred,
                         policy.pre_race_intensity, policy.length_focused, std::move(rules));
  // Walks the window from `first` in the order of preference: forwards for
  // newcomers, backwards from the last day for everyone else.
  auto search = [&](Day first) -> std::optional<Day> {
    if (first > r.deep_until) return std::nullopt;  // the window is behind us
    const int step = newcomer ? 1 : -1;
    for (Day d = std::clamp(preferred, first, r.deep_until); d >= first && d <= r.deep_until;
         d += date::days{step}) {
      if (auto b = ctx.blocker(d, policy.pre_race_intensity)) {
        if (!a.conflict_race) a.conflict_race = b->race;
        continue;
      }
      return d;
    }
    return std::nullopt;
  };
  auto day = search(std::max(r.window_opens, ctx.today));
  if (!day && ctx.today > r.window_opens) {
    // Too late now: show the day it would have been, marked as passed.
    day = search(r.window_opens);
    a.passed = day.has_value();
  }
  if (day) {
    a.from = a.to = *day;
  } else {
    a.cancelled = true;
  }
  return a;
}

// The last day for deep work before the race: three days out, earlier for a
// newcomer (no deep work in race week) and where another race is in the way.
Advice deep_until(const Context& ctx, const RaceDays& r) {
  Advice deep = day_advice(Item::deep_until, r.deep_until,
                           {r.full_plan() ? pre_race_deep_by_3d : priority_tune_up}, ctx.today);
  for (Day d = r.deep_until; d > r.deep_until - k_search_limit; d -= date::days{1}) {
    const auto b = ctx.any_blocker(d, Intensity::deep);
    if (!b) {
      deep.from = deep.to = d;
      break;
    }
    if (about_workout(b->reason)) {
      if (!deep.conflict_workout) deep.conflict_workout = b->race;
    } else if (b->race != r.race) {
      if (!deep.conflict_race) deep.conflict_race = b->race;
    } else if (b->reason == Reason::newcomer_race_week) {
      deep.rules = b->rules;  // pre-race.no-first-deep-race-week (, experience.long-gap)
    }
  }
  deep.passed = deep.from < ctx.today;
  return deep;
}

void add_blackout(const Context& ctx, const RaceDays& r, std::vector<Advice>& out) {
  RuleList rules{pre_race_no_deep_48h};
  if (!r.timed) rules.push_back(pre_race_date_only_start);
  // A timed race's blackout runs into race day, up to the start.
  const Day last = r.timed && r.start > LocalTime{r.race} ? r.race : r.race - date::days{1};
  Advice blackout = make_advice(Item::blackout, r.blackout_first, last, std::nullopt,
                                std::nullopt, std::move(rules));
  blackout.at = r.blackout_instant;
  blackout.passed = blackout.to < ctx.today;
  out.push_back(blackout);
  Advice light = blackout;
  light.item = Item::light_in_blackout;
  light.rules = {pre_race_light_in_blackout};
  out.push_back(light);
}

void add_pre_race(const Context& ctx, const RaceDays& r, std::vector<Advice>& out) {
  if (r.full_plan()) {
    out.push_back(window_advice(ctx, r));
    out.push_back(pre_race_session(ctx, r));
  }
  out.push_back(deep_until(ctx, r));
  add_blackout(ctx, r, out);
}

void add_post_race(const Context& ctx, const RaceDays& r, std::vector<Advice>& out) {
  const auto& policy = ctx.policy;

  Advice flush = day_advice(Item::light_flush, r.race,
                            {post_race_light_flush, technique_post_race_flush,
                             length_rule(policy.length_least, policy)},
                            ctx.today);
  flush.intensity = Intensity::light;
  flush.length = policy.length_least;
  if (auto b = ctx.blocker(r.race, Intensity::light)) flush.conflict_race = b->race;
  out.push_back(flush);

  Advice moderate = day_advice(Item::moderate_from, r.moderate_from,
                               {post_race_moderate_from_24h, post_race_no_deep_24h,
                                length_rule(policy.length_focused, policy)},
                               ctx.today);
  moderate.intensity = Intensity::moderate;
  moderate.length = policy.length_focused;
  // Moved later, never dropped, while a neighbouring race's rules are in the way.
  // Its own race's "from HH:MM" does not move it: the item says the time.
  for (Day d = r.moderate_from;; d += date::days{1}) {
    const auto b = ctx.blocker_but(d, Intensity::moderate, r, Reason::moderate_from_time);
    if (!b) {
      moderate.from = moderate.to = d;
      break;
    }
    moderate.conflict_race = b->race;
    if (d >= r.moderate_from + k_search_limit) {
      moderate.cancelled = true;
      break;
    }
  }
  // Its time, on the day the 24 hours end: a timed race's, or a date-only
  // race's when the clocks went forward that night (01:00, not midnight).
  if (moderate.from == date::floor<date::days>(r.moderate_at) &&
      (r.timed || r.moderate_at > LocalTime{moderate.from})) {
    moderate.at = r.moderate_instant;
  }
  moderate.passed = moderate.from < ctx.today;
  out.push_back(moderate);
  if (!r.full_plan()) return;  // tune-ups: no post-race deep days

  // The deep days, less any a neighbouring race takes away.
  Advice deep = make_advice(Item::deep_window, r.deep_from, r.deep_to, Intensity::deep,
                            policy.length_focused,
                            {post_race_deep_days_2_3, technique_post_race_deep,
                             length_rule(policy.length_focused, policy)});
  std::optional<Day> first, last;
  for (Day d = r.deep_from; d <= r.deep_to; d += date::days{1}) {
    if (const auto b = ctx.any_blocker(d, Intensity::deep)) {
      (about_workout(b->reason) ? deep.conflict_workout : deep.conflict_race) = b->race;
      if (first) break;  // keep one unbroken run of days
      continue;
    }
    if (!first) first = d;
    last = d;
  }
  if (first) {
    deep.from = *first;
    deep.to = *last;
  } else {
    deep.cancelled = true;
  }
  deep.passed = deep.to < ctx.today;
  out.push_back(deep);
}

RaceStatus status_of(const RaceDays& r, Day today) {
  if (r.race > today) return RaceStatus::ahead;
  if (r.race == today) return RaceStatus::today;
  return today <= std::max(r.deep_to, r.moderate_from) ? RaceStatus::recent : RaceStatus::past;
}

// Fills `p` for `query` with the policy `p` carries, setting every field
// (a Planner's plan still holds the last query's) and reusing the capacity
// of its vectors and of the scratch vectors `races` and `days`.
void make_plan(const Query& query, Plan& p, std::vector<Race>& races, std::vector<RaceDays>& days) {
  const Policy& policy = p.policy;
  p.today = query.today;
  p.zone = query.zone;
  p.last_massage = query.athlete.last_massage;
  p.experience = query.athlete.experience.value_or(k_default_experience);
  p.experience_given = query.athlete.experience.has_value();
  p.newcomer = newcomer_of(query.athlete, policy);
  p.conditions = query.athlete.conditions;
  p.symptoms = query.athlete.symptoms;
  p.hard_workouts.assign(query.hard_workouts.begin(), query.hard_workouts.end());
  normalise_in_place(p.hard_workouts);
  p.care = query.prepare ? RuleList{care_hydrate, care_light_meal, care_loose_clothes,
                                    care_discomfort_not_pain, care_epsom_bath, training_soreness_48h}
                         : RuleList{};
  races.assign(query.races.begin(), query.races.end());
  normalise_in_place(races);

  days.clear();
  for (const auto& race : races) {
    const bool early = opens_window_early(query.athlete, race.day, policy);
    set_race_days(days.emplace_back(), race, early, policy, query.zone);
  }
  const Context ctx{policy, query.today, p.newcomer, days, p.hard_workouts};

  if (query.athlete.phase) {
    p.phase = *query.athlete.phase;
    p.phase_from = PhaseFrom::option;
  } else {
    std::tie(p.phase, p.phase_from) = choose_phase(ctx.races, query.today, policy);
  }

  p.races.resize(races.size());
  for (std::size_t i = 0; i < races.size(); ++i) {
    const auto& r = ctx.races[i];
    RacePlan& rp = p.races[i];
    rp.race = races[i];
    rp.start = r.start_instant;
    rp.status = status_of(r, query.today);
    rp.advice.clear();
    rp.advice.reserve(8);
    if (rp.status == RaceStatus::ahead) add_pre_race(ctx, r, rp.advice);
    // Race day with a start after midnight: the blackout still runs today.
    if (rp.status == RaceStatus::today && r.start > LocalTime{r.race}) add_blackout(ctx, r, rp.advice);
    if (rp.status != RaceStatus::past) add_post_race(ctx, r, rp.advice);
  }
  next_session(ctx, p, p.next);
}

}  // namespace

Plan plan(const Query& query, const Policy& policy) {
  Plan p{};
  p.policy = policy;
  std::vector<Race> races;
  std::vector<RaceDays> days;
  make_plan(query, p, races, days);
  return p;
}

Planner::Planner(const Policy& policy) { m_plan.policy = policy; }

const Plan& Planner::operator()(const Query& query) {
  make_plan(query, m_plan, m_races, m_days);
  return m_plan;
}

}  // namespace advise
