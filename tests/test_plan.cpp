#include "advise/plan.hpp"
#include "advise/check.hpp"
#include "advise/render.hpp"

#include <doctest/doctest.h>
#include <date/tz.h>
#include <cctype>
#include <random>
#include <string_view>

#include "advise/race_spec.hpp"

using namespace advise;
using namespace date::literals;
using enum RuleId;

namespace {

constexpr Day k_sun{2026_y / 4 / 12};
constexpr Day k_tue{2026_y / 4 / 14};

Query query(std::vector<Day> races, Day today) {
  Query q;
  for (const auto d : races) q.races.push_back(Race{d});
  q.today = today;
  return q;
}

const Advice& item(const RacePlan& rp, Item which) {
  for (const auto& a : rp.advice) {
    if (a.item == which) return a;
  }
  FAIL("no such item in the race plan");
  throw;  // unreachable
}

}  // namespace

TEST_CASE("advise::plan: one race ahead") {
  auto q = query({k_sun}, Day{2026_y / 4 / 1});
  q.athlete.phase = Phase::peak;
  q.athlete.last_massage = Day{2026_y / 3 / 30};
  const Plan p = plan(q, Policy{});
  CHECK(p.phase == Phase::peak);
  CHECK(p.phase_from == PhaseFrom::option);
  CHECK(p.experience == Experience::occasional);
  CHECK_FALSE(p.experience_given);
  REQUIRE(p.races.size() == 1);
  const auto& rp = p.races[0];
  CHECK(rp.status == RaceStatus::ahead);

  SUBCASE("pre-race.window opens five days before, and deep work stops three days before") {
    const auto& w = item(rp, Item::pre_race_window);
    CHECK(w.from == Day{2026_y / 4 / 7});
    CHECK(w.to == Day{2026_y / 4 / 9});
    const auto& deep = item(rp, Item::deep_until);
    CHECK(deep.from == Day{2026_y / 4 / 9});
    CHECK(deep.rules == RuleList{pre_race_deep_by_3d});
  }
  SUBCASE("pre-race.session-day: on the last day for deep work, light and loosening") {
    const auto& s = item(rp, Item::pre_race_session);
    CHECK(s.from == Day{2026_y / 4 / 9});
    CHECK(s.intensity == Intensity::moderate);
    CHECK(s.length == std::chrono::minutes{60});
    CHECK(s.rules ==
          RuleList{pre_race_window, pre_race_session_day, technique_pre_race, length_60});
    CHECK_FALSE(s.conflict_race);
  }
  SUBCASE("pre-race.no-deep-48h: the blackout is Fri and Sat") {
    const auto& b = item(rp, Item::blackout);
    CHECK(b.from == Day{2026_y / 4 / 10});
    CHECK(b.to == Day{2026_y / 4 / 11});
    CHECK(b.rules == RuleList{pre_race_no_deep_48h, pre_race_date_only_start});
    CHECK(item(rp, Item::light_in_blackout).rules == RuleList{pre_race_light_in_blackout});
  }
  SUBCASE("after the race: flush, moderate from 24 h, deep on days 2 to 3") {
    const auto& flush = item(rp, Item::light_flush);
    CHECK(flush.from == k_sun);
    CHECK(flush.intensity == Intensity::light);
    CHECK(flush.length == std::chrono::minutes{30});
    CHECK(flush.rules == RuleList{post_race_light_flush, technique_post_race_flush, length_30});
    const auto& moderate = item(rp, Item::moderate_from);
    CHECK(moderate.from == Day{2026_y / 4 / 13});
    CHECK(moderate.rules ==
          RuleList{post_race_moderate_from_24h, post_race_no_deep_24h, length_60});
    const auto& deep = item(rp, Item::deep_window);
    CHECK(deep.from == Day{2026_y / 4 / 14});
    CHECK(deep.to == Day{2026_y / 4 / 15});
    CHECK(deep.rules == RuleList{post_race_deep_days_2_3, technique_post_race_deep, length_60});
  }
  SUBCASE("cadence.peak: a week after the last massage, deep") {
    REQUIRE(p.next);
    CHECK(p.next->advice.from == Day{2026_y / 4 / 6});
    CHECK(p.next->due == Day{2026_y / 4 / 6});
    CHECK_FALSE(p.next->latest);
    CHECK(p.next->advice.intensity == Intensity::deep);
    CHECK(p.next->advice.rules == RuleList{cadence_peak, technique_hard_block, length_60});
    CHECK_FALSE(p.next->moved_for);
  }
}

