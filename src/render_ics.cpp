// iCalendar (RFC 5545) for people who live in a calendar. Correct where many
// exporters are not: CRLF line ends, lines folded at 75 octets without
// splitting a UTF-8 character, TEXT escaped, all-day DTEND exclusive, UTC
// times for timed events, UIDs that stay put for the same runner, race and
// session so that importing again updates instead of duplicating.
#include <algorithm>
#include <cstdint>
#include <fmt/format.h>

#include "advice_words.hpp"
#include "advise/condition.hpp"
#include "advise/race_spec.hpp"
#include "advise/render.hpp"

namespace advise {
namespace {

using namespace words;

constexpr std::size_t k_line_octets = 75;

// A content line, folded and ended with CRLF.
void line(std::string& out, std::string_view text) {
  std::size_t limit = k_line_octets;
  while (text.size() > limit) {
    std::size_t cut = limit;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    out.append(text.substr(0, cut));
    out += "\r\n ";
    text.remove_prefix(cut);
    limit = k_line_octets - 1;  // the leading space counts
  }
  out.append(text);
  out += "\r\n";
}

// TEXT value escaping; other control characters are dropped, so nothing in a
// runner's name can start a property of its own.
std::string escape(std::string_view text) {
  std::string out;
  for (const char c : text) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case ';': out += "\\;"; break;
      case ',': out += "\\,"; break;
      case '\n': out += "\\n"; break;
      default:
        if ((static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == 0x7f) break;
        out += c;
    }
  }
  return out;
}

std::string ics_date(Day day) {
  const date::year_month_day ymd{day};
  return fmt::format("{:04}{:02}{:02}", static_cast<int>(ymd.year()),
                     static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
}

std::string ics_utc(date::sys_seconds t) {
  const auto day = date::floor<date::days>(t);
  const date::hh_mm_ss<std::chrono::seconds> hms{t - day};
  return fmt::format("{}T{:02}{:02}{:02}Z", ics_date(Day{day.time_since_epoch()}),
                     hms.hours().count(), hms.minutes().count(), hms.seconds().count());
}

// FNV-1a: a stable key for the runner in UIDs, ASCII whatever the name.
std::string runner_key(std::string_view runner) {
  std::uint64_t h = 14695981039346656037ULL;
  for (const char c : runner) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ULL;
  }
  return fmt::format("{:016x}", h);
}

// The race in a UID: its date, and its start time and priority when given,
// so that two races on one day never share an event id.
std::string race_key(const Race& race) {
  std::string out = format_day(race.day);
  if (race.time) out += fmt::format("T{:02}{:02}", race.time->count() / 60, race.time->count() % 60);
  if (race.priority != Priority::a) out += fmt::format("-{}", race.priority);
  return out;
}

struct Event {
  std::string_view kind;  // uid_kind() of a race's item; "" for others
  std::string uid;
  std::string summary;
  std::string description;
  bool busy = true;
  // All-day [first, last]; or timed [start, end) when `timed`.
  Day first{}, last{};
  bool timed = false;
  date::sys_seconds start{}, end{};
};

void write_event(std::string& out, const Event& e, const IcsOptions& o) {
  line(out, "BEGIN:VEVENT");
  line(out, "UID:" + e.uid);
  line(out, "DTSTAMP:" + ics_utc(o.stamp));
  if (e.timed) {
    line(out, "DTSTART:" + ics_utc(e.start));
    line(out, "DTEND:" + ics_utc(e.end));
  } else {
    line(out, "DTSTART;VALUE=DATE:" + ics_date(e.first));
    line(out, "DTEND;VALUE=DATE:" + ics_date(e.last + date::days{1}));
  }
  line(out, "SUMMARY:" + escape(e.summary));
  line(out, "DESCRIPTION:" + escape(e.description));
  line(out, std::string("TRANSP:") + (e.busy ? "OPAQUE" : "TRANSPARENT"));
  line(out, "END:VEVENT");
}

std::string rules_sentence(const RuleList& rules) {
  return fmt::format("Rules: {} (advise explain ID shows each).", fmt::join(rules, ", "));
}

// The kind of work and its length, as a sentence: " Deep tissue work...; 60
// min: ...", or "" for an item that is not a session.
std::string work_sentence(const Advice& a) {
  auto w = work(a);
  if (w.empty()) return w;
  w[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(w[0])));
  return fmt::format(" {}.", w);
}

// What a session event says after its rules: the physician first for a
// reported injury, and preparation and after-care when asked for.
std::string session_tail(const Plan& p) {
  std::string out;
  if (any_injury(p.conditions)) {
    auto first = physician_first(p.conditions);
    first[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(first[0])));
    out += fmt::format(" {} ({}).", first, RuleId::condition_physician_first);
  }
  auto cite = [&](RuleId id) { out += fmt::format(" {} ({}).", says_clause(id), id); };
  p.conditions.for_each([&](Condition c) {
    if (info(c).rule != RuleId::condition_physician_first) cite(info(c).rule);  // said above
  });
  for (const auto id : p.care) cite(id);
  return out;
}

