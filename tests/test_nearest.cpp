#include "advise/nearest.hpp"

#include <array>
#include <doctest/doctest.h>
#include <string_view>
#include <vector>

using namespace advise;
using Views = std::vector<std::string_view>;

TEST_CASE("advise::nearest") {
  const Views names{"Europe/Berlin", "Europe/Dublin", "Europe/Jersey", "America/Belem", "Asia/Tokyo"};
  CHECK(nearest("Europe/Berln", names, 1) == Views{"Europe/Berlin"});
  SUBCASE("what starts with or holds the text comes first, then by distance, ties in order") {
    CHECK(nearest("Europe/", names, 3) == Views{"Europe/Berlin", "Europe/Dublin", "Europe/Jersey"});
    CHECK(nearest("ublin", names, 3) == Views{"Europe/Dublin"});
    // Distances from "Tokio": Tokyo 1 (after the '/'), the rest 5 or more.
    CHECK(nearest("Tokio", names, 3) == Views{"Asia/Tokyo"});
  }
  SUBCASE("nothing far off") {
    CHECK(nearest("nope", names, 3).empty());
    CHECK(nearest("", names, 3).empty());
  }
  SUBCASE("never more than asked, nor than there are") {
    CHECK(nearest("x", names, 0).empty());
    CHECK(nearest("x", Views{"a", "b"}, 5).size() == 2);
    CHECK(nearest("x", Views{}, 3).empty());
  }
}

TEST_CASE("advise::nearest ignores case") {
  const std::array<std::string_view, 3> ids{"pre-race.window", "condition.hamstring-risk",
                                            "cadence.peak"};
  CHECK(nearest("CONDITION.HAMSTRING-RISK", ids, 1) ==
        std::vector<std::string_view>{"condition.hamstring-risk"});
  CHECK(nearest("Cadence.Peek", ids, 1) == std::vector<std::string_view>{"cadence.peak"});
  CHECK(nearest("hamstring", ids, 3) == std::vector<std::string_view>{"condition.hamstring-risk"});
}

TEST_CASE("advise::nearest_zone_names") {
  const Views zones{"Europe/Berlin", "Europe/Dublin", "Europe/Paris", "America/New_York",
                    "America/Argentina/Buenos_Aires", "CET", "UTC"};
  SUBCASE("a city alone, in any case, with spaces for underscores") {
    CHECK(nearest_zone_names("Berlin", zones, 3) == Views{"Europe/Berlin"});
    CHECK(nearest_zone_names("new york", zones, 3) == Views{"America/New_York"});
    CHECK(nearest_zone_names("buenos aires", zones, 3) == Views{"America/Argentina/Buenos_Aires"});
    CHECK(nearest_zone_names("europe/paris", zones, 3) == Views{"Europe/Paris"});
  }
  SUBCASE("a slip of a letter or two, nearest first") {
    CHECK(nearest_zone_names("Europe/Berln", zones, 3) == Views{"Europe/Berlin"});
    CHECK(nearest_zone_names("America/NewYork", zones, 3) == Views{"America/New_York"});
    CHECK(nearest_zone_names("CEST", zones, 3) == Views{"CET"});
  }
  SUBCASE("nothing close, nothing offered") {
    CHECK(nearest_zone_names("Bogus/Zone", zones, 3).empty());
    CHECK(nearest_zone_names("UTC+2", zones, 3).empty());
    CHECK(nearest_zone_names("", zones, 3).empty());
    CHECK(nearest_zone_names("Berlin", zones, 0).empty());
  }
}