TEST_CASE("advise::plan: newcomers (pre-race.newcomer-early)") {
  auto q = query({k_sun}, Day{2026_y / 4 / 1});
  q.athlete.phase = Phase::peak;
  q.athlete.last_massage = Day{2026_y / 3 / 30};
  SUBCASE("a first-timer books at the window's early end and no deep work in race week") {
    q.athlete.experience = Experience::first_time;
    const Plan p = plan(q, Policy{});
    const auto& s = item(p.races[0], Item::pre_race_session);
    CHECK(s.from == Day{2026_y / 4 / 7});
    CHECK(s.rules ==
          RuleList{pre_race_window, pre_race_newcomer_early, technique_pre_race, length_60});
    const auto& deep = item(p.races[0], Item::deep_until);
    CHECK(deep.from == Day{2026_y / 4 / 4});
    CHECK(deep.rules == RuleList{pre_race_no_first_deep_race_week});
    // The weekly deep session due Mon 04-06 falls in race week: moved to Sat 04-04.
    REQUIRE(p.next);
    CHECK(p.next->due == Day{2026_y / 4 / 6});
    CHECK(p.next->advice.from == Day{2026_y / 4 / 4});
    CHECK(p.next->moved_for == k_sun);
    CHECK(p.next->advice.rules == RuleList{cadence_peak, technique_hard_block, length_60,
                                              pre_race_no_first_deep_race_week});
  }
  SUBCASE("experience.long-gap: a last massage over 90 days ago") {
    q.athlete.last_massage = Day{2025_y / 12 / 1};
    const Plan p = plan(q, Policy{});
    CHECK(p.newcomer.long_gap_on(p.today));
    CHECK(item(p.races[0], Item::pre_race_session).rules ==
          RuleList{pre_race_window, pre_race_newcomer_early, experience_long_gap,
                      technique_pre_race, length_60});
    REQUIRE(p.next);
    CHECK(p.next->due_now);
    CHECK(p.next->advice.from == Day{2026_y / 4 / 1});
    CHECK(p.next->advice.rules ==
          RuleList{cadence_peak, cadence_due_now, technique_hard_block, length_60});
  }
  SUBCASE("regulars may open the window seven days out") {
    q.athlete.experience = Experience::regular;
    const Plan p = plan(q, Policy{});
    CHECK(item(p.races[0], Item::pre_race_window).from == Day{2026_y / 4 / 5});
    CHECK(item(p.races[0], Item::pre_race_session).from == Day{2026_y / 4 / 9});
  }
}

TEST_CASE("advise::plan: two races two days apart") {
  auto q = query({k_tue, k_sun, k_sun}, Day{2026_y / 4 / 1});
  q.athlete.phase = Phase::peak;
  q.athlete.last_massage = Day{2026_y / 3 / 30};
  const Plan p = plan(q, Policy{});
  REQUIRE(p.races.size() == 2);
  const auto& first = p.races[0];
  const auto& second = p.races[1];
  CHECK(first.race.day == k_sun);
  SUBCASE("Tuesday's blackout cuts into Sunday's recovery") {
    const auto& flush = item(first, Item::light_flush);
    CHECK(flush.from == k_sun);
    CHECK(flush.conflict_race == k_tue);
    CHECK_FALSE(flush.cancelled);
    const auto& moderate = item(first, Item::moderate_from);
    CHECK(moderate.from == Day{2026_y / 4 / 15});
    CHECK(moderate.conflict_race == k_tue);
    const auto& deep = item(first, Item::deep_window);
    CHECK(deep.cancelled);
    CHECK(deep.conflict_race == k_tue);
  }
  SUBCASE("Sunday's blackout pushes Tuesday's pre-race work back to Thursday") {
    const auto& s = item(second, Item::pre_race_session);
    CHECK(s.from == Day{2026_y / 4 / 9});
    CHECK(s.conflict_race == k_sun);
    const auto& deep = item(second, Item::deep_until);
    CHECK(deep.from == Day{2026_y / 4 / 9});
    CHECK(deep.conflict_race == k_sun);
    CHECK(item(second, Item::blackout).from == Day{2026_y / 4 / 12});
    CHECK(item(second, Item::deep_window).from == Day{2026_y / 4 / 16});
    CHECK(item(second, Item::deep_window).to == Day{2026_y / 4 / 17});
  }
}

TEST_CASE("advise::plan: two starts on one day (post-race.moderate-from-24h)") {
  // Moderate work waits for 24 hours after both starts. The 09:00 race's
  // moderate work was set for Mon 09:00, inside the 15:00 race's 24 hours,
  // until 2026-12-05: the two share a day, by which races were told apart.
  auto q = query({}, Day{2026_y / 3 / 31});
  q.races = {Race{k_sun, std::chrono::minutes{9 * 60}}, Race{k_sun, std::chrono::minutes{15 * 60}}};
  q.zone = date::locate_zone("UTC");
  const Plan p = plan(q, Policy{});
  REQUIRE(p.races.size() == 2);
  const auto& morning = item(p.races[0], Item::moderate_from);
  CHECK(morning.from == Day{2026_y / 4 / 14});
  CHECK(morning.conflict_race == k_sun);
  const auto& afternoon = item(p.races[1], Item::moderate_from);
  CHECK(afternoon.from == Day{2026_y / 4 / 13});
  CHECK(afternoon.at == Instant{date::sys_days{2026_y / 4 / 13} + std::chrono::hours{15}});
  CHECK_FALSE(afternoon.conflict_race);
}

