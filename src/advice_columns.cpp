#include "advise/advice_columns.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <stdexcept>
#include <fmt/format.h>

#include "advise/batch.hpp"
#include "advise/json_writer.hpp"
#include "advise/race_spec.hpp"

namespace advise {
namespace {

// A text in a fixed-size slot. The advice columns are written with one
// fixed-size move per text: copies whose size changes from row to row
// (phase names, rule ids) made memcpy mispredict, and the advice columns
// cost more than the planner behind them.
constexpr std::size_t k_slot = 48;
struct Slot {
  char text[k_slot];  // the first `size` bytes are the text
  std::size_t size;
  std::string_view view() const { return {text, size}; }
};

// Puts `text` in `slot`. Every text batch writes is short (the longest rule
// id has 32 characters, a blackout time 28), so a longer one is a bug.
void fill(Slot& slot, std::string_view text) {
  if (text.size() > k_slot) throw std::logic_error("a batch text is longer than its slot");
  std::memcpy(slot.text, text.data(), text.size());
  slot.size = text.size();
}

Slot slot_of(std::string_view text) {
  Slot s{};
  fill(s, text);
  return s;
}

// The slots of the words batch writes, indexed by their enums; built once.
template <typename E, std::size_t N>
std::array<Slot, N> slots_of(const std::array<std::pair<std::string_view, E>, N>& names) {
  std::array<Slot, N> slots{};
  for (const auto& [name, value] : names) slots.at(static_cast<std::size_t>(value)) = slot_of(name);
  return slots;
}
const Slot& slot(Phase phase) {
  static const auto slots = slots_of(k_phase_names);
  return slots[static_cast<std::size_t>(phase)];
}
const Slot& slot(Intensity intensity) {
  static const auto slots = slots_of(k_intensity_names);
  return slots[static_cast<std::size_t>(intensity)];
}
// The rule ids' slots, indexed by RuleId; an AdviceRow looks them up once.
const std::array<Slot, k_rule_count>& rule_slots() {
  static const auto slots = [] {
    std::array<Slot, k_rule_count> out{};
    for (std::size_t i = 0; i < k_rule_count; ++i) out[i] = slot_of(format_as(static_cast<RuleId>(i)));
    return out;
  }();
  return slots;
}
const Slot k_no_text{};

// The advice of one row: the text of the first eleven advice columns
// (empty when a column has no value; a value is never empty) and the rule
// ids of the last, each once, in the order the plan cites them. Nothing is
// allocated but the blackout's text.
class AdviceRow {
 public:
  static constexpr std::size_t k_cells = k_batch_advice_columns.size() - 1;
  // The most bytes write() writes: every cell and every rule id at full size.
  static constexpr std::size_t k_max_bytes = (k_cells + 1) * (k_slot + 1) + k_rule_count * (k_slot + 1) + 1;

  explicit AdviceRow(const Plan& p) : m_rule_slots(rule_slots()) {
    m_cells.fill(&k_no_text);
    if (p.next) {
      put_day(0, p.next->advice.from);
      m_cells[1] = &slot(*p.next->advice.intensity);
      if (p.next->advice.length) {
        m_minutes = p.next->advice.length->count();
        put_number(k_minutes_cell, m_minutes);
      }
      note_rules(p.next->advice.rules);
    }
    if (!p.races.empty()) {
      for (const auto& a : p.races.front().advice) {
        if (a.cancelled) continue;
        // A pre-race session or last deep day already behind today is no advice.
        if (a.passed && (a.item == Item::pre_race_session || a.item == Item::deep_until)) {
          note_rules(a.rules);
          continue;
        }
        switch (a.item) {
          case Item::pre_race_session: put_day(3, a.from); break;
          case Item::deep_until: put_day(4, a.from); break;
          case Item::blackout:
            put_text(5, format_iso(*a.at, p.zone));
            break;
          case Item::light_flush: put_day(6, a.from); break;
          case Item::moderate_from: put_day(7, a.from); break;
          case Item::deep_window:
            put_day(8, a.from);
            put_day(9, a.to);
            break;
          default: break;
        }
        note_rules(a.rules);
      }
    }
    m_cells[10] = &slot(p.phase);
  }

  std::string_view cell(std::size_t i) const { return m_cells[i]->view(); }
  static constexpr std::size_t k_minutes_cell = 2;
  long minutes() const { return m_minutes; }  // the length's, when cell k_minutes_cell is set

  // The last column: the rule ids, separated by spaces.
  void append_rules(std::string& out) const {
    for (std::size_t i = 0; i < m_rule_count; ++i) {
      if (i > 0) out += ' ';
      out.append(m_rule_slots[static_cast<std::size_t>(m_rules[i])].view());
    }
  }

