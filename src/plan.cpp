#include "advise/plan.hpp"

#include <algorithm>

#include "advise/phase_choice.hpp"

namespace advise {
namespace {

using enum RuleId;

// How far the planner looks for a clear day before giving up on a session.
constexpr date::days k_search_limit{400};

// Everything the planner needs about the races, computed once.
struct Context {
  const Policy& policy;
  Day today;
  Newcomer newcomer;
  std::vector<RaceDays> races;

  // The first race whose rules refuse or question `intensity` on `day`.
  std::optional<Finding> blocker(Day day, Intensity intensity) const {
    for (const auto& r : races) {
      auto f = assess(day, intensity, r, newcomer);
      if (f.level != Level::ok) return f;
    }
    return std::nullopt;
  }
  bool clear(Day day, Intensity intensity) const { return !blocker(day, intensity); }
};

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
                   std::optional<std::chrono::minutes> length, std::vector<RuleId> rules) {
  Advice a;
  a.item = item;
  a.from = from;
  a.to = to;
  a.intensity = intensity;
  a.length = length;
  a.rules = std::move(rules);
  return a;
}

Advice day_advice(Item item, Day day, std::vector<RuleId> rules, Day today) {
  Advice a = make_advice(item, day, day, std::nullopt, std::nullopt, std::move(rules));
  a.passed = day < today;
  return a;
}

// The pre-race session: on the last day for deep work, or at the window's
// early end for newcomers, moved within the window when another race is in
// the way, and never before today.
Advice pre_race_session(const Context& ctx, const RaceDays& r) {
  const auto& policy = ctx.policy;
  std::vector<RuleId> rules{pre_race_window};
  if (ctx.newcomer.any()) {
    rules.push_back(pre_race_newcomer_early);
    if (ctx.newcomer.long_gap) rules.push_back(experience_long_gap);
  } else {
    rules.push_back(pre_race_session_day);
  }
  rules.push_back(technique_pre_race);
  rules.push_back(length_rule(policy.length_focused, policy));

  const Day preferred = ctx.newcomer.any() ? r.window_opens : r.deep_until;
  Advice a = make_advice(Item::pre_race_session, preferred, preferred,
                         policy.pre_race_intensity, policy.length_focused, std::move(rules));
  // Walks the window from `first` in the order of preference: forwards for
  // newcomers, backwards from the last day for everyone else.
  auto search = [&](Day first) -> std::optional<Day> {
    const int step = ctx.newcomer.any() ? 1 : -1;
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

void add_pre_race(const Context& ctx, const RaceDays& r, std::vector<Advice>& out) {
  Advice window = make_advice(Item::pre_race_window, r.window_opens, r.deep_until, std::nullopt,
                              std::nullopt, {pre_race_window});
  window.passed = window.to < ctx.today;
  out.push_back(window);
  out.push_back(pre_race_session(ctx, r));
  if (ctx.newcomer.any()) {
    std::vector<RuleId> rules{pre_race_no_first_deep_race_week};
    if (ctx.newcomer.long_gap) rules.push_back(experience_long_gap);
    out.push_back(day_advice(Item::deep_until, std::min(r.deep_until, r.race_week_first - date::days{1}),
                             std::move(rules), ctx.today));
  } else {
    // The last day for deep work that no other race's rules take away.
    Advice deep = day_advice(Item::deep_until, r.deep_until, {pre_race_deep_by_3d}, ctx.today);
    for (Day d = r.deep_until; d > r.deep_until - k_search_limit; d -= date::days{1}) {
      const auto b = ctx.blocker(d, Intensity::deep);
      if (!b) {
        deep.from = deep.to = d;
        break;
      }
      deep.conflict_race = b->race;
    }
    deep.passed = deep.from < ctx.today;
    out.push_back(deep);
  }
  Advice blackout = make_advice(Item::blackout, r.blackout_first, r.race - date::days{1},
                                std::nullopt, std::nullopt,
                                {pre_race_no_deep_48h, pre_race_date_only_start});
  blackout.passed = blackout.to < ctx.today;
  out.push_back(blackout);
  Advice light = blackout;
  light.item = Item::light_in_blackout;
  light.rules = {pre_race_light_in_blackout};
  out.push_back(light);
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
  for (Day d = r.moderate_from;; d += date::days{1}) {
    const auto b = ctx.blocker(d, Intensity::moderate);
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
  moderate.passed = moderate.from < ctx.today;
  out.push_back(moderate);

  // The deep days, less any a neighbouring race takes away.
  Advice deep = make_advice(Item::deep_window, r.deep_from, r.deep_to, Intensity::deep,
                            policy.length_focused,
                            {post_race_deep_days_2_3, technique_post_race_deep,
                             length_rule(policy.length_focused, policy)});
  std::optional<Day> first, last;
  for (Day d = r.deep_from; d <= r.deep_to; d += date::days{1}) {
    if (auto b = ctx.blocker(d, Intensity::deep)) {
      deep.conflict_race = b->race;
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
  return today <= r.deep_to ? RaceStatus::recent : RaceStatus::past;
}

// The first clear day for `intensity` from `start`: earlier first (down to
// `earliest`) when a race's pre-race rules are in the way, so the session
// comes before the race; later otherwise.
std::optional<Day> clear_day(const Context& ctx, Day start, Day earliest, Intensity intensity,
                             std::optional<Day>& moved_for) {
  const auto b = ctx.blocker(start, intensity);
  if (!b) return start;
  moved_for = b->race;
  if (b->race > start) {
    for (Day d = start - date::days{1}; d >= earliest; d -= date::days{1}) {
      if (ctx.clear(d, intensity)) return d;
    }
  }
  for (Day d = start + date::days{1}; d < start + k_search_limit; d += date::days{1}) {
    if (ctx.clear(d, intensity)) return d;
  }
  return std::nullopt;
}

std::optional<NextSession> next_session(const Context& ctx, const Plan& p) {
  const auto& policy = ctx.policy;

  // Recovery with a post-race plan running: its next session comes first.
  if (p.phase == Phase::recovery) {
    for (const auto& rp : p.races) {
      if (rp.status != RaceStatus::today && rp.status != RaceStatus::recent) continue;
      for (const auto& a : rp.advice) {
        if (a.passed || a.cancelled || !a.intensity) continue;
        NextSession n{};
        n.advice = a;
        n.due = std::max(a.from, ctx.today);
        n.advice.item = Item::next_session;
        n.advice.from = n.advice.to = std::max(a.from, ctx.today);
        n.advice.rules.insert(n.advice.rules.begin(), cadence_recovery);
        n.from_race_plan = true;
        return n;
      }
    }
  }

  const Cadence cadence = policy.cadence(p.phase);
  NextSession n{};
  n.due = p.last_massage ? *p.last_massage + cadence.every_min : ctx.today;
  if (p.last_massage && cadence.every_max != cadence.every_min) {
    n.latest = *p.last_massage + cadence.every_max;
  }
  n.due_now = !p.last_massage || n.due < ctx.today;
  const Day start = std::max(n.due, ctx.today);
  const Day earliest = std::max(ctx.today, p.last_massage ? *p.last_massage + date::days{1} : ctx.today);

  const auto day = clear_day(ctx, start, earliest, cadence.intensity, n.moved_for);
  if (!day) return std::nullopt;

  // A session that falls in a race's pre-race window is that race's pre-race
  // session; one in its post-race days is that day's post-race session.
  for (std::size_t i = 0; i < p.races.size(); ++i) {
    const auto& rp = p.races[i];
    const auto& days = ctx.races[i];
    const Advice* from_plan = nullptr;
    if (rp.status == RaceStatus::ahead && *day >= days.window_opens && *day < days.race) {
      from_plan = &*std::find_if(rp.advice.begin(), rp.advice.end(), [](const Advice& a) {
        return a.item == Item::pre_race_session;
      });
    } else if (rp.status != RaceStatus::past && *day >= days.race && *day <= days.deep_to) {
      for (const auto& a : rp.advice) {
        const bool fits = a.intensity && !a.cancelled && *day >= a.from &&
                          (*day <= a.to || a.item == Item::moderate_from) &&
                          (a.intensity == cadence.intensity || a.item == Item::moderate_from);
        if (fits) from_plan = &a;
      }
    }
    if (from_plan == nullptr) continue;
    if (from_plan->cancelled || from_plan->passed) break;
    n.advice = *from_plan;
    n.advice.item = Item::next_session;
    n.advice.from = n.advice.to = std::max(*day, from_plan->from);
    n.advice.rules.insert(n.advice.rules.begin(), cadence_rule(p.phase));
    if (n.due_now) n.advice.rules.insert(n.advice.rules.begin() + 1, cadence_due_now);
    n.from_race_plan = true;
    return n;
  }

  std::vector<RuleId> rules{cadence_rule(p.phase)};
  if (n.due_now) rules.push_back(cadence_due_now);
  if (cadence.intensity == Intensity::deep) {
    rules.push_back(technique_hard_block);
  } else if (p.phase == Phase::taper) {
    rules.push_back(technique_pre_race);
  } else {
    rules.push_back(technique_maintenance);
  }
  rules.push_back(length_rule(cadence.length, policy));
  if (n.moved_for) rules.push_back(ctx.blocker(start, cadence.intensity)->rules.front());
  n.advice = make_advice(Item::next_session, *day, *day, cadence.intensity, cadence.length,
                         std::move(rules));
  return n;
}

}  // namespace

Plan plan(const Query& query, const Policy& policy) {
  Plan p{};
  p.today = query.today;
  p.last_massage = query.athlete.last_massage;
  p.experience = query.athlete.experience.value_or(k_default_experience);
  p.experience_given = query.athlete.experience.has_value();
  p.newcomer = newcomer_of(query.athlete, query.today, policy);
  const bool early = opens_window_early(query.athlete, query.today, policy);
  const std::vector<Race> races = normalise(query.races);

  Context ctx{policy, query.today, p.newcomer, {}};
  for (const auto& race : races) ctx.races.push_back(race_days(race, early, policy));

  if (query.athlete.phase) {
    p.phase = *query.athlete.phase;
    p.phase_from = PhaseFrom::option;
  } else {
    std::tie(p.phase, p.phase_from) = choose_phase(ctx.races, query.today, policy);
  }

  for (const auto& r : ctx.races) {
    RacePlan rp{Race{r.race}, status_of(r, query.today), {}};
    if (rp.status == RaceStatus::ahead) add_pre_race(ctx, r, rp.advice);
    if (rp.status != RaceStatus::past) add_post_race(ctx, r, rp.advice);
    p.races.push_back(std::move(rp));
  }
  p.next = next_session(ctx, p);
  return p;
}

}  // namespace advise
