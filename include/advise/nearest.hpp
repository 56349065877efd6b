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

}  // namespace advise
