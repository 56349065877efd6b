#include "advise/sources.hpp"

#include <doctest/doctest.h>

using namespace advise;

TEST_CASE("advise::sources") {
  REQUIRE(sources().size() == 5);
  CHECK(source(SourceKey::nola).name == "nola");
  CHECK(source(SourceKey::massaggi).publisher == "Massaggi, UK");
  CHECK(source(SourceKey::rva).title ==
        "The Benefits of Sports Massage Therapy for Runners: Science, Recovery, and Performance");
  CHECK(source(SourceKey::qi).publisher == "Qi Massage & Natural Healing Spa, Winston-Salem");

  const SourceSet set{SourceKey::smr, SourceKey::qi};
  CHECK(set.contains(SourceKey::smr));
  CHECK(set.contains(SourceKey::qi));
  CHECK_FALSE(set.contains(SourceKey::nola));
  CHECK(SourceSet{}.empty());
}
