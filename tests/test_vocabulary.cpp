#include "advise/vocabulary.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

using namespace advise;

TEST_CASE("advise::vocabulary names") {
  SUBCASE("every phase round-trips through its name") {
    for (const auto& [name, phase] : k_phase_names) {
      CHECK(parse_phase(name) == phase);
      CHECK(fmt::format("{}", phase) == name);
    }
    CHECK(fmt::format("{}", Phase::off_season) == "off-season");
  }
  SUBCASE("intensities and experience") {
    CHECK(parse_intensity("deep") == Intensity::deep);
    CHECK(fmt::format("{}", Intensity::moderate) == "moderate");
    CHECK(parse_experience("first-time") == Experience::first_time);
    CHECK(fmt::format("{}", Experience::regular) == "regular");
  }
  SUBCASE("lookups take any ASCII case, and nothing else") {
    CHECK(parse_phase("Peak") == Phase::peak);
    CHECK(parse_phase("OFF-SEASON") == Phase::off_season);
    CHECK(parse_experience("First-Time") == Experience::first_time);
    CHECK(parse_intensity("DEEP") == Intensity::deep);
    CHECK_FALSE(parse_phase("Peak "));
    CHECK_FALSE(parse_phase("PEAKPEAKPEAKPEAKPEAKPEAKPEAK"));
    CHECK_FALSE(parse_phase("off_season"));
    CHECK_FALSE(parse_phase(""));
    CHECK_FALSE(parse_intensity("deep "));
    CHECK_FALSE(parse_experience("first_time"));
  }
}