TEST_CASE("advise::plan: race today, recent, past") {
  SUBCASE("race today: recovery, and the flush is the next session") {
    const Plan p = plan(query({k_sun}, k_sun), Policy{});
    CHECK(p.phase == Phase::recovery);
    CHECK(p.phase_from == PhaseFrom::race_calendar);
    CHECK(p.races[0].status == RaceStatus::today);
    CHECK(p.races[0].advice.size() == 3);  // no pre-race items
    REQUIRE(p.next);
    CHECK(p.next->advice.from == k_sun);
    CHECK(p.next->advice.intensity == Intensity::light);
    CHECK(p.next->race);
    CHECK(p.next->advice.rules == RuleList{cadence_recovery, post_race_light_flush,
                                              technique_post_race_flush, length_30});
  }
  SUBCASE("two days after: deep work today") {
    const Plan p = plan(query({k_sun}, k_tue), Policy{});
    CHECK(p.races[0].status == RaceStatus::recent);
    CHECK(item(p.races[0], Item::light_flush).passed);
    CHECK(item(p.races[0], Item::moderate_from).passed);
    CHECK_FALSE(item(p.races[0], Item::deep_window).passed);
    REQUIRE(p.next);
    CHECK(p.next->advice.from == k_tue);
    CHECK(p.next->advice.intensity == Intensity::deep);
  }
  SUBCASE("four days after: the plan is over") {
    const Plan p = plan(query({k_sun}, Day{2026_y / 4 / 16}), Policy{});
    CHECK(p.races[0].status == RaceStatus::past);
    CHECK(p.races[0].advice.empty());
    CHECK(p.phase == Phase::base);
    CHECK(p.phase_from == PhaseFrom::no_race);
  }
}

TEST_CASE("advise::plan: the next session") {
  SUBCASE("cadence.maintenance, overdue: due now") {
    auto q = query({}, Day{2026_y / 3 / 24});
    q.athlete.phase = Phase::maintenance;
    q.athlete.last_massage = Day{2026_y / 3 / 1};
    const Plan p = plan(q, Policy{});
    REQUIRE(p.next);
    CHECK(p.next->due == Day{2026_y / 3 / 22});
    CHECK(p.next->latest == Day{2026_y / 3 / 29});
    CHECK(p.next->due_now);
    CHECK(p.next->advice.from == Day{2026_y / 3 / 24});
    CHECK(p.next->advice.intensity == Intensity::moderate);
    CHECK(p.next->advice.length == std::chrono::minutes{90});
    CHECK(p.next->advice.rules ==
          RuleList{cadence_maintenance, cadence_due_now, technique_maintenance, length_90});
  }
  SUBCASE("cadence.base and cadence.off-season: three to four weeks") {
    for (const auto phase : {Phase::base, Phase::off_season}) {
      auto q = query({}, Day{2026_y / 3 / 11});
      q.athlete.phase = phase;
      q.athlete.last_massage = Day{2026_y / 3 / 10};
      const Plan p = plan(q, Policy{});
      CHECK(p.next->advice.from == Day{2026_y / 3 / 31});
      CHECK(p.next->latest == Day{2026_y / 4 / 7});
      CHECK(p.next->advice.rules.front() ==
            (phase == Phase::base ? cadence_base : cadence_off_season));
    }
  }
  SUBCASE("cadence.build: one to two weeks, deep") {
    auto q = query({k_sun}, Day{2026_y / 4 / 1});
    q.athlete.phase = Phase::build;
    q.athlete.last_massage = Day{2026_y / 3 / 27};
    const Plan p = plan(q, Policy{});
    CHECK(p.next->advice.from == Day{2026_y / 4 / 3});
    // The range ends Fri 04-10, inside the blackout: the last clear day is Thu 04-09.
    CHECK(p.next->latest == Day{2026_y / 4 / 9});
    CHECK(p.next->advice.rules == RuleList{cadence_build, technique_hard_block, length_60});
  }
  SUBCASE("due inside the blackout: the pre-race session instead") {
    auto q = query({k_sun}, Day{2026_y / 4 / 4});
    q.athlete.phase = Phase::peak;
    q.athlete.last_massage = Day{2026_y / 4 / 3};
    const Plan p = plan(q, Policy{});
    CHECK(p.next->due == Day{2026_y / 4 / 10});
    CHECK(p.next->advice.from == Day{2026_y / 4 / 9});
    CHECK(p.next->advice.intensity == Intensity::moderate);
    CHECK(p.next->race);
    CHECK(p.next->advice.rules == RuleList{cadence_peak, pre_race_window, pre_race_session_day,
                                              technique_pre_race, length_60});
  }
  SUBCASE("cadence.taper in the blackout: after the race") {
    const Plan p = plan(query({k_sun}, Day{2026_y / 4 / 10}), Policy{});
    CHECK(p.phase == Phase::taper);
    REQUIRE(p.next);
    CHECK(p.next->advice.from == Day{2026_y / 4 / 13});
    CHECK(p.next->advice.intensity == Intensity::moderate);
    CHECK(p.next->moved_for == k_sun);
    CHECK(p.next->advice.rules == RuleList{cadence_taper, cadence_due_now,
                                              post_race_moderate_from_24h, post_race_no_deep_24h,
                                              length_60});
  }
  SUBCASE("cadence.taper in race week, before the window opens: the pre-race session is the session") {
    // An occasional runner's window opens five days out (Tue 04-07); on Mon
    // 04-06 a session was booked that day and the pre-race one three days
    // later, until 2026-12-05.
    const Plan p = plan(query({k_sun}, Day{2026_y / 4 / 6}), Policy{});
    CHECK(p.phase == Phase::taper);
    REQUIRE(p.next);
    CHECK(p.next->advice.from == Day{2026_y / 4 / 9});
    CHECK(p.next->race == k_sun);
    CHECK(p.next->advice.rules == RuleList{cadence_taper, cadence_due_now, pre_race_window,
                                              pre_race_session_day, technique_pre_race, length_60});
    // Symptoms do not wait for it.
    auto q = query({k_sun}, Day{2026_y / 4 / 6});
    q.athlete.symptoms = {Symptom::stiffness};
    CHECK(plan(q, Policy{}).next->advice.from == Day{2026_y / 4 / 6});
  }
  SUBCASE("cadence.taper with no race ahead: weekly, maintenance work (not technique.pre-race)") {
    auto q = query({k_sun}, Day{2026_y / 4 / 17});
    q.athlete.phase = Phase::taper;
    const Plan p = plan(q, Policy{});
    REQUIRE(p.next);
    CHECK(p.next->advice.rules == RuleList{cadence_taper, cadence_due_now, technique_maintenance, length_60});
  }
  SUBCASE("cadence.recovery without a recent race: one to two weeks") {
    auto q = query({}, Day{2026_y / 4 / 20});
    q.athlete.phase = Phase::recovery;
    q.athlete.last_massage = Day{2026_y / 4 / 15};
    const Plan p = plan(q, Policy{});
    CHECK(p.next->advice.from == Day{2026_y / 4 / 22});
    CHECK(p.next->latest == Day{2026_y / 4 / 29});
    CHECK(p.next->advice.rules.front() == cadence_recovery);
  }
}

