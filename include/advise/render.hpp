// Renderers: Plan, Verdict and the catalogue into text or JSON. One file per
// format (render_text.cpp, render_json.cpp); each returns the whole output,
// newline-terminated, and never prints.
#pragma once

#include <string>

#include "advise/catalogue.hpp"
#include "advise/check.hpp"
#include "advise/plan.hpp"

namespace advise {

std::string render_text(const Plan& plan);
std::string render_json(const Plan& plan);

struct IcsOptions {
  std::string runner;       // the runner's name: in summaries, and it keys the UIDs
  date::sys_seconds stamp;  // DTSTAMP of every event
};
// RFC 5545: one event per session the plan recommends, plus each blackout
// as an event that says not to book. Timed events carry UTC times.
std::string render_ics(const Plan& plan, const IcsOptions& options);

std::string render_text(const Verdict& verdict, const CheckQuery& query);
std::string render_json(const Verdict& verdict, const CheckQuery& query);

// `advise rules`: one line per rule; JSON: every field of every rule.
std::string render_rules_text();
std::string render_rules_json(const Policy& policy);

// docs/rules.md: every rule with its sources, figures and disagreements.
std::string render_rules_markdown(const Policy& policy);

// `advise conditions`: each name --condition takes, its label and its rule.
std::string render_conditions_text();
std::string render_conditions_json();

// `advise explain ID`.
std::string render_explain_text(const Rule& rule, const Policy& policy);
std::string render_explain_json(const Rule& rule, const Policy& policy);

// The words for a check finding, shared by both formats: "deep work on Fri
// 2026-04-10 falls in the blackout before the race on Sun 2026-04-12".
std::string describe(const Finding& finding, Intensity intensity, Day on);

// "Sun 2026-04-12".
std::string weekday_day(Day day);

}  // namespace advise