  // Writes ",cell,...,cell,rules\n" at `at` (room for k_max_bytes) and
  // returns the end. Each text is one k_slot-byte move, then `at` steps on
  // by its size; the bytes past it are written over next.
  char* write(char* at) const {
    for (const Slot* cell : m_cells) {
      *at++ = ',';
      std::memcpy(at, cell->text, k_slot);
      at += cell->size;
    }
    *at++ = ',';
    for (std::size_t i = 0; i < m_rule_count; ++i) {
      const Slot& id = m_rule_slots[static_cast<std::size_t>(m_rules[i])];
      std::memcpy(at, id.text, k_slot);
      at += id.size;
      *at++ = ' ';
    }
    if (m_rule_count > 0) --at;  // no space after the last id
    *at++ = '\n';
    return at;
  }

 private:
  void note_rules(const RuleList& more) {
    for (const auto r : more) {
      const auto bit = std::uint64_t{1} << static_cast<unsigned>(r);
      if ((m_seen & bit) != 0) continue;
      m_seen |= bit;
      m_rules[m_rule_count++] = r;
    }
  }
  void put_text(std::size_t i, std::string_view text) {
    fill(m_own[i], text);  // in place: a Slot returned and copied whole would stall
    m_cells[i] = &m_own[i];
  }
  void put_day(std::size_t i, Day d) {
    write_day(m_own[i].text, d);
    m_own[i].size = k_day_chars;
    m_cells[i] = &m_own[i];
  }
  void put_number(std::size_t i, long n) {
    const fmt::format_int digits(n);
    put_text(i, std::string_view(digits.data(), digits.size()));
  }