// A strict JSON check (RFC 8259) for the property below: true when `text`
// is one JSON value and nothing else but whitespace.
class JsonCheck {
 public:
  explicit JsonCheck(std::string_view text) : m_text(text) {}
  bool valid() {
    skip();
    if (!value()) return false;
    skip();
    return m_at == m_text.size();
  }

 private:
  bool value() {
    if (m_at >= m_text.size()) return false;
    switch (m_text[m_at]) {
      case '{': return container('}', true);
      case '[': return container(']', false);
      case '"': return string();
      case 't': return word("true");
      case 'f': return word("false");
      case 'n': return word("null");
      default: return number();
    }
  }
  bool container(char close, bool object) {
    ++m_at;
    skip();
    if (peek(close)) return ++m_at, true;
    while (true) {
      skip();
      if (object) {
        if (!string()) return false;
        skip();
        if (!peek(':')) return false;
        ++m_at;
        skip();
      }
      if (!value()) return false;
      skip();
      if (peek(close)) return ++m_at, true;
      if (!peek(',')) return false;
      ++m_at;
    }
  }
  bool string() {
    if (!peek('"')) return false;
    for (++m_at; m_at < m_text.size(); ++m_at) {
      const auto c = static_cast<unsigned char>(m_text[m_at]);
      if (c == '"') return ++m_at, true;
      if (c < 0x20) return false;
      if (c == '\\') {
        ++m_at;
        if (m_at >= m_text.size() || std::string_view("\"\\/bfnrtu").find(m_text[m_at]) == std::string_view::npos) return false;
      }
    }
    return false;
  }
  bool number() {
    const auto start = m_at;
    if (peek('-')) ++m_at;
    while (m_at < m_text.size() && std::isdigit(static_cast<unsigned char>(m_text[m_at]))) ++m_at;
    return m_at > start && std::isdigit(static_cast<unsigned char>(m_text[m_at - 1]));
  }
  bool word(std::string_view w) {
    if (m_text.substr(m_at, w.size()) != w) return false;
    m_at += w.size();
    return true;
  }
  bool peek(char c) const { return m_at < m_text.size() && m_text[m_at] == c; }
  void skip() {
    while (m_at < m_text.size() && std::string_view(" \n\r\t").find(m_text[m_at]) != std::string_view::npos) ++m_at;
  }
  std::string_view m_text;
  std::size_t m_at = 0;
};

TEST_CASE("the JSON check itself") {
  CHECK(JsonCheck(R"({"a":[1,-2,"x\"y",null,true,{}]})").valid());
  CHECK_FALSE(JsonCheck(R"({"a":1,})").valid());
  CHECK_FALSE(JsonCheck(R"({"a" 1})").valid());
  CHECK_FALSE(JsonCheck("\"tab\there\"").valid());
  CHECK_FALSE(JsonCheck("[1] x").valid());
}

