// "Did you mean": the candidates closest to what was typed.
#pragma once

#include <span>
#include <string_view>
#include <vector>

namespace advise {

// Up to `limit` of `candidates` closest to `typed`: those starting with it
// first, then by edit distance, ties in the candidates' order.
std::vector<std::string_view> nearest(std::string_view typed,
                                      std::span<const std::string_view> candidates,
                                      std::size_t limit);

// Up to `limit` of the time-zone names `zones` close to `typed`, nearest
// first: the whole name or its city (after the last '/') within a quarter of
// its length in edits (at least one), ignoring case and taking ' ' for '_',
// so that "Berlin" and "new york" find Europe/Berlin and America/New_York.
// Empty when none is close: a list of far-off names helps nobody.
std::vector<std::string_view> nearest_zone_names(std::string_view typed,
                                                 std::span<const std::string_view> zones,
                                                 std::size_t limit);

}  // namespace advise