  const std::array<Slot, k_rule_count>& m_rule_slots;
  std::array<const Slot*, k_cells> m_cells;  // into m_own or the word tables
  std::array<Slot, k_cells> m_own;           // written before it is pointed to
  std::uint64_t m_seen = 0;  // rule ids already listed: RuleId < 64
  static_assert(k_rule_count <= 64);
  std::array<RuleId, k_rule_count> m_rules;  // the first m_rule_count are set
  std::size_t m_rule_count = 0;
  long m_minutes = 0;
};

}  // namespace

AdviceColumns::AdviceColumns(const Policy& policy, Format format, std::size_t memo_bytes)
    : m_planner(policy), m_format(format) {
  // Over: the race's post-race plan (deep days, the day moderate work
  // opens) ended before today, so it neither blocks a day from today on nor
  // chooses the phase, and the advice columns show nothing of it. Those days
  // end at most this far after race day: a start as late as 24:00, the
  // post-race hours, and 48 more for the largest jump a zone's clocks ever
  // made (Samoa skipped a day in 2011), then the next whole day.
  using std::chrono::hours;
  const hours after = hours{24} + std::max(policy.post_moderate_from, policy.post_no_deep) + hours{48};
  m_reach = std::max({policy.post_deep_to, policy.post_deep_from,
                      date::ceil<date::days>(after) + date::days{1}});
  // With no race in reach, a massage due before today makes the next
  // session today, due now, whatever day it was: its day shows nowhere else.
  for (const auto& [name, phase] : k_phase_names) {
    m_due_within = std::max(m_due_within, policy.cadence(phase).every_min);
  }
  // A sixteenth of the memory for the slots, kept at most half full; the
  // rest for the entries (a CSV entry takes about 140 bytes).
  std::size_t slots = 0;
  for (std::size_t s = 16; s * sizeof(std::uint32_t) <= memo_bytes / 16; s *= 2) slots = s;
  if (slots == 0) return;
  m_slots.resize(slots);
  m_shift = 64 - static_cast<unsigned>(std::countr_zero(slots));
  m_text.reserve(memo_bytes - slots * sizeof(std::uint32_t));
}

std::optional<AdviceColumns::Key> AdviceColumns::key_of(const Query& q) const {
  // One race and the runner's phase, experience and last massage: a batch
  // row. Anything else is planned as it comes.
  if (q.races.size() != 1 || !q.hard_workouts.empty() || q.prepare || !q.athlete.conditions.empty() ||
      !q.athlete.symptoms.empty()) {
    return std::nullopt;
  }
  const Race& race = q.races.front();
  const auto days = [](Day d) { return static_cast<std::int32_t>(d.time_since_epoch().count()); };
  Key k;
  const auto& a = q.athlete;
  const bool over = race.day + m_reach < q.today;
  k.today = days(q.today);
  if (!over) {  // every part of it counts
    k.zone = static_cast<std::int64_t>(reinterpret_cast<std::uintptr_t>(q.zone));
    k.race = days(race.day);
    k.start = static_cast<std::int16_t>(race.time ? race.time->count() : -1);
    k.priority = static_cast<std::uint8_t>(race.priority);
    k.given |= 8;
  }
  if (a.phase) k.phase = static_cast<std::uint8_t>(*a.phase), k.given |= 1;
  if (a.experience) k.experience = static_cast<std::uint8_t>(*a.experience), k.given |= 2;
  if (a.last_massage && over && *a.last_massage + m_due_within < q.today) {
    k.given |= 16;  // due before today, in any phase
  } else if (a.last_massage) {
    k.last_massage = days(*a.last_massage);
    k.given |= 4;
  }
  return k;
}

std::size_t AdviceColumns::home_of(const Key& k) const {
  auto mix = [](std::uint64_t h, std::uint64_t v) { return (h ^ v) * 0x9E3779B97F4A7C15ULL; };
  std::uint64_t h = mix(0, static_cast<std::uint64_t>(k.zone));
  h = mix(h, static_cast<std::uint32_t>(k.race) | std::uint64_t{static_cast<std::uint32_t>(k.last_massage)} << 32);
  h = mix(h, static_cast<std::uint32_t>(k.today) |
                 std::uint64_t{static_cast<std::uint16_t>(k.start)} << 32 |
                 std::uint64_t{k.priority} << 48 | std::uint64_t{k.phase} << 52 |
                 std::uint64_t{k.experience} << 56 | std::uint64_t{k.given} << 60);
  // The top bits: a product's low bits never see its factors' high ones.
  return static_cast<std::size_t>(h >> m_shift);
}

void AdviceColumns::forget() {
  std::fill(m_slots.begin(), m_slots.end(), 0);
  m_used = 0;
  m_text.clear();
}

void AdviceColumns::render(const Plan& plan, std::string& out) const {
  const AdviceRow row(plan);
  if (m_format == Format::csv) {
    char text[AdviceRow::k_max_bytes];
    out.append(text, static_cast<std::size_t>(row.write(text) - text));
    return;
  }
  // The members after the row's own: an object of them, its '{' a ','.
  const std::size_t first = out.size();
  JsonWriter w(out);
  w.begin_object();
  for (std::size_t i = 0; i < AdviceRow::k_cells; ++i) {
    w.key(k_batch_advice_columns[i]);
    if (i == AdviceRow::k_minutes_cell && !row.cell(i).empty()) {
      w.value(static_cast<long long>(row.minutes()));  // a number, as in --format json
    } else {
      w.text_or_null(row.cell(i));
    }
  }
  std::string rules;
  row.append_rules(rules);
  w.key(k_batch_advice_columns.back()).value(rules);
  w.end_object();
  out[first] = ',';
  out += '\n';
}

std::string_view AdviceColumns::operator()(const Query& query) {
  const auto key = m_slots.empty() ? std::nullopt : key_of(query);
  const std::size_t mask = m_slots.size() - 1;
  std::size_t at = key ? home_of(*key) : 0;
  if (key) {
    for (; m_slots[at] != 0; at = (at + 1) & mask) {
      const char* entry = m_text.data() + (m_slots[at] - 1);
      Key kept;
      std::memcpy(&kept, entry, sizeof kept);
      if (kept == *key) {
        std::uint32_t size = 0;
        std::memcpy(&size, entry + sizeof(Key), sizeof size);
        return {entry + sizeof(Key) + sizeof size, size};
      }
    }
  }
  ++m_planned;
  m_scratch.clear();
  render(m_planner(query), m_scratch);
  const std::size_t need = sizeof(Key) + sizeof(std::uint32_t) + m_scratch.size();
  if (!key || need > m_text.capacity()) return m_scratch;
  // Kept while the slots are at most half full and the entries fit.
  if (m_used + 1 > m_slots.size() / 2 || m_text.size() + need > m_text.capacity()) {
    forget();
    at = home_of(*key);
  }
  const std::size_t offset = m_text.size();
  const auto size = static_cast<std::uint32_t>(m_scratch.size());
  m_text.append(reinterpret_cast<const char*>(&*key), sizeof(Key));
  m_text.append(reinterpret_cast<const char*>(&size), sizeof size);
  m_text += m_scratch;  // within the capacity reserved: m_text never moves
  m_slots[at] = static_cast<std::uint32_t>(offset + 1);
  ++m_used;
  return std::string_view(m_text).substr(offset + sizeof(Key) + sizeof size, size);
}

}  // namespace advise