// Properties over generated cases: whatever the races (dates, start times,
// priorities, zones across DST changes), phase and history, the plan never
// books what the rules refuse, checked in absolute time.
TEST_CASE("advise::plan properties") {
  std::mt19937 rng(20260412);
  const Day base{2026_y / 1 / 1};
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  const std::vector<const date::time_zone*> zones{
      nullptr, date::locate_zone("Europe/Berlin"), date::locate_zone("America/New_York"),
      date::locate_zone("Australia/Lord_Howe"), date::locate_zone("UTC")};
  const Policy policy;
  Planner planner{policy};  // reused throughout: no field may hold an earlier plan's value
  for (int n = 0; n < 5000; ++n) {
    Query q;
    q.today = base + date::days{pick(0, 365)};
    q.zone = zones[static_cast<std::size_t>(pick(0, static_cast<int>(zones.size()) - 1))];
    const int races = pick(0, 4);
    for (int i = 0; i < races; ++i) {
      Race r{q.today + date::days{pick(-10, 60)}};
      if (pick(0, 1) != 0) r.time = std::chrono::minutes{pick(0, 24 * 60 - 1)};
      r.priority = static_cast<Priority>(pick(0, 2));
      if (q.zone != nullptr && r.time &&
          q.zone->get_info(r.local_start()).result == date::local_info::nonexistent) {
        continue;  // refused at the command line
      }
      q.races.push_back(r);
    }
    if (pick(0, 3) != 0) q.athlete.phase = k_phase_names[static_cast<std::size_t>(pick(0, 6))].second;
    if (pick(0, 3) != 0) q.athlete.last_massage = q.today - date::days{pick(0, 200)};
    if (pick(0, 1) != 0) {
      q.athlete.experience = k_experience_names[static_cast<std::size_t>(pick(0, 2))].second;
    }
    const int workouts = pick(0, 3) == 0 ? pick(1, 4) : 0;
    for (int i = 0; i < workouts; ++i) q.hard_workouts.push_back(q.today + date::days{pick(-3, 30)});
    if (pick(0, 4) == 0) q.athlete.symptoms = {Symptom::heavy_legs};
    if (pick(0, 4) == 0) q.athlete.conditions = {Condition::hamstring_risk};
    q.prepare = pick(0, 4) == 0;
    const Plan p = plan(q, policy);
    CAPTURE(n);

    std::vector<Advice> booked;
    for (const auto& rp : p.races) {
      for (const auto& a : rp.advice) {
        if (a.intensity && !a.cancelled) booked.push_back(a);
      }
    }
    if (p.next) booked.push_back(p.next->advice);
    for (const auto& a : booked) {
      for (Day d = a.from; d <= a.to; d += date::days{1}) {
        // A session on day d starts no earlier than its midnight and ends no later than the next.
        const Instant day_start = to_instant(LocalTime{d}, q.zone);
        const Instant day_end = to_instant(LocalTime{d + date::days{1}}, q.zone);
        for (const auto& race : q.races) {
          const Instant start = to_instant(race.local_start(), q.zone);
          CAPTURE(format_day(d));
          CAPTURE(format_iso(to_instant(race.local_start(), q.zone), q.zone));
          if (*a.intensity != Intensity::light) {
            // No moderate or deep work within 48 hours before any race start.
            CHECK_FALSE((day_end > start - std::chrono::hours{48} && day_start < start));
          }
          if (*a.intensity == Intensity::deep) {
            // No deep work within 24 hours after a race start.
            CHECK_FALSE((day_start < start + std::chrono::hours{24} && day_end > start));
          }
        }
      }
    }
    // No deep session on a hard workout day or the day before.
    for (const auto& a : booked) {
      if (*a.intensity != Intensity::deep) continue;
      for (Day d = a.from; d <= a.to; d += date::days{1}) {
        for (const auto w : q.hard_workouts) {
          CAPTURE(format_day(w));
          CHECK_FALSE((d == w || d + date::days{1} == w));
        }
      }
    }
    // check() does not refuse the next session the plan books.
    if (p.next && !q.races.empty()) {
      CheckQuery cq{q.races, q.hard_workouts, p.next->advice.from, *p.next->advice.intensity,
                    q.athlete, q.today, q.zone};
      CHECK(check(cq, policy).level != Level::avoid);
    }
    if (p.next) CHECK(p.next->advice.from >= q.today);
    // Every date is a real calendar date, and the same input gives the same plan.
    if (p.next) CHECK(date::year_month_day{p.next->advice.from}.ok());
    const auto json = render_json(p);
    CHECK(render_json(plan(q, policy)) == json);
    CHECK(render_json(planner(q)) == json);
    CHECK(render_text(planner(q)) == render_text(p));
    CHECK(JsonCheck(json).valid());
  }
}

TEST_CASE("advise::plan: a tune-up before the goal race (priority.tune-up, priority.a-race)") {
  auto q = query({}, Day{2026_y / 4 / 1});
  q.races = {Race{k_sun, std::nullopt, Priority::b}, Race{Day{2026_y / 5 / 3}}};
  q.athlete.last_massage = Day{2026_y / 3 / 30};
  const Plan p = plan(q, Policy{});
  // Only the A race chooses the phase: 32 days out is build, not peak.
  CHECK(p.phase == Phase::build);
  const auto& tune_up = p.races[0];
  std::vector<Item> items;
  for (const auto& a : tune_up.advice) items.push_back(a.item);
  CHECK(items == std::vector{Item::deep_until, Item::blackout, Item::light_in_blackout,
                             Item::light_flush, Item::moderate_from});
  CHECK(item(tune_up, Item::deep_until).rules == RuleList{priority_tune_up});
  CHECK(item(tune_up, Item::blackout).from == Day{2026_y / 4 / 10});
  CHECK(item(tune_up, Item::moderate_from).from == Day{2026_y / 4 / 13});
  // The goal race keeps its whole plan.
  CHECK(item(p.races[1], Item::pre_race_session).from == Day{2026_y / 4 / 30});
  CHECK(item(p.races[1], Item::deep_window).from == Day{2026_y / 5 / 5});
  // The build cadence's deep session, a week after the last massage: no
  // 3-day limit or race week before a tune-up stands in its way.
  REQUIRE(p.next);
  CHECK(p.next->advice.from == Day{2026_y / 4 / 6});
  CHECK(render_text(p).find("priority A: the goal race  [priority.a-race]") != std::string::npos);
}

