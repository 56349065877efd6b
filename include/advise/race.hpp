// A race and the days its rules mark out around it.
#pragma once

#include "advise/calendar.hpp"
#include "advise/policy.hpp"

namespace advise {

// A race on a calendar day. Without a start time it starts at 00:00 local
// time (pre-race.date-only-start). Start times, zones and priorities come later.
struct Race {
  Day day;
  friend bool operator==(const Race&, const Race&) = default;
  friend auto operator<=>(const Race&, const Race&) = default;
};

// Whether the runner counts as new to massage before a race: a first-timer,
// or a last massage longer ago than the policy's long gap.
struct Newcomer {
  bool first_time = false;
  bool long_gap = false;
  bool any() const { return first_time || long_gap; }
};

// The days derived from one race under a policy. Every bound is inclusive.
struct RaceDays {
  Day race;
  Day window_opens;    // earliest day of the pre-race session window
  Day deep_until;      // last day deep work is fine
  Day blackout_first;  // first day the pre-race blackout touches
  Day race_week_first; // first day of the week in which newcomers avoid deep work
  Day moderate_from;   // first day after the race for moderate work
  Day deep_floor;      // first day after the race deep work is not refused outright
  Day deep_from;       // recommended deep days after the race
  Day deep_to;
};

RaceDays race_days(const Race& race, bool regular, const Policy& policy);

}  // namespace advise
