#include "advise/nearest.hpp"

#include <algorithm>
#include <cctype>
#include <string>
#include <utility>

namespace advise {
namespace {

// Letters match whatever their case: "CONDITION.X" is a typo of "condition.x".
bool same(char a, char b) {
  return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (same(a[i - 1], b[j - 1]) ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

// `text` in lower case, with ' ' as '_' (zone names spell spaces so).
std::string folded(std::string_view text) {
  std::string out(text);
  for (auto& c : out) c = c == ' ' ? '_' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

std::vector<std::string_view> nearest_zone_names(std::string_view typed,
                                                 std::span<const std::string_view> zones,
                                                 std::size_t limit) {
  const std::string wanted = folded(typed);
  const std::size_t allowed = std::max<std::size_t>(1, wanted.size() / 4);
  std::vector<std::pair<std::size_t, std::string_view>> close;  // distance, name
  for (const auto zone : zones) {
    const std::string name = folded(zone);
    const std::string_view city = std::string_view(name).substr(name.rfind('/') + 1);  // npos + 1 == 0
    const std::size_t distance = std::min(edit_distance(wanted, name), edit_distance(wanted, city));
    if (distance <= allowed) close.emplace_back(distance, zone);
  }
  std::stable_sort(close.begin(), close.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::string_view> out;
  for (std::size_t i = 0; i < close.size() && i < limit; ++i) out.push_back(close[i].second);
  return out;
}

std::vector<std::string_view> nearest(std::string_view typed,
                                      std::span<const std::string_view> candidates,
                                      std::size_t limit) {
  struct Scored {
    std::size_t score;
    std::size_t order;
    std::string_view text;
  };
  const std::string wanted = folded(typed);
  // A third of the text in edits, at least two: "nope" is no typo of "length.90".
  const std::size_t allowed = std::max<std::size_t>(2, wanted.size() / 3);
  std::vector<Scored> scored;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const auto c = candidates[i];
    const std::string name = folded(c);
    // What follows the last '.' or '/': "deep-by-3d" is pre-race.deep-by-3d.
    const std::string_view tail = std::string_view(name).substr(name.find_last_of("./") + 1);  // npos + 1 == 0
    const bool part = !wanted.empty() && (name.starts_with(wanted) ||
                                          (wanted.size() >= 3 && name.find(wanted) != std::string::npos));
    const std::size_t distance = std::min(edit_distance(wanted, name), edit_distance(wanted, tail));
    if (part || distance <= allowed) scored.push_back({part ? 0 : distance + 1, i, c});
  }
  const auto n = std::min(limit, scored.size());
  std::partial_sort(scored.begin(), scored.begin() + static_cast<std::ptrdiff_t>(n), scored.end(),
                    [](const Scored& a, const Scored& b) {
                      return a.score != b.score ? a.score < b.score : a.order < b.order;
                    });
  std::vector<std::string_view> out;
  for (std::size_t i = 0; i < n; ++i) out.push_back(scored[i].text);
  return out;
}

}  // namespace advise