TEST_CASE("advise::plan: symptoms bring the next session forward (cadence.symptoms)") {
  auto q = query({}, Day{2026_y / 11 / 24});
  q.athlete.phase = Phase::base;
  q.athlete.last_massage = Day{2026_y / 11 / 10};
  SUBCASE("without symptoms the cadence decides") {
    const auto p = plan(q, Policy{});
    REQUIRE(p.next);
    CHECK(p.next->advice.from == Day{2026_y / 12 / 1});
    CHECK_FALSE(p.next->symptoms);
  }
  SUBCASE("with any symptom: as soon as possible") {
    q.athlete.symptoms = {Symptom::heavy_legs};
    const auto p = plan(q, Policy{});
    REQUIRE(p.next);
    CHECK(p.next->advice.from == Day{2026_y / 11 / 24});
    CHECK(p.next->due_now);
    CHECK(p.next->symptoms);
    CHECK(p.next->advice.rules ==
          RuleList{cadence_base, cadence_symptoms, technique_maintenance, length_90});
  }
  SUBCASE("still outside a race's blackout") {
    q.athlete.symptoms = {Symptom::stiffness, Symptom::lingering_ache};
    q.races = {Race{Day{2026_y / 11 / 26}}};
    const auto p = plan(q, Policy{});
    REQUIRE(p.next);
    // Tue and Wed are the blackout, Thu is race day: moderate from Fri.
    CHECK(p.next->advice.from == Day{2026_y / 11 / 27});
    CHECK(p.next->symptoms);
  }
}

TEST_CASE("advise::plan: hard workouts (training.no-stacking, training.run-after-deep)") {
  auto q = query({}, Day{2026_y / 11 / 24});
  q.athlete.phase = Phase::peak;
  q.athlete.last_massage = Day{2026_y / 11 / 17};  // due today
  SUBCASE("a workout tomorrow: not today, not tomorrow") {
    q.hard_workouts = {Day{2026_y / 11 / 25}};
    const auto p = plan(q, Policy{});
    CHECK(p.hard_workouts == std::vector<Day>{Day{2026_y / 11 / 25}});
    REQUIRE(p.next);
    CHECK(p.next->advice.from == Day{2026_y / 11 / 26});
    CHECK(p.next->moved_for_workout == Day{2026_y / 11 / 25});
    CHECK_FALSE(p.next->moved_for);
    CHECK(p.next->advice.rules ==
          RuleList{cadence_peak, technique_hard_block, length_60, training_run_after_deep});
  }
  SUBCASE("a workout today: the day after") {
    q.hard_workouts = {Day{2026_y / 11 / 24}, Day{2026_y / 11 / 24}};
    const auto p = plan(q, Policy{});
    CHECK(p.hard_workouts.size() == 1);
    REQUIRE(p.next);
    CHECK(p.next->advice.from == Day{2026_y / 11 / 25});
    CHECK(p.next->advice.rules ==
          RuleList{cadence_peak, technique_hard_block, length_60, training_no_stacking});
  }
  SUBCASE("workouts on three days running push a deep session past them") {
    q.hard_workouts = {Day{2026_y / 11 / 26}, Day{2026_y / 11 / 25}, Day{2026_y / 11 / 27}};
    const auto p = plan(q, Policy{});
    REQUIRE(p.next);
    CHECK(p.next->advice.from == Day{2026_y / 11 / 28});
  }
  SUBCASE("a workout two days away leaves today clear") {
    q.hard_workouts = {Day{2026_y / 11 / 26}};
    const auto p = plan(q, Policy{});
    REQUIRE(p.next);
    CHECK(p.next->advice.from == Day{2026_y / 11 / 24});
    CHECK_FALSE(p.next->moved_for_workout);
  }
  SUBCASE("moderate sessions are not moved") {
    q.athlete.phase = Phase::maintenance;
    q.athlete.last_massage = Day{2026_y / 11 / 3};
    q.hard_workouts = {Day{2026_y / 11 / 24}};
    const auto p = plan(q, Policy{});
    REQUIRE(p.next);
    CHECK(p.next->advice.from == Day{2026_y / 11 / 24});
  }
}

TEST_CASE("advise::plan: conditions (condition.hamstring-risk)") {
  auto q = query({}, Day{2026_y / 11 / 12});
  q.athlete.phase = Phase::base;
  q.athlete.last_massage = Day{2026_y / 11 / 10};
  SUBCASE("hamstrings prone to strain: weekly, whatever the phase") {
    q.athlete.conditions = {Condition::hamstring_risk};
    const auto p = plan(q, Policy{});
    CHECK(p.conditions == ConditionSet{Condition::hamstring_risk});
    REQUIRE(p.next);
    CHECK(p.next->advice.from == Day{2026_y / 11 / 17});
    CHECK_FALSE(p.next->latest);
    // Weekly sessions are an hour (length.60), not base's 90 minutes, which
    // are for sessions weeks apart.
    CHECK(p.next->advice.length == std::chrono::minutes{60});
    CHECK(p.next->advice.rules ==
          RuleList{cadence_base, condition_hamstring_risk, technique_maintenance, length_60});
  }
  SUBCASE("in peak training it is weekly anyway and not cited") {
    q.athlete.phase = Phase::peak;
    q.athlete.conditions = {Condition::hamstring_risk};
    const auto p = plan(q, Policy{});
    REQUIRE(p.next);
    CHECK(p.next->advice.rules == RuleList{cadence_peak, technique_hard_block, length_60});
  }
  SUBCASE("injuries leave the timing as it is") {
    q.athlete.conditions = {Condition::it_band_acute, Condition::stress_fracture};
    const auto with = plan(q, Policy{});
    q.athlete.conditions = {};
    const auto without = plan(q, Policy{});
    REQUIRE(with.next);
    CHECK(with.next->advice.from == without.next->advice.from);
    CHECK(with.next->advice.rules == without.next->advice.rules);
  }
}

