// Scar tethers: needling releases a rolling scar's fibrous band as subcision does, over the
// whole scar, in proportion to the stretch of band each track crosses.

#include <catch2/catch.hpp>
#include <cmath>
#include <vector>

#include "core/tissue/ScarTethers.hpp"

using namespace dermasim;

namespace {

// A 4 x 4 mm patch, 2 mm deep (0.1 mm epidermis, 1.9 mm dermis), with one scar of radius 1 mm
// at its centre whose tissue is missing down to 0.6 mm.
BaselineSkin oneScar(ScarType type) {
  BaselineSkin b;
  b.grid = Grid{40, 40, 20, 0.1, 0.1};
  b.layers.epidermis_mm = 0.1;
  b.layers.dermis_mm = 1.9;
  b.deficit = b.grid.zeros3();
  b.tether = b.grid.zeros2();
  b.scarIndex = b.grid.zeros2();
  b.scars.push_back(Scar{2.0, 2.0, type, 0.2, 2.0});
  for (int j = 0; j < 40; ++j)
    for (int i = 0; i < 40; ++i) {
      const double r = std::hypot((i + 0.5) * 0.1 - 2.0, (j + 0.5) * 0.1 - 2.0);
      if (r > 1.0) continue;
      const auto c = static_cast<Eigen::Index>(b.grid.column(i, j));
      b.scarIndex[c] = 1.0F;
      b.tether[c] = static_cast<float>(0.8 * (1.0 - r));
      for (int k = 1; k < 6; ++k)
        b.deficit[static_cast<Eigen::Index>(b.grid.index(i, j, k))] = 0.3F;
    }
  return b;
}

Puncture at(double x, double y, double depth) {
  Puncture p;
  p.x_mm = x;
  p.y_mm = y;
  p.depth_mm = depth;
  return p;
}

}  // namespace

TEST_CASE("ScarTethers: the band runs from the scar's floor to the bottom of the dermis") {
  const BaselineSkin b = oneScar(ScarType::Rolling);
  const ScarTethers tethers(b, {0.1});
  CHECK(tethers.bandTopMm(0) == Approx(0.6));
  CHECK(tethers.bandLeft(0) == 1.0);
}

TEST_CASE("ScarTethers: one track through the whole band releases the whole scar by its share") {
  const BaselineSkin b = oneScar(ScarType::Rolling);
  ScarTethers tethers(b, {0.1});
  Field tether = b.tether;
  // Near the rim, far from the centre: the centre lets go all the same.
  tethers.cut({at(2.8, 2.0, 2.0)}, tether);
  CHECK(tethers.bandLeft(0) == Approx(0.9));
  const auto centre = static_cast<Eigen::Index>(b.grid.column(20, 20));
  CHECK(static_cast<double>(tether[centre]) == Approx(0.9 * static_cast<double>(b.tether[centre])));
  CHECK(tether.maxCoeff() <= 0.8F * 0.9F + 1e-6F);
}

TEST_CASE("ScarTethers: a track stopping short cuts in proportion to the band it crossed") {
  const BaselineSkin b = oneScar(ScarType::Rolling);
  ScarTethers tethers(b, {0.1});
  Field tether = b.tether;
  tethers.cut({at(2.0, 2.0, 0.5)}, tether);  // above the band
  CHECK(tethers.bandLeft(0) == 1.0);
  tethers.cut({at(2.0, 2.0, 1.3)}, tether);  // half of the 1.4 mm band
  CHECK(tethers.bandLeft(0) == Approx(1.0 - 0.1 * 0.5));
}

TEST_CASE(
    "ScarTethers: tracks outside the scar, or into a scar that is not tethered, cut nothing") {
  const BaselineSkin rolling = oneScar(ScarType::Rolling);
  ScarTethers tethers(rolling, {0.1});
  Field tether = rolling.tether;
  tethers.cut({at(0.2, 0.2, 2.0)}, tether);
  CHECK(tethers.bandLeft(0) == 1.0);
  CHECK((tether == rolling.tether).all());

  const BaselineSkin boxcar = oneScar(ScarType::Boxcar);
  ScarTethers none(boxcar, {0.1});
  Field unchanged = boxcar.tether;
  none.cut({at(2.0, 2.0, 2.0)}, unchanged);
  CHECK(none.bandLeft(0) == 1.0);
}

TEST_CASE("ScarTethers: cuts compound over sessions, never below zero") {
  const BaselineSkin b = oneScar(ScarType::Rolling);
  ScarTethers tethers(b, {0.1});
  Field tether = b.tether;
  const std::vector<Puncture> session(10, at(2.0, 2.0, 2.0));
  for (int s = 0; s < 5; ++s) tethers.cut(session, tether);
  CHECK(tethers.bandLeft(0) == Approx(std::pow(0.9, 50)));
  CHECK(tether.minCoeff() >= 0.0F);
}
