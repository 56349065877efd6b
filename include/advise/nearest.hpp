// "Did you mean": the candidates closest to what was typed.
#pragma once

#include <span>
#include <string_view>
#include <vector>

namespace advise {

// Up to `limit` of `candidates` close to `typed`, ignoring case: those
// starting with it or holding it (three characters or more) first, then by
// edit distance to the whole or to what follows its last '.' or '/', ties
// in the candidates' order. Empty when none is within a third of the text
// in edits (at least two): far-off names help nobody.
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
