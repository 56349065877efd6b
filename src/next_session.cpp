// The next session by the phase cadence, fitted around the races' plans.
#include <algorithm>

#include "plan_context.hpp"

namespace advise::detail {
namespace {

using enum RuleId;

// The first clear day for `intensity` from `start`: earlier first (down to
// `earliest`) when a race on or after `start` is in the way, so the session
// comes before that race; later otherwise, as when a hard workout is. Says
// which race it stepped around, and which hard workout when it went later.
std::optional<Day> clear_day(const Context& ctx, Day start, Day earliest, Intensity intensity,
                             std::optional<Day>& moved_for, std::optional<Day>& moved_for_workout) {
  auto found = [&](Day d) -> std::optional<Day> {
    // The first workout, not a race, that kept it off a day in [start, d).
    for (Day x = start; x < d; x += date::days{1}) {
      if (const auto b = ctx.any_blocker(x, intensity); b && about_workout(b->reason)) {
        moved_for_workout = b->race;
        break;
      }
    }
    return d;
  };
  if (ctx.clear(start, intensity)) return start;
  if (const auto b = ctx.blocker(start, intensity)) {
    moved_for = b->race;
    if (b->race >= start) {
      for (Day d = start - date::days{1}; d >= earliest; d -= date::days{1}) {
        if (ctx.clear(d, intensity)) return d;
      }
    }
  }
  for (Day d = start + date::days{1}; d < start + k_search_limit; d += date::days{1}) {
    if (ctx.clear(d, intensity)) return found(d);
  }
  return std::nullopt;
}

// `a`, a session of the plan of the race on `race`, as the next session, in
// `out`. (Built where it is kept: a copy of a struct just written field by
// field stalls the processor, which a million rows notice.)
NextSession& from_race(std::optional<NextSession>& out, const Advice& a, Day day, Day race,
                       bool after, RuleId cadence) {
  NextSession& n = out.emplace();
  n.advice = a;
  n.advice.item = Item::next_session;
  // The item's time (moderate work from 24 hours after a late start) is
  // that of its first day: on a later day the session has no floor.
  if (day != a.from) n.advice.at.reset();
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
bool post_race_first(const Context& ctx, const Plan& p, std::optional<NextSession>& out) {
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
    auto& n = from_race(out, *pick, day, rp.race.day, true, cadence_recovery);
    n.due = n.advice.from;
    return true;
  }
  return false;
}

// The last day in [from, to] clear for `intensity`, if any.
std::optional<Day> last_clear(const Context& ctx, Day from, Day to, Intensity intensity) {
  for (Day d = to; d >= from; d -= date::days{1}) {
    if (ctx.clear(d, intensity)) return d;
  }
  return std::nullopt;
}

}  // namespace

void next_session(const Context& ctx, const Plan& p, std::optional<NextSession>& out) {
  out.reset();
  const auto& policy = ctx.policy;
  // Symptoms override the cadence: as soon as possible (cadence.symptoms).
  const bool symptoms = !p.symptoms.empty();
  if (p.phase == Phase::recovery && post_race_first(ctx, p, out)) {
    // The first post-race session is already the soonest one.
    if (symptoms) {
      out->symptoms = true;
      out->advice.rules.insert(out->advice.rules.begin() + 1, cadence_symptoms);
    }
    return;
  }

  const Cadence cadence = cadence_for(p.conditions, p.phase, policy);
  const Day due =
      p.last_massage && !symptoms ? *p.last_massage + cadence.every_min : ctx.today;
  const bool due_now = symptoms || !p.last_massage || due < ctx.today;
  // Never on the day of the last massage, however soon symptoms want it.
  const Day earliest =
      std::max(ctx.today, p.last_massage ? *p.last_massage + date::days{1} : ctx.today);
  const Day start = std::max(due, earliest);
  Intensity intensity = cadence.intensity;
  std::chrono::minutes length = cadence.length;
  std::optional<Day> moved_for, moved_for_workout;
  std::optional<RuleId> deep_refused;
  bool lighter = false;
  auto day = clear_day(ctx, start, earliest, intensity, moved_for, moved_for_workout);
  if (symptoms && intensity == Intensity::deep) {
    // As soon as possible: a moderate session when deep work has to wait.
    std::optional<Day> race, workout;
    const auto sooner = clear_day(ctx, start, earliest, Intensity::moderate, race, workout);
    if (sooner && (!day || *sooner < *day)) {
      // The rule that keeps deep work off that day, to say why it is lighter.
      if (const auto b = ctx.any_blocker(*sooner, Intensity::deep)) {
        deep_refused = b->rules.front();
      }
      lighter = true;
      day = sooner;
      moved_for = race;
      moved_for_workout = workout;
      intensity = Intensity::moderate;
      length = policy.length_focused;
    }
  }
  if (!day) return;

  auto finish = [&](NextSession& n) {
    n.due = due;
    n.due_now = due_now;
    if (n.advice.from != start) {
      // Workouts move deep sessions only; a race-plan session is its race's.
      if (n.advice.intensity == Intensity::deep) n.moved_for_workout = moved_for_workout;
      n.moved_for = moved_for ? moved_for : n.moved_for_workout ? std::nullopt : n.race;
    }
    n.symptoms = symptoms;
    n.lighter = lighter;
    if (due_now) {
      n.advice.rules.insert(n.advice.rules.begin() + 1, symptoms ? cadence_symptoms : cadence_due_now);
    }
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
      // In taper the pre-race session is the session (cadence.taper): none
      // before it in race week, even where the window opens later.
      const bool taper = p.phase == Phase::taper && !symptoms && *day >= days.race_week_first;
      if (usable && (in_window || overtaken || taper)) {
        // Symptoms do not wait for the pre-race session's own day.
        const Day on = symptoms && in_window ? std::min(*day, pre->from) : pre->from;
        finish(from_race(out, *pre, on, days.race, false, cadence_rule(p.phase)));
        return;
      }
    }
    // A day in a race's post-race days takes that day's post-race session,
    // of the latest race whose post-race days hold it.
    auto in_post_race = [&](std::size_t k) {
      return p.races[k].status != RaceStatus::past && *day >= ctx.races[k].race &&
             *day <= ctx.races[k].deep_to;
    };
    if (in_post_race(i)) {
      std::size_t k = i;
      for (std::size_t j = i + 1; j < p.races.size(); ++j) {
        if (in_post_race(j)) k = j;
      }
      // The item of the session's own intensity on that day, else moderate work.
      const Advice* pick = nullptr;
      for (const auto& a : p.races[k].advice) {
        const bool covers = a.intensity && !a.cancelled && *day >= a.from &&
                            (*day <= a.to || a.item == Item::moderate_from);
        if (!covers) continue;
        if (a.intensity == intensity) {
          pick = &a;
          break;
        }
        if (a.item == Item::moderate_from && pick == nullptr) pick = &a;
      }
      if (pick != nullptr) {
        finish(from_race(out, *pick, *day, ctx.races[k].race, true, cadence_rule(p.phase)));
        return;
      }
    }
  }

