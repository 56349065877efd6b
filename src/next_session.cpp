// The next session by the phase cadence, fitted around the races' plans.
#include <algorithm>

#include "plan_context.hpp"

namespace advise::detail {
namespace {

using enum RuleId;

// The first clear day for `intensity` from `start`: earlier first (down to
// `earliest`) when a race on or after `start` is in the way, so the session
// comes before that race; later otherwise, as when a hard workout is.
std::optional<Day> clear_day(const Context& ctx, Day start, Day earliest, Intensity intensity,
                             std::optional<Day>& moved_for, std::optional<Day>& moved_for_workout) {
  if (ctx.clear(start, intensity)) return start;
  if (const auto b = ctx.blocker(start, intensity)) {
    moved_for = b->race;
    if (b->race >= start) {
      for (Day d = start - date::days{1}; d >= earliest; d -= date::days{1}) {
        if (ctx.clear(d, intensity)) return d;
      }
    }
  } else {
    moved_for_workout = ctx.workout_blocker(start, intensity)->race;
  }
  for (Day d = start + date::days{1}; d < start + k_search_limit; d += date::days{1}) {
    if (ctx.clear(d, intensity)) return d;
  }
  return std::nullopt;
}

// `a`, a session of the plan of the race on `race`, as the next session.
NextSession from_race(const Advice& a, Day day, Day race, bool after, RuleId cadence) {
  NextSession n{};
  n.advice = a;
  n.advice.item = Item::next_session;
  n.advice.from = n.advice.to = day;
  n.advice.passed = false;
  n.advice.rules.insert(n.advice.rules.begin(), cadence);
  n.race = race;
  n.after_race = after;
  return n;
}

const Advice* find_item(const RacePlan& rp, Item item) {
  const auto it = std::find_if(rp.advice.begin(), rp.advice.end(),
                               [&](const Advice& a) { return a.item == item; });
  return it == rp.advice.end() ? nullptr : &*it;
}

// Recovery after an A race with no session since it: its post-race session
// for today (deep on days 2 to 3, else moderate once 24 hours have passed,
// else the flush on race day), or the next one to come.
std::optional<NextSession> post_race_first(const Context& ctx, const Plan& p) {
  for (const auto& rp : p.races) {
    const bool running = rp.status == RaceStatus::today || rp.status == RaceStatus::recent;
    if (!running || rp.race.priority != Priority::a) continue;
    if (p.last_massage && *p.last_massage >= rp.race.day) continue;  // already had one
    const Advice* pick = nullptr;
    for (const auto& a : rp.advice) {
      if (!a.intensity || a.cancelled) continue;
      const bool covers_today = a.from <= ctx.today && (ctx.today <= a.to || a.item == Item::moderate_from);
      if (covers_today) pick = &a;                        // the last covering item wins: deep over moderate
      if (pick == nullptr && a.from > ctx.today) pick = &a;  // else the first one to come
    }
    if (pick == nullptr) continue;
    const Day day = std::max(pick->from, ctx.today);
    if (!ctx.clear(day, *pick->intensity)) continue;  // another race's rules decide: the cadence path
    auto n = from_race(*pick, day, rp.race.day, true, cadence_recovery);
    n.due = n.advice.from;
    return n;
  }
  return std::nullopt;
}

// The last day in [from, to] clear for `intensity`, if any.
std::optional<Day> last_clear(const Context& ctx, Day from, Day to, Intensity intensity) {
  for (Day d = to; d >= from; d -= date::days{1}) {
    if (ctx.clear(d, intensity)) return d;
  }
  return std::nullopt;
}

}  // namespace

std::optional<NextSession> next_session(const Context& ctx, const Plan& p) {
  const auto& policy = ctx.policy;
  if (p.phase == Phase::recovery) {
    if (auto n = post_race_first(ctx, p)) return n;
  }

  const Cadence cadence = cadence_for(p.conditions, p.phase, policy);
  // Symptoms override the cadence: as soon as possible (cadence.symptoms).
  const bool symptoms = !p.symptoms.empty();
  const Day due =
      p.last_massage && !symptoms ? *p.last_massage + cadence.every_min : ctx.today;
  const bool due_now = symptoms || !p.last_massage || due < ctx.today;
  const Day start = std::max(due, ctx.today);
  const Day earliest =
      std::max(ctx.today, p.last_massage ? *p.last_massage + date::days{1} : ctx.today);
  std::optional<Day> moved_for, moved_for_workout;
  const auto day = clear_day(ctx, start, earliest, cadence.intensity, moved_for, moved_for_workout);
  if (!day) return std::nullopt;

  auto finish = [&](NextSession n) {
    n.due = due;
    n.due_now = due_now;
    if (n.advice.from != start) {
      n.moved_for = moved_for ? moved_for : n.race;
      if (!n.moved_for) n.moved_for_workout = moved_for_workout;
    }
    n.symptoms = symptoms;
    if (due_now) {
      n.advice.rules.insert(n.advice.rules.begin() + 1, symptoms ? cadence_symptoms : cadence_due_now);
    }
    return n;
  };

  for (std::size_t i = 0; i < p.races.size(); ++i) {
    const auto& rp = p.races[i];
    const auto& days = ctx.races[i];
    // An A race's pre-race session comes first when the cadence session
    // falls in its window, or would come after it though due before the race.
    if (rp.status == RaceStatus::ahead && days.full_plan()) {
      const Advice* pre = find_item(rp, Item::pre_race_session);
      const bool usable = pre != nullptr && !pre->cancelled && !pre->passed;
      const bool in_window = *day >= days.window_opens && *day < days.race;
      const bool overtaken = usable && pre->from <= *day && start <= days.race;
      if (usable && (in_window || overtaken)) {
        return finish(from_race(*pre, pre->from, days.race, false, cadence_rule(p.phase)));
      }
    }
    // A day in a race's post-race days takes that day's post-race session.
    if (rp.status != RaceStatus::past && *day >= days.race && *day <= days.deep_to) {
      for (const auto& a : rp.advice) {
        const bool fits = a.intensity && !a.cancelled && *day >= a.from &&
                          (*day <= a.to || a.item == Item::moderate_from) &&
                          (a.intensity == cadence.intensity || a.item == Item::moderate_from);
        if (fits) return finish(from_race(a, *day, days.race, true, cadence_rule(p.phase)));
      }
    }
  }

  RuleList rules{cadence_rule(p.phase)};
  if (cadence.every_max < policy.cadence(p.phase).every_max) rules.push_back(condition_hamstring_risk);
  if (cadence.intensity == Intensity::deep) {
    rules.push_back(technique_hard_block);
  } else if (p.phase == Phase::taper) {
    rules.push_back(technique_pre_race);
  } else {
    rules.push_back(technique_maintenance);
  }
  rules.push_back(length_rule(cadence.length, policy));
  if (moved_for) {
    rules.push_back(ctx.blocker(start, cadence.intensity)->rules.front());
  } else if (moved_for_workout) {
    rules.push_back(ctx.workout_blocker(start, cadence.intensity)->rules.front());
  }
  NextSession n{};
  n.advice = make_advice(Item::next_session, *day, *day, cadence.intensity, cadence.length,
                         std::move(rules));
  if (p.last_massage && cadence.every_max != cadence.every_min) {
    const Day end = *p.last_massage + cadence.every_max;
    if (end > *day) n.latest = last_clear(ctx, *day + date::days{1}, end, cadence.intensity);
  }
  return finish(n);
}

}  // namespace advise::detail