// "Anna: pre-race massage" or "Pre-race massage".
std::string summary(const IcsOptions& o, std::string_view what) {
  if (o.runner.empty()) {
    std::string s(what);
    if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
    return s;
  }
  return fmt::format("{}: {}", o.runner, what);
}

// What the event is called, and what its description starts with.
struct Words {
  std::string_view summary;
  std::string_view description;
};

Words event_words(Item item) {
  switch (item) {
    case Item::pre_race_session:
      return {"pre-race massage", "Pre-race session"};
    case Item::light_flush:
      return {"light flush after the race", "A very light flush within a few hours of the finish"};
    case Item::moderate_from:
      return {"moderate massage after the race", "Moderate work is fine again from here"};
    case Item::deep_window:
      return {"deep massage after the race", "Deep work on lingering tightness, days 2 to 3"};
    default: return {"", ""};
  }
}

std::string_view uid_kind(Item item) {
  switch (item) {
    case Item::pre_race_session: return "pre-race-session";
    case Item::blackout: return "blackout";
    case Item::light_flush: return "light-flush";
    case Item::moderate_from: return "moderate-after";
    case Item::deep_window: return "deep-after";
    default: return "";
  }
}

// The events of one race's plan; only sessions to book and the blackout.
void race_events(std::vector<Event>& events, const RacePlan& rp, const Plan& p,
                 const IcsOptions& o, const std::string& key) {
  const Advice* light_in_blackout = nullptr;
  for (const auto& a : rp.advice) {
    if (a.item == Item::light_in_blackout) light_in_blackout = &a;
  }
  for (const auto& a : rp.advice) {
    const auto kind = uid_kind(a.item);
    if (kind.empty() || a.cancelled || a.passed) continue;
    Event e;
    e.kind = kind;
    e.uid = fmt::format("{}-{}-{}@advise", kind, race_key(rp.race), key);
    e.first = a.from;
    e.last = a.to;
    const auto race = fmt::format("the race on {}", weekday_day(rp.race.day));
    const auto w = event_words(a.item);
    if (a.item == Item::blackout) {
      e.summary = summary(o, "no massage: race blackout");
      e.busy = false;
      e.description = fmt::format(
          "Blackout before {}: no moderate or deep work. Light work: avoid; if anything, very "
          "light only (nola and smr disagree). {}",
          race, rules_sentence(light_in_blackout ? RuleList{a.rules.front(),
                                                               light_in_blackout->rules.front()}
                                                 : a.rules));
      if (p.zone != nullptr) {
        e.timed = true;
        e.start = *a.at;
        e.end = rp.start;
      } else {
        e.last = a.to;  // the days before the race; it starts at 00:00 on race day
      }
    } else {
      e.description = fmt::format("{} ({}){}{}.{} {}{}", w.description, race, session(a),
                                  notes(a), work_sentence(a), rules_sentence(a.rules),
                                  session_tail(p));
      e.summary = summary(o, fmt::format("{}{}", w.summary, session(a)));
      if (a.at && a.length && p.zone != nullptr) {
        e.timed = true;
        e.start = *a.at;
        e.end = e.start + *a.length;
      }
    }
    // Races close together share a session: one booking, not two.
    const auto same = std::find_if(events.begin(), events.end(), [&](const Event& x) {
      return x.busy && e.busy && x.kind == e.kind && x.first == e.first && x.last == e.last &&
             x.timed == e.timed && (!e.timed || x.start == e.start);
    });
    if (same != events.end()) {
      same->description += fmt::format(" The same session serves {} too.", race);
      continue;
    }
    events.push_back(std::move(e));
  }
}

}  // namespace

std::string render_ics(const Plan& p, const IcsOptions& o) {
  const std::string key = runner_key(o.runner);
  std::vector<Event> events;
  for (const auto& rp : p.races) {
    if (rp.status != RaceStatus::past) race_events(events, rp, p, o, key);
  }
  // The next session gets its own event unless it is one of a race's, which
  // has its event already.
  if (p.next && !p.next->race) {
    Event e;
    e.uid = fmt::format("next-session-{}@advise", key);
    e.first = e.last = p.next->advice.from;
    e.summary = summary(o, fmt::format("next massage{}", session(p.next->advice)));
    e.description = fmt::format("Next session by the cadence of the {} phase{}{}.{} {}{}",
                                p.phase, next_why(*p.next, p), notes(p.next->advice),
                                work_sentence(p.next->advice),
                                rules_sentence(p.next->advice.rules), session_tail(p));
    events.push_back(std::move(e));
  }

  std::string out;
  line(out, "BEGIN:VCALENDAR");
  line(out, "VERSION:2.0");
  line(out, "PRODID:-//advise//advise 0.1.0//EN");
  line(out, "CALSCALE:GREGORIAN");
  line(out, "METHOD:PUBLISH");
  line(out, "X-WR-CALNAME:" + escape(o.runner.empty() ? "advise" : "advise: " + o.runner));
  for (const auto& e : events) write_event(out, e, o);
  line(out, "END:VCALENDAR");
  return out;
}

}  // namespace advise
