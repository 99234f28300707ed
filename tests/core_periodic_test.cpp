#include <catch2/catch.hpp>

#include "core/numerics/Periodic.hpp"

using namespace dermasim;

TEST_CASE("Periodic: indices fold into 0 .. n - 1, negative ones too", "[periodic]") {
  CHECK(periodicIndex(0, 5) == 0);
  CHECK(periodicIndex(4, 5) == 4);
  CHECK(periodicIndex(5, 5) == 0);
  CHECK(periodicIndex(12, 5) == 2);
  CHECK(periodicIndex(-1, 5) == 4);
  CHECK(periodicIndex(-5, 5) == 0);
  CHECK(periodicIndex(-6, 5) == 4);
  CHECK(periodicIndex(-13, 1) == 0);
  static_assert(periodicIndex(-1, 8) == 7);
}

TEST_CASE("Periodic: positions and azimuths fold into one period from 0", "[periodic]") {
  CHECK(periodicPosition(-90.0, 360.0) == 270.0);
  CHECK(periodicPosition(720.0, 360.0) == 0.0);
  CHECK(periodicPosition(359.5, 360.0) == 359.5);
  CHECK(periodicPosition(-360.0, 360.0) == 0.0);
  CHECK(periodicPosition(7.5, 2.0) == 1.5);
  CHECK(periodicPosition(-0.5, 2.0) == 1.5);
}
