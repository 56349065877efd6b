#include "advise/policy.hpp"

#include <doctest/doctest.h>

using namespace advise;

TEST_CASE("advise::Policy::cadence") {
  const Policy policy;
  SUBCASE("the reconciled defaults of guidance.md") {
    const auto peak = policy.cadence(Phase::peak);
    CHECK(peak.every_min == date::days{7});
    CHECK(peak.every_max == date::days{7});
    CHECK(peak.intensity == Intensity::deep);
    CHECK(peak.length == std::chrono::minutes{60});
    const auto build = policy.cadence(Phase::build);
    CHECK(build.every_min == date::days{7});
    CHECK(build.every_max == date::days{14});
    for (const auto phase : {Phase::base, Phase::maintenance, Phase::off_season}) {
      const auto c = policy.cadence(phase);
      CHECK(c.every_min == date::days{21});
      CHECK(c.every_max == date::days{28});
      CHECK(c.intensity == Intensity::moderate);
      CHECK(c.length == std::chrono::minutes{90});
    }
    CHECK(policy.cadence(Phase::taper).intensity == Intensity::moderate);
    CHECK(policy.cadence(Phase::recovery).every_max == date::days{14});
  }
  SUBCASE("a changed figure reaches the cadence") {
    Policy custom;
    custom.build_max = date::days{21};
    custom.maintenance_intensity = Intensity::light;
    CHECK(custom.cadence(Phase::build).every_max == date::days{21});
    CHECK(custom.cadence(Phase::maintenance).intensity == Intensity::light);
  }
}
