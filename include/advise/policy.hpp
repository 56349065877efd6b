// Every figure the planner uses, in one value. The defaults are the reconciled
// figures of guidance.md; a policy file will override them field by field, so
// no figure is a constant inside the rules' code.
#pragma once

#include <chrono>
#include <date/date.h>

#include "advise/vocabulary.hpp"

namespace advise {

// How often sessions come in one training phase, and what they are.
struct Cadence {
  date::days every_min;
  date::days every_max;
  Intensity intensity;
  std::chrono::minutes length;
};

struct Policy {
  // Before a race.
  std::chrono::hours blackout{48};        // nothing moderate or deep this close to the start
  date::days deep_last_day_before{3};     // last day for deep work, counted back from race day
  date::days window_opens_before{5};      // pre-race session window, most runners
  date::days window_opens_before_regular{7};  // ... and for runners used to massage
  date::days race_week{7};                // no first-ever deep session this close
  date::days long_gap{90};                // a last massage this long ago counts as a long gap

  // After a race (date-only races: counted from race day).
  std::chrono::hours post_no_deep{24};
  std::chrono::hours post_moderate_from{24};
  date::days post_deep_from{2};
  date::days post_deep_to{3};

  // Around training.
  std::chrono::hours run_after_deep{24};
  std::chrono::hours soreness_clears{48};
  date::days ache_lasting{2};

  // Cadence per phase.
  date::days peak_min{7}, peak_max{7};
  date::days build_min{7}, build_max{14};
  date::days base_min{21}, base_max{28};
  date::days maintenance_min{21}, maintenance_max{28};
  date::days off_season_min{21}, off_season_max{28};
  date::days taper_min{7}, taper_max{7};
  date::days recovery_min{7}, recovery_max{14};
  Intensity training_block_intensity{Intensity::deep};      // peak, build
  Intensity maintenance_intensity{Intensity::moderate};     // base, maintenance, off-season
  Intensity pre_race_intensity{Intensity::moderate};        // taper and the pre-race session
  Intensity recovery_intensity{Intensity::moderate};

  // Conditions.
  date::days fracture_heals_min{42};  // a stress fracture heals in about 6 ...
  date::days fracture_heals_max{56};  // ... to 8 weeks
  date::days hamstring_every{7};      // prevention for hamstrings prone to strain

  // Session length.
  std::chrono::minutes length_full{90};
  std::chrono::minutes length_focused{60};
  std::chrono::minutes length_least{30};

  // Choosing the phase from the race calendar.
  date::days taper_within{7};
  date::days peak_within{28};
  date::days build_within{84};

  // The cadence for `phase`, assembled from the fields above.
  Cadence cadence(Phase phase) const;
};

}  // namespace advise
