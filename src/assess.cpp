#include "advise/assess.hpp"

namespace advise {

std::string_view format_as(Level level) {
  switch (level) {
    case Level::ok: return "ok";
    case Level::caution: return "caution";
    case Level::avoid: return "avoid";
  }
  return "?";
}

Finding assess(Day day, Intensity intensity, const RaceDays& d, const Newcomer& newcomer) {
  using enum RuleId;
  const bool deep = intensity == Intensity::deep;
  const bool light = intensity == Intensity::light;
  auto found = [&](Level level, Reason reason, RuleList rules) {
    return Finding{level, reason, d.race, std::move(rules)};
  };
  auto found_at = [&](Level level, Reason reason, RuleList rules, Instant at) {
    return Finding{level, reason, d.race, std::move(rules), at, d.zone};
  };
  const LocalTime day_start{day};
  const LocalTime day_end{day + date::days{1}};

  if (day >= d.blackout_first && day < d.race) {
    if (day == d.blackout_first && d.blackout_start > day_start) {
      // Before a timed race's blackout, but after the last day for deep work.
      if (deep && d.full_plan() && day > d.deep_until) {
        return found(Level::avoid, Reason::deep_too_late, {pre_race_deep_by_3d, pre_race_no_deep_48h});
      }
      // Any work, light too, is outside the blackout until it starts.
      return found_at(Level::caution, Reason::before_blackout_only, {pre_race_no_deep_48h},
                      d.blackout_instant);
    }
    if (light) {
      return found(Level::caution, Reason::light_in_blackout,
                   {pre_race_light_in_blackout, pre_race_no_deep_48h});
    }
    if (d.timed) return found(Level::avoid, Reason::blackout, {pre_race_no_deep_48h});
    return found(Level::avoid, Reason::blackout, {pre_race_no_deep_48h, pre_race_date_only_start});
  }
  if (!d.full_plan() && day < d.race) {
    return found(Level::ok, Reason::clear_of_race, {priority_tune_up});
  }
  if (day < d.race) {
    if (deep && newcomer.on(day) && day >= d.race_week_first) {
      RuleList rules{pre_race_no_first_deep_race_week};
      if (newcomer.long_gap_on(day)) rules.push_back(experience_long_gap);
      return found(Level::avoid, Reason::newcomer_race_week, std::move(rules));
    }
    if (day >= d.window_opens) {
      if (deep) return found(Level::ok, Reason::deep_in_time, {pre_race_deep_by_3d});
      return found(Level::ok, Reason::pre_race_window, {pre_race_window, technique_pre_race});
    }
    return found(Level::ok, Reason::clear_of_race,
                 {deep ? pre_race_deep_by_3d : pre_race_window});
  }
  if (day == d.race) {
    if (light) return found(Level::ok, Reason::race_day_flush, {post_race_light_flush});
    return found(Level::avoid, Reason::race_day_too_soon,
                 {post_race_no_deep_24h, post_race_moderate_from_24h});
  }
  if (day < d.deep_from) {
    if (light) return found(Level::ok, Reason::day_after_moderate, {post_race_moderate_from_24h});
    const LocalTime floor = deep ? d.deep_at : d.moderate_at;
    const Instant floor_instant = deep ? d.deep_instant : d.moderate_instant;
    if (day_end <= floor) {  // the whole day is inside the 24 hours
      return found(Level::avoid, Reason::race_day_too_soon,
                   {deep ? post_race_no_deep_24h : post_race_moderate_from_24h});
    }
    if (!deep) {
      if (day_start < floor) {
        return found_at(Level::caution, Reason::moderate_from_time, {post_race_moderate_from_24h},
                        floor_instant);
      }
      return found(Level::ok, Reason::day_after_moderate, {post_race_moderate_from_24h});
    }
    if (day_start < floor) {
      return found_at(Level::caution, Reason::day_after_deep_early,
                      {post_race_no_deep_24h, post_race_deep_days_2_3}, floor_instant);
    }
    return found(Level::caution, Reason::day_after_deep_early,
                 {post_race_no_deep_24h, post_race_deep_days_2_3});
  }
  if (day <= d.deep_to) {
    if (deep) {
      return found(Level::ok, Reason::post_race_deep_window,
                   {post_race_deep_days_2_3, technique_post_race_deep});
    }
    return found(Level::ok, Reason::day_after_moderate, {post_race_moderate_from_24h});
  }
  return found(Level::ok, Reason::after_race,
               {d.full_plan() ? post_race_deep_days_2_3 : priority_tune_up});
}

std::optional<Finding> assess_workout(Day day, Intensity intensity, Day workout) {
  if (intensity != Intensity::deep) return std::nullopt;
  if (day == workout) {
    return Finding{Level::avoid, Reason::hard_workout_day, workout, {RuleId::training_no_stacking}};
  }
  if (day + date::days{1} == workout) {
    // A workout given by date counts from 00:00, as a date-only race does:
    // any session that day is less than 24 hours before it.
    return Finding{Level::avoid, Reason::before_hard_workout, workout,
                   {RuleId::training_run_after_deep, RuleId::training_no_stacking}};
  }
  return std::nullopt;
}

std::optional<Finding> assess_condition(Day day, Condition condition) {
  if (!info(condition).injury) return std::nullopt;
  Finding f{Level::caution, Reason::condition, day, condition_rules(condition)};
  f.condition = condition;
  return f;
}

}  // namespace advise
