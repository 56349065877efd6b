// Lets fmt print any advise enum that has a `format_as` returning its name
// (fmt 9, as Debian 12 ships it, only takes integer results from format_as).
#pragma once

#include <concepts>
#include <fmt/format.h>
#include <string_view>

namespace advise {

template <typename E>
concept Named = std::is_enum_v<E> && requires(E e) {
  { format_as(e) } -> std::same_as<std::string_view>;
};

}  // namespace advise

template <advise::Named E>
struct fmt::formatter<E> : fmt::formatter<std::string_view> {
  auto format(E value, fmt::format_context& ctx) const {
    return fmt::formatter<std::string_view>::format(format_as(value), ctx);
  }
};