TEST_CASE("advise::plan: preparation and after-care on request (care.*)") {
  auto q = query({k_sun}, Day{2026_y / 4 / 1});
  CHECK(plan(q, Policy{}).care.empty());
  q.prepare = true;
  CHECK(plan(q, Policy{}).care == RuleList{care_hydrate, care_light_meal, care_loose_clothes,
                                           care_discomfort_not_pain, care_epsom_bath,
                                           training_soreness_48h});
}

TEST_CASE("advise::plan: hard workouts around a race (training.no-stacking)") {
  auto q = query({k_sun}, Day{2026_y / 4 / 1});
  q.hard_workouts = {Day{2026_y / 4 / 9}, Day{2026_y / 4 / 15}};
  const auto p = plan(q, Policy{});
  REQUIRE(p.races.size() == 1);
  // Deep work would end Thu 04-09, the workout day: Tue 04-07, before the day before.
  const auto& deep = item(p.races[0], Item::deep_until);
  CHECK(deep.from == Day{2026_y / 4 / 7});
  CHECK(deep.conflict_workout == Day{2026_y / 4 / 9});
  CHECK_FALSE(deep.conflict_race);
  // Days 2 to 3 after the race are Tue 04-14 (the day before) and Wed 04-15.
  const auto& after = item(p.races[0], Item::deep_window);
  CHECK(after.cancelled);
  CHECK(after.conflict_workout == Day{2026_y / 4 / 15});
  // The pre-race session is moderate: workouts leave it where it was.
  CHECK(item(p.races[0], Item::pre_race_session).from == Day{2026_y / 4 / 9});
}

TEST_CASE("advise::plan: symptoms take a moderate session when deep work must wait") {
  auto q = query({}, Day{2026_y / 4 / 10});
  q.races = {Race{Day{2026_y / 4 / 11}, std::nullopt, Priority::c}};
  q.athlete.phase = Phase::peak;
  q.athlete.last_massage = Day{2026_y / 4 / 3};
  q.hard_workouts = {Day{2026_y / 4 / 13}};
  SUBCASE("without symptoms: deep, past the race and the workout") {
    const auto p = plan(q, Policy{});
    REQUIRE(p.next);
    CHECK(p.next->advice.from == Day{2026_y / 4 / 14});
    CHECK(p.next->moved_for == Day{2026_y / 4 / 11});
    CHECK(p.next->moved_for_workout == Day{2026_y / 4 / 13});
    CHECK(render_text(p).find("(moved for the race on Sat 2026-04-11 and the hard workout on "
                              "Mon 2026-04-13; due Fri 2026-04-10)") != std::string::npos);
  }
  SUBCASE("with symptoms: moderate, the first day after the tune-up's 24 hours") {
    q.athlete.symptoms = {Symptom::heavy_legs};
    const auto p = plan(q, Policy{});
    REQUIRE(p.next);
    CHECK(p.next->advice.from == Day{2026_y / 4 / 12});
    CHECK(p.next->advice.intensity == Intensity::moderate);
    CHECK(p.next->race == Day{2026_y / 4 / 11});
  }
}

TEST_CASE("advise::plan: a day after two races belongs to the later one") {
  auto q = query({Day{2026_y / 4 / 3}, Day{2026_y / 4 / 5}}, Day{2026_y / 4 / 1});
  q.athlete.symptoms = {Symptom::stiffness};
  const auto p = plan(q, Policy{});
  REQUIRE(p.next);
  CHECK(p.next->advice.from == Day{2026_y / 4 / 6});
  CHECK(p.next->race == Day{2026_y / 4 / 5});
  CHECK(p.next->after_race);
}

TEST_CASE("advise::plan: symptoms, found in review") {
  SUBCASE("never a second session on the day of the last one") {
    auto q = query({}, Day{2026_y / 4 / 1});
    q.athlete.phase = Phase::peak;
    q.athlete.last_massage = Day{2026_y / 4 / 1};
    q.athlete.symptoms = {Symptom::stiffness};
    const auto p = plan(q, Policy{});
    REQUIRE(p.next);
    CHECK(p.next->advice.from == Day{2026_y / 4 / 2});
  }
  SUBCASE("inside a pre-race window: today, not the session's own day") {
    auto q = query({Day{2026_y / 4 / 8}}, Day{2026_y / 4 / 3});
    q.athlete.last_massage = Day{2026_y / 3 / 30};
    const auto without = plan(q, Policy{});
    REQUIRE(without.next);
    CHECK(without.next->advice.from == Day{2026_y / 4 / 5});
    q.athlete.symptoms = {Symptom::lingering_ache};
    const auto p = plan(q, Policy{});
    REQUIRE(p.next);
    CHECK(p.next->advice.from == Day{2026_y / 4 / 3});
    CHECK(p.next->race == Day{2026_y / 4 / 8});
    CHECK(p.next->advice.intensity == Intensity::moderate);
  }
  SUBCASE("in recovery the first post-race session says so") {
    auto q = query({Day{2026_y / 4 / 5}}, Day{2026_y / 4 / 6});
    q.athlete.symptoms = {Symptom::heavy_legs};
    const auto p = plan(q, Policy{});
    CHECK(p.phase == Phase::recovery);
    REQUIRE(p.next);
    CHECK(p.next->symptoms);
    CHECK(p.next->advice.rules[1] == cadence_symptoms);
  }
}

