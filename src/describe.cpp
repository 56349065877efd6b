#include <cctype>
#include <fmt/format.h>

#include "advise/race_spec.hpp"
#include "advise/render.hpp"

#include "advise/condition.hpp"
#include "advice_words.hpp"

namespace advise {

namespace {

bool starts_with_nocase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(text[i])) !=
        std::tolower(static_cast<unsigned char>(prefix[i]))) {
      return false;
    }
  }
  return true;
}

// A condition's summary clause (words::says_clause) after its label: without
// the label again ("Runner's knee: ..."), and a small first letter unless it
// starts a name ("Achilles").
std::string mid_sentence(std::string_view summary, std::string_view label) {
  if (starts_with_nocase(summary, label) && summary.substr(label.size()).starts_with(": ")) {
    summary.remove_prefix(label.size() + 2);
  }
  std::string out(summary);
  if (!out.empty() && !summary.starts_with("Achilles") && out[0] >= 'A' && out[0] <= 'Z') {
    out[0] = static_cast<char>(out[0] - 'A' + 'a');
  }
  return out;
}

}  // namespace

std::string weekday_day(Day day) { return fmt::format("{} {}", weekday_abbrev(day), format_day(day)); }

std::string describe(const Finding& f, Intensity intensity, Day on) {
  const auto race = weekday_day(f.race);
  const auto day = weekday_day(on);
  switch (f.reason) {
    case Reason::clear_of_race:
      if (f.rules.front() == RuleId::priority_tune_up) {
        return fmt::format("{} work on {} is clear of the tune-up on {}: only its blackout and "
                           "the day after it limit sessions",
                           intensity, day, race);
      }
      return fmt::format("{} work on {} is clear of the race on {}: it comes before the pre-race "
                         "window",
                         intensity, day, race);
    case Reason::pre_race_window:
      return fmt::format("{} work on {} is in the pre-race window of the race on {}", intensity,
                         day, race);
    case Reason::deep_in_time:
      return fmt::format("deep work on {} is on or before the last day for it before the race "
                         "on {}",
                         day, race);
    case Reason::blackout:
      return fmt::format("{} work on {} falls in the pre-race blackout before the race on {}",
                         intensity, day, race);
    case Reason::light_in_blackout:
      return fmt::format("light work on {} falls in the blackout before the race on {}: the "
                         "sources disagree; if anything, very light only",
                         day, race);
    case Reason::newcomer_race_week:
      return fmt::format("no first deep session, nor one after a long gap, in the week before "
                         "the race on {}",
                         race);
    case Reason::race_day_flush:
      return fmt::format("light work on {}, race day, is fine within a few hours of the finish",
                         day);
    case Reason::race_day_too_soon:
      return fmt::format("{} work on {} is too soon after the race on {}", intensity, day, race);
    case Reason::day_after_moderate:
      return fmt::format("{} work on {} is fine a day or more after the race on {}", intensity,
                         day, race);
    case Reason::day_after_deep_early:
      if (f.at) {
        return fmt::format("deep work on {}, after the race on {}, meets the 24-hour floor only "
                           "from {}, and the sources prefer days 2 to 3",
                           day, race, format_clock(*f.at, f.zone));
      }
      return fmt::format("deep work on {}, the day after the race on {}, meets the 24-hour floor "
                         "but the sources prefer days 2 to 3",
                         day, race);
    case Reason::before_blackout_only:
      return fmt::format("{} work on {} only if it ends before {}, when the blackout before the "
                         "race on {} starts",
                         intensity, day, format_clock(*f.at, f.zone), race);
    case Reason::deep_too_late:
      return fmt::format("deep work on {} comes after the last day for it before the race on {}",
                         day, race);
    case Reason::moderate_from_time:
      return fmt::format("moderate work on {} only from {}, 24 hours after the start of the race "
                         "on {}",
                         day, format_clock(*f.at, f.zone), race);
    case Reason::post_race_deep_window:
      return fmt::format("deep work on {} is in days 2 to 3 after the race on {}", day, race);
    case Reason::after_race:
      return fmt::format("{} work on {} comes after the post-race plan of the race on {}",
                         intensity, day, race);
    case Reason::hard_workout_day:
      return fmt::format("deep work on {} is on the day of the hard workout: do not stack them",
                         day);
    case Reason::before_hard_workout:
      return fmt::format("deep work on {} is less than 24 hours before the hard workout on {}, "
                         "counted from 00:00 that day: no run for a day after deep work",
                         day, race);
    case Reason::clear_of_workouts:
      if (intensity != Intensity::deep) {
        return fmt::format("{} work on {}: hard workouts limit deep work only", intensity, day);
      }
      return fmt::format("deep work on {} is neither on a hard workout day nor the day before one",
                         day);
    case Reason::condition: {
      const auto& c = info(*f.condition);
      const auto says = mid_sentence(words::says_clause(c.rule), c.label);
      if (c.rule == RuleId::condition_physician_first) {
        return fmt::format("reported condition, {}: {}", c.label, says);
      }
      return fmt::format("reported condition, {}: {}; see a physician before booking", c.label,
                         says);
    }
  }
  return "";
}

}  // namespace advise