  NextSession& n = out.emplace();
  set_advice(n.advice, Item::next_session, *day, *day, intensity, length, {});
  RuleList& rules = n.advice.rules;  // built where it is kept, as in from_race()
  rules.push_back(cadence_rule(p.phase));
  if (cadence.every_max < policy.cadence(p.phase).every_max && !symptoms) {
    rules.push_back(condition_hamstring_risk);
  }
  if (intensity == Intensity::deep) {
    rules.push_back(technique_hard_block);
  } else if (p.phase == Phase::taper &&
             std::any_of(p.races.begin(), p.races.end(),
                         [](const RacePlan& rp) { return rp.status == RaceStatus::ahead; })) {
    rules.push_back(technique_pre_race);  // "before a race": only with one ahead
  } else {
    rules.push_back(technique_maintenance);
  }
  rules.push_back(length_rule(length, policy));
  if (deep_refused) rules.push_back(*deep_refused);
  if (moved_for) {
    if (const auto b = ctx.blocker(start, intensity)) rules.push_back(b->rules.front());
  }
  if (moved_for_workout) {
    const auto w = ctx.workout_blocker(start, Intensity::deep);
    rules.push_back(w ? w->rules.front() : training_run_after_deep);
  }
  if (p.last_massage && cadence.every_max != cadence.every_min && !symptoms) {
    const Day end = *p.last_massage + cadence.every_max;
    if (end > *day) n.latest = last_clear(ctx, *day + date::days{1}, end, intensity);
  }
  finish(n);
}

}  // namespace advise::detail
