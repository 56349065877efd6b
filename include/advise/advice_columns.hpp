// The advice columns of a batch row as text, planned once per distinct
// query. Lists repeat themselves: a club's runners share races, a
// federation's share race days and massage days, and a race whose recovery
// was over before today changes no plan made today, whichever race it was.
// So the text of each distinct query is kept and handed out again, in a
// fixed amount of memory: when it is full it is emptied and fills again.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "advise/plan.hpp"

namespace advise {

class AdviceColumns {
 public:
  enum class Format { csv, jsonl };
  // The text kept for queries to come, at most (entries and text together).
  static constexpr std::size_t k_default_memo_bytes = std::size_t{5} << 19;

  // `memo_bytes` 0: nothing is kept; every query is planned.
  AdviceColumns(const Policy& policy, Format format, std::size_t memo_bytes = k_default_memo_bytes);

  // The text that follows a row's own columns. CSV: ",next_session,...,rules\n"
  // (the columns of k_batch_advice_columns). JSONL: ",\"next_session\":...}\n",
  // the rest of an object whose members so far are the row's own. Valid
  // until the next call.
  std::string_view operator()(const Query& query);

  // How many queries were planned rather than found kept (for tests and the
  // benchmark's notes).
  std::uint64_t planned() const { return m_planned; }

 private:
  // Everything in a query that the advice columns depend on. A race over
  // before today counts as any other such race, and then a last massage
  // long enough ago for any phase's next session to be due counts as any
  // other such day (see key_of()).
  struct Key {
    std::int64_t zone = 0;  // the time_zone's address, or 0
    std::int32_t today = 0;
    std::int32_t race = 0;
    std::int32_t last_massage = 0;
    std::int16_t start = 0;
    std::uint8_t priority = 0, phase = 0, experience = 0, given = 0;  // given: which optionals are set
    friend bool operator==(const Key&, const Key&) = default;
  };

  std::optional<Key> key_of(const Query& query) const;
  std::size_t home_of(const Key& key) const;
  void render(const Plan& plan, std::string& out) const;
  void forget();

  Planner m_planner;
  Format m_format;
  date::days m_reach;  // a race this many days before today is over
  date::days m_due_within{0};  // the longest every_min of any phase
  // Open addressing, a power of two of them (or none): 0 free, else 1 + the
  // offset in m_text of an entry, its Key, the text's size (4 bytes), the text.
  std::vector<std::uint32_t> m_slots;
  unsigned m_shift = 0;    // a hash's top log2(slots) bits are a key's home
  std::size_t m_used = 0;  // slots taken
  std::string m_text;      // the entries, one after another
  std::string m_scratch;  // the text of a query not kept
  std::uint64_t m_planned = 0;
};

}  // namespace advise
