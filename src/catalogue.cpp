#include "advise/catalogue.hpp"

#include <algorithm>
#include <fmt/format.h>

#include "advise/nearest.hpp"

namespace advise {
namespace {

using enum SourceKey;
using P = Policy;

// One row per rule. Summaries paraphrase the sources; figures point into Policy.
constexpr std::array k_rules = std::to_array<Rule>({
    // Before a race.
    {RuleId::pre_race_no_deep_48h, "pre-race.no-deep-48h", Area::pre_race, Basis::source,
     "No moderate or deep work in the hours before the race start: even massage veterans risk "
     "race-day soreness.",
     {smr},
     {{{"blackout", &P::blackout}}}},
    {RuleId::pre_race_date_only_start, "pre-race.date-only-start", Area::pre_race, Basis::policy,
     "A race given without a start time is taken to start at 00:00 local time on race day, so "
     "the blackout covers the two days before it.",
     {}},
    {RuleId::pre_race_deep_by_3d, "pre-race.deep-by-3d", Area::pre_race, Basis::source,
     "Deep or therapeutic work no later than this many days before the race, so the muscles "
     "have recovered from it by the start.",
     {nola, massaggi},
     {{{"last day before race", &P::deep_last_day_before}}}},
    {RuleId::pre_race_window, "pre-race.window", Area::pre_race, Basis::source,
     "The pre-race session is a lighter, loosening one in a window that opens some days before "
     "the race; runners used to massage may start it earlier.",
     {nola, smr, rva},
     {{{"opens before race", &P::window_opens_before},
       {"opens before race, regular", &P::window_opens_before_regular}}},
     "nola gives 3 to 5 days before, rva 2 to 5, smr 7 to 2 for runners familiar with massage; "
     "the program uses 5 days, or 7 for regulars, and never the last 48 hours."},
    {RuleId::pre_race_session_day, "pre-race.session-day", Area::pre_race, Basis::policy,
     "The pre-race session is suggested on the last day deep work is still fine, so it is as "
     "fresh as the rules allow; newcomers book earlier (pre-race.newcomer-early).",
     {nola, massaggi}},
    {RuleId::pre_race_light_in_blackout, "pre-race.light-in-blackout", Area::pre_race,
     Basis::source,
     "Inside the blackout: avoid massage; if anything, very light circulation work only.",
     {nola, smr},
     {},
     "nola allows very light, gentle circulation work a day or two out; smr warns that any "
     "treatment under 48 hours puts every runner at risk of race-day soreness."},
    {RuleId::pre_race_newcomer_early, "pre-race.newcomer-early", Area::pre_race, Basis::source,
     "First-timers, and runners whose last massage was long ago, book the pre-race session at "
     "the early end of the window.",
     {nola, smr, massaggi}},
    {RuleId::pre_race_no_first_deep_race_week, "pre-race.no-first-deep-race-week",
     Area::pre_race, Basis::policy,
     "No first-ever deep session, and none after a long gap, in the week before a race.",
     {smr},
     {{{"race week", &P::race_week}}}},
    {RuleId::pre_race_cumulative, "pre-race.cumulative", Area::pre_race, Basis::source,
     "Massage works cumulatively: one session before a race does not give what a regular "
     "programme through training gives.",
     {smr}},
    {RuleId::experience_long_gap, "experience.long-gap", Area::pre_race, Basis::policy,
     "A last massage this long ago counts as a long gap: the runner is treated like a "
     "first-timer before a race.",
     {},
     {{{"long gap", &P::long_gap}}}},

    // After a race.
    {RuleId::post_race_light_flush, "post-race.light-flush", Area::post_race, Basis::source,
     "A very light flush of the legs is fine from the finish until a few hours after it.",
     {nola, massaggi}},
    {RuleId::post_race_no_deep_24h, "post-race.no-deep-24h", Area::post_race, Basis::source,
     "Nothing hard or deep in the first day after a race, so as not to add to the inflammation "
     "the race caused.",
     {massaggi},
     {{{"no deep work for", &P::post_no_deep}}}},
    {RuleId::post_race_moderate_from_24h, "post-race.moderate-from-24h", Area::post_race,
     Basis::source, "Moderate post-event work is fine from a day after the race.",
     {rva, massaggi},
     {{{"moderate from", &P::post_moderate_from}}}},
    {RuleId::post_race_deep_days_2_3, "post-race.deep-days-2-3", Area::post_race, Basis::source,
     "Deep work for lingering tightness belongs on the second and third day after the race.",
     {nola, rva},
     {{{"from day", &P::post_deep_from}, {"to day", &P::post_deep_to}}},
     "massaggi sets only a 24-hour floor for deeper work; nola advises waiting 2 to 3 days; "
     "rva gives 24 to 72 hours for post-event work."},

    // Around training.
    {RuleId::training_run_after_deep, "training.run-after-deep", Area::training, Basis::source,
     "After a deep massage, wait before the next run.",
     {massaggi},
     {{{"wait", &P::run_after_deep}}}},
    {RuleId::training_no_stacking, "training.no-stacking", Area::training, Basis::source,
     "Recovering from deep work is like recovering from a hard run: do not put a deep session "
     "and a hard workout on top of each other.",
     {massaggi, smr}},
    {RuleId::training_soreness_48h, "training.soreness-48h", Area::training, Basis::source,
     "Some soreness after a session is normal and should clear within two days.",
     {smr},
     {{{"clears within", &P::soreness_clears}}}},

    // How often.
    {RuleId::cadence_peak, "cadence.peak", Area::cadence, Basis::source,
     "Peak training (more mileage, speed work, the last hard weeks): a session every week.",
     {nola, massaggi, qi},
     {{{"every, at least", &P::peak_min}, {"every, at most", &P::peak_max}}}},
    {RuleId::cadence_build, "cadence.build", Area::cadence, Basis::source,
     "A regular training cycle: a session every one to two weeks.",
     {nola, rva},
     {{{"every, at least", &P::build_min}, {"every, at most", &P::build_max}}},
     "nola gives every 1 to 2 weeks for most runners, rva every 1 to 4 weeks; the program uses "
     "nola's range."},
    {RuleId::cadence_base, "cadence.base", Area::cadence, Basis::source,
     "Base training (lighter, steady): a session every three to four weeks.",
     {nola, smr, massaggi, qi},
     {{{"every, at least", &P::base_min}, {"every, at most", &P::base_max}}}},
    {RuleId::cadence_maintenance, "cadence.maintenance", Area::cadence, Basis::source,
     "Maintenance: a session every three to four weeks, about monthly.",
     {nola, smr, massaggi, qi},
     {{{"every, at least", &P::maintenance_min}, {"every, at most", &P::maintenance_max}}}},
    {RuleId::cadence_off_season, "cadence.off-season", Area::cadence, Basis::source,
     "Off-season: a session every three to four weeks, about monthly.",
     {nola, smr, massaggi, qi},
     {{{"every, at least", &P::off_season_min}, {"every, at most", &P::off_season_max}}}},
    {RuleId::cadence_taper, "cadence.taper", Area::cadence, Basis::policy,
     "Taper (race week): the pre-race session is the session; with no race ahead, weekly.",
     {nola},
     {{{"every, at least", &P::taper_min}, {"every, at most", &P::taper_max}}}},
    {RuleId::cadence_recovery, "cadence.recovery", Area::cadence, Basis::policy,
     "Recovery after a race: the post-race sessions come first; without a recent race, every "
     "one to two weeks, as in a regular cycle.",
     {nola},
     {{{"every, at least", &P::recovery_min}, {"every, at most", &P::recovery_max}}}},
    {RuleId::cadence_due_now, "cadence.due-now", Area::cadence, Basis::policy,
     "When the last massage is unknown or the cadence date has already passed, the next session "
     "is due now.",
     {}},
    {RuleId::cadence_symptoms, "cadence.symptoms", Area::cadence, Basis::source,
     "Unusual stiffness, an ache that lasts more than a couple of days, or heavy, sluggish runs "
     "mean booking sooner than the cadence says.",
     {nola},
     {{{"ache lasting", &P::ache_lasting}}}},
    {RuleId::phase_from_calendar, "phase.from-calendar", Area::phase, Basis::policy,
     "Without --phase, the phase comes from the calendar of A races: recovery while a post-race "
     "plan runs, taper in race week, peak in the weeks before, build further out, base "
     "otherwise.",
     {nola},
     {{{"taper within", &P::taper_within},
       {"peak within", &P::peak_within},
       {"build within", &P::build_within}}}},

    // Race priority.
    {RuleId::priority_a_race, "priority.a-race", Area::priority, Basis::policy,
     "An A race, the default, is a goal race: it gets the whole pre-race and post-race plan.",
     {}},
    {RuleId::priority_tune_up, "priority.tune-up", Area::priority, Basis::policy,
     "A B or C race is a tune-up run through training: it keeps the blackout before it and the "
     "24-hour floor after it, but gets no pre-race window or session, no 3-day limit, no "
     "newcomer race week and no post-race deep days; the cadence goes on around it.",
     {smr, massaggi}},

    // How long.
    {RuleId::length_90, "length.90", Area::length, Basis::source,
     "A 90-minute session is often the most effective for runners; used in the lighter "
     "phases.",
     {nola},
     {{{"length", &P::length_full}}}},
    {RuleId::length_60, "length.60", Area::length, Basis::source,
     "An hour, weekly, is a starting point; 60 minutes also suits one problem area or a short "
     "slot, as before a race.",
     {nola, qi},
     {{{"length", &P::length_focused}}},
     "qi suggests longer sessions in intense periods and shorter ones in maintenance; nola finds "
     "90 minutes the most effective; the program books qi's weekly hour in hard blocks and "
     "nola's 90 minutes for the sessions three to four weeks apart."},
    {RuleId::length_30, "length.30", Area::length, Basis::source,
     "Even 30 minutes a month helps; the least worth booking, as for a post-race flush.",
     {smr},
     {{{"length", &P::length_least}}}},

    // What kind of work.
    {RuleId::technique_hard_block, "technique.hard-block", Area::technique, Basis::source,
     "In hard training blocks deep tissue work is the usual choice; Ashiatsu suits large "
     "muscle groups.",
     {smr, massaggi, nola},
     {{{"intensity", &P::training_block_intensity}}}},
    {RuleId::technique_maintenance, "technique.maintenance", Area::technique, Basis::policy,
     "A loosening session works out knots and small imbalances: the usual choice in lighter "
     "phases, and whenever deep work has to wait.",
     {nola},
     {{{"intensity", &P::maintenance_intensity}}}},
    {RuleId::technique_pre_race, "technique.pre-race", Area::technique, Basis::source,
     "In the days before a race: loosening work (moderate), or lighter circulation work such "
     "as Swedish massage; nothing corrective.",
     {nola, rva, massaggi},
     {{{"intensity", &P::pre_race_intensity}}}},
    {RuleId::technique_post_race_flush, "technique.post-race-flush", Area::technique,
     Basis::source, "Right after a race: a very light flush.",
     {nola, massaggi}},
    {RuleId::technique_post_race_deep, "technique.post-race-deep", Area::technique,
     Basis::source, "Two to three days after a race: deep tissue work on lingering tightness.",
     {nola}},

    // Conditions: cautions for what the runner reports, never a diagnosis.
    {RuleId::condition_not_diagnosis, "condition.not-diagnosis", Area::condition, Basis::policy,
     "A condition is what the runner reports: the program adds the sources' cautions for it and "
     "never diagnoses, nor replaces a physician or a therapist's judgement.",
     {massaggi}},
    {RuleId::condition_physician_first, "condition.physician-first", Area::condition,
     Basis::source,
     "With an injury or a persistent problem, see a physician first, then a qualified massage "
     "therapist on the doctor's advice.",
     {massaggi}},
    {RuleId::condition_it_band_acute, "condition.it-band-acute", Area::condition, Basis::source,
     "During an acute IT band attack, no massage on the IT band itself; work the hips, glutes "
     "and TFL, hamstrings and quads instead, which frees the band.",
     {massaggi, nola}},
    {RuleId::condition_stress_fracture, "condition.stress-fracture", Area::condition,
     Basis::source,
     "A suspected stress fracture needs a doctor and an X-ray; while it heals the fracture site "
     "is never massaged, only the areas around it.",
     {massaggi},
     {{{"healing takes at least", &P::fracture_heals_min},
       {"healing takes at most", &P::fracture_heals_max}}}},
    {RuleId::condition_ankle_sprain_acute, "condition.ankle-sprain-acute", Area::condition,
     Basis::source,
     "No cross-friction or other deep work on a sprained ankle in its acute phase; let it "
     "rest.",
     {massaggi}},
    {RuleId::condition_ankle_sprain_after, "condition.ankle-sprain-after", Area::condition,
     Basis::source,
     "Once the acute phase of an ankle sprain is over, cross-friction on the injured ligaments "
     "helps them heal with less scar tissue.",
     {massaggi}},
    {RuleId::condition_shin_splints, "condition.shin-splints", Area::condition, Basis::source,
     "Shin splints: work on the lower leg and tight calves, deep tissue or a lighter relaxation "
     "massage.",
     {massaggi, nola}},
    {RuleId::condition_achilles_tendinitis, "condition.achilles-tendinitis", Area::condition,
     Basis::source, "Achilles tendinitis: pressure massage on the calf and tendon.",
     {massaggi}},
    {RuleId::condition_runners_knee, "condition.runners-knee", Area::condition, Basis::source,
     "Runner's knee: active release, trigger point and deep tissue work on the muscles around "
     "the knee.",
     {massaggi}},
    {RuleId::condition_hamstring_risk, "condition.hamstring-risk", Area::condition,
     Basis::source,
     "Hamstrings prone to strain: a weekly session as prevention, whatever the phase; an hour "
     "long, as weekly sessions are (length.60).",
     {massaggi},
     {{{"a session at least every", &P::hamstring_every}}}},
    {RuleId::condition_plantar_fasciitis, "condition.plantar-fasciitis", Area::condition,
     Basis::source,
     "Plantar fasciitis: loosen the feet and calves; ask the therapist before treating it "
     "yourself.",
     {qi, massaggi},
     {},
     "qi suggests using a massage gun on the feet and calves at home; massaggi advises against "
     "self-massage and for a physician, then a therapist."},

    // Preparation and after-care (--prepare).
    {RuleId::care_hydrate, "care.hydrate", Area::care, Basis::source,
     "Drink well before the session: dehydrated muscles make the work more tender.",
     {nola, smr}},
    {RuleId::care_light_meal, "care.light-meal", Area::care, Basis::source,
     "Keep the meal before the session light.",
     {smr}},
    {RuleId::care_loose_clothes, "care.loose-clothes", Area::care, Basis::source,
     "Wear comfortable, loose clothes.",
     {nola}},
    {RuleId::care_discomfort_not_pain, "care.discomfort-not-pain", Area::care, Basis::source,
     "Deep pressure may feel uncomfortable, which is fine; sharp pain is not: tell the "
     "therapist at once.",
     {nola, smr}},
    {RuleId::care_epsom_bath, "care.epsom-bath", Area::care, Basis::source,
     "An Epsom salt bath later that day may ease soreness.",
     {smr}},

    // What the program does not claim.
    {RuleId::claims_timing_only, "claims.timing-only", Area::claims, Basis::policy,
     "The program gives timing and intensity only; it makes no claim about what massage does to "
     "muscle chemistry.",
     {nola, qi, rva},
     {},
     "nola and qi make a claim about what massage removes from tired muscles; rva calls that "
     "claim a myth. The program repeats neither side."},
});

static_assert(k_rules.size() == k_rule_count,
              "every RuleId has a catalogue row");

static_assert(indexed_by_enum(k_rules, &Rule::rule), "catalogue rows follow the RuleId order");

}  // namespace

std::span<const Figure> Rule::figures() const {
  std::size_t n = 0;
  while (n < figure_slots.size() && !figure_slots[n].name.empty()) ++n;
  return {figure_slots.data(), n};
}

std::span<const Rule> catalogue() { return k_rules; }
const Rule& rule(RuleId id) { return k_rules[static_cast<std::size_t>(id)]; }
std::string_view format_as(RuleId id) { return rule(id).id; }

std::string_view format_as(Basis basis) {
  return basis == Basis::source ? "source" : "policy";
}

std::string_view format_as(Area area) {
  switch (area) {
    case Area::pre_race: return "pre-race";
    case Area::post_race: return "post-race";
    case Area::training: return "training";
    case Area::cadence: return "cadence";
    case Area::phase: return "phase";
    case Area::priority: return "priority";
    case Area::length: return "length";
    case Area::technique: return "technique";
    case Area::condition: return "condition";
    case Area::care: return "care";
    case Area::claims: return "claims";
  }
  return "?";
}

const Rule* find_rule(std::string_view id) {
  const auto it = std::find_if(k_rules.begin(), k_rules.end(),
                               [&](const Rule& r) { return r.id == id; });
  return it == k_rules.end() ? nullptr : &*it;
}

std::vector<std::string_view> nearest_rule_ids(std::string_view id, std::size_t limit) {
  std::vector<std::string_view> ids;
  for (const auto& r : k_rules) ids.push_back(r.id);
  return nearest(id, ids, limit);
}

std::string format_figure(const Figure& figure, const Policy& policy) {
  return std::visit(
      [&](auto member) -> std::string {
        const auto& value = policy.*member;
        using T = std::decay_t<decltype(value)>;
        if constexpr (std::is_same_v<T, std::chrono::hours>) {
          return fmt::format("{} hours", value.count());
        } else if constexpr (std::is_same_v<T, date::days>) {
          return fmt::format("{} days", value.count());
        } else if constexpr (std::is_same_v<T, std::chrono::minutes>) {
          return fmt::format("{} minutes", value.count());
        } else {
          return std::string(format_as(value));
        }
      },
      figure.field);
}

}  // namespace advise
