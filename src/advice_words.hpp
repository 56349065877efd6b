// The words for one line of advice, shared by the renderers that write
// sentences (text, iCalendar) so that they never say different things.
// Internal to the library.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "advise/condition.hpp"
#include "advise/plan.hpp"

namespace advise::words {

// "[pre-race.window, length.60]".
std::string ids(const RuleList& rules);

// "Thu 2026-04-09, in 8 days".
std::string when(Day day, Day today);

// ": moderate, 60 min", or "" for an item that is not a session.
std::string session(const Advice& a);

// "pre-race session".
std::string_view label(Item item);

// What the item says, without its label, notes or rule ids.
std::string body(const Advice& a, const Plan& p);

// What kind of work a session is, as a name for JSON ("deep-tissue",
// "loosening", "light-loosening", "light-flush"), or "" for an item that is
// not a session.
std::string_view technique_name(const Advice& a);

// The kind of work and why this long: "deep tissue work; Ashiatsu suits the
// large muscle groups; 60 min: ...", or "" for an item that is not a session.
std::string work(const Advice& a);

// "with the injury you report, see a physician first and book on their
// advice" (injuries, when several).
std::string physician_first(ConditionSet conditions);

// A catalogue summary as a line of its own: as written.
std::string_view says(RuleId id);
// ... and as a clause inside a longer text: without its final full stop.
std::string_view says_clause(RuleId id);

// " (moved for the race on ...)", " (passed)": what changed it, or "".
std::string notes(const Advice& a);

// " (the pre-race session for the race on ...; due ...)": why the next
// session is on its day, or "".
std::string next_why(const NextSession& n, const Plan& p);

}  // namespace advise::words