TEST_CASE("advise::plan: a deep-cadence day in the post-race deep days is deep work") {
  auto q = query({Day{2026_y / 4 / 10}}, Day{2026_y / 4 / 5});
  q.athlete.phase = Phase::peak;
  q.athlete.last_massage = Day{2026_y / 4 / 5};
  const auto p = plan(q, Policy{});
  REQUIRE(p.next);
  CHECK(p.next->advice.from == Day{2026_y / 4 / 12});
  CHECK(p.next->advice.intensity == Intensity::deep);
  CHECK(p.next->advice.rules ==
        RuleList{cadence_peak, post_race_deep_days_2_3, technique_post_race_deep, length_60});
}

TEST_CASE("advise::plan: what moved the next session (moved_for, moved_for_workout)") {
  SUBCASE("a moderate pre-race session is its race's, whatever the workouts") {
    auto q = query({Day{2026_y / 4 / 8}}, Day{2026_y / 3 / 30});
    q.athlete.phase = Phase::peak;
    q.athlete.last_massage = Day{2026_y / 3 / 27};
    q.hard_workouts = {Day{2026_y / 4 / 3}};
    const auto p = plan(q, Policy{});
    REQUIRE(p.next);
    CHECK(p.next->race == Day{2026_y / 4 / 8});
    CHECK_FALSE(p.next->moved_for_workout);
  }
  SUBCASE("a workout moving a deep session into post-race days is named, not the race") {
    auto q = query({Day{2026_y / 6 / 12}}, Day{2026_y / 6 / 14});
    q.athlete.phase = Phase::peak;
    q.athlete.experience = Experience::regular;
    q.hard_workouts = {Day{2026_y / 6 / 14}};
    const auto p = plan(q, Policy{});
    REQUIRE(p.next);
    CHECK(p.next->advice.from == Day{2026_y / 6 / 15});
    CHECK(p.next->moved_for_workout == Day{2026_y / 6 / 14});
    CHECK_FALSE(p.next->moved_for);
  }
}

TEST_CASE("advise::plan: a lighter session for symptoms says what keeps deep work off") {
  auto q = query({}, Day{2026_y / 3 / 24});
  q.athlete.phase = Phase::peak;
  q.athlete.last_massage = Day{2026_y / 3 / 20};
  q.athlete.symptoms = {Symptom::lingering_ache};
  q.hard_workouts = {Day{2026_y / 3 / 25}};
  const auto p = plan(q, Policy{});
  REQUIRE(p.next);
  CHECK(p.next->lighter);
  CHECK(p.next->advice.intensity == Intensity::moderate);
  CHECK(p.next->advice.rules == RuleList{cadence_peak, cadence_symptoms, technique_maintenance,
                                         length_60, training_run_after_deep});
  CHECK(render_text(p).find("(as soon as possible, for the symptoms you report; moderate, as "
                            "deep work has to wait)") != std::string::npos);
  q.hard_workouts.clear();
  const auto deep = plan(q, Policy{});
  REQUIRE(deep.next);
  CHECK_FALSE(deep.next->lighter);
  CHECK(deep.next->advice.intensity == Intensity::deep);
}

TEST_CASE("advise::render_text: tune-ups choose no phase; acute conditions mark deep work") {
  SUBCASE("the phase line names the goal race, not the tune-up") {
    auto q = query({Day{2026_y / 6 / 18}}, Day{2026_y / 6 / 8});
    q.races.push_back(Race{Day{2026_y / 6 / 7}, std::nullopt, Priority::c});
    CHECK(render_text(plan(q, Policy{})).starts_with(
        "Phase: peak, chosen from the race calendar (the next goal race is in 10 days)"));
    auto only_c = query({}, Day{2026_y / 4 / 8});
    only_c.races.push_back(Race{Day{2026_y / 4 / 12}, std::nullopt, Priority::c});
    CHECK(render_text(plan(only_c, Policy{})).starts_with(
        "Phase: base, as no goal (A) race is ahead; set it with --phase"));
  }
  SUBCASE("deep work with an acute condition: not on the injured area") {
    auto q = query({}, Day{2026_y / 3 / 24});
    q.athlete.phase = Phase::build;
    q.athlete.conditions = {Condition::ankle_sprain_acute};
    CHECK(limits_deep_work(q.athlete.conditions));
    CHECK(render_text(plan(q, Policy{})).find(
              "; not on the injured area (see the conditions above)\n") != std::string::npos);
    q.athlete.conditions = {Condition::ankle_sprain_after};
    CHECK_FALSE(limits_deep_work(q.athlete.conditions));
    CHECK(render_text(plan(q, Policy{})).find("injured area") == std::string::npos);
  }
}
