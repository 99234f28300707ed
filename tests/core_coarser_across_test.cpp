#include <catch2/catch.hpp>

#include <cmath>
#include <numbers>
#include <numeric>
#include <vector>

#include "GridSupport.hpp"
#include "core/numerics/CoarserAcross.hpp"

using namespace dermasim;

namespace {

double sum(const std::vector<float>& v) { return std::accumulate(v.begin(), v.end(), 0.0); }

// A smooth periodic field across a plane of nx x ny cells of dx, sampled at the cell centres.
std::vector<float> wave(int nx, int ny, double dx, double period) {
  std::vector<float> out(static_cast<std::size_t>(nx * ny));
  const double k = 2.0 * std::numbers::pi / period;
  for (int j = 0; j < ny; ++j)
    for (int i = 0; i < nx; ++i)
      out[static_cast<std::size_t>(j * nx + i)] =
          static_cast<float>(2.0 + std::cos(k * (i + 0.5) * dx) * std::sin(k * (j + 0.5) * dx));
  return out;
}

}  // namespace

TEST_CASE("CoarserAcross: the coarse grid keeps the depth planes and the patch", "[coarser]") {
  const Grid fine = makeGrid(24, 16, 5, 0.075, 0.05);
  const CoarserAcross across(fine, 4);
  CHECK(across.factor() == 4);
  CHECK(across.coarse().nx == 6);
  CHECK(across.coarse().ny == 4);
  CHECK(across.coarse().nz == 5);
  CHECK(across.coarse().dz_mm == 0.05);
  CHECK(across.coarse().sizeXMm() == Approx(fine.sizeXMm()));
  // A factor that does not divide both sides is lowered to one that does.
  CHECK(CoarserAcross(makeGrid(20, 20, 2), 3).factor() == 2);
  CHECK(CoarserAcross(makeGrid(21, 20, 2), 3).factor() == 1);
}

TEST_CASE("CoarserAcross: restriction takes each block's mean and keeps the amount", "[coarser]") {
  const Grid fine = makeGrid(8, 6, 1);
  const CoarserAcross across(fine, 2);
  std::vector<float> f(48);
  for (std::size_t v = 0; v < f.size(); ++v)
    f[v] = static_cast<float>(v % 7) + 0.25F * static_cast<float>(v);
  std::vector<float> c(12);
  across.restrictPlane(f.data(), c.data());
  // Coarse cell (1, 2) covers fine (2..3, 4..5).
  CHECK(c[2 * 4 + 1] == Approx((f[4 * 8 + 2] + f[4 * 8 + 3] + f[5 * 8 + 2] + f[5 * 8 + 3]) / 4));
  CHECK(4.0 * sum(c) == Approx(sum(f)).epsilon(1e-6));
}

TEST_CASE("CoarserAcross: prolongation keeps constants, the amount and the sign", "[coarser]") {
  const Grid fine = makeGrid(20, 12, 1);
  const CoarserAcross across(fine, 4);
  std::vector<float> c(15, 3.5F), f(240);
  across.prolongPlane(c.data(), f.data());
  for (float v : f) CHECK(v == Approx(3.5F));

  // One coarse cell alone: its value is handed out to the fine cells around it, factor^2 of it
  // in all, none negative, most at the cells nearest its centre.
  std::fill(c.begin(), c.end(), 0.0F);
  c[1 * 5 + 2] = 1.0F;
  across.prolongPlane(c.data(), f.data());
  CHECK(sum(f) == Approx(16.0).epsilon(1e-6));
  for (float v : f) CHECK(v >= 0.0F);
  // The coarse centre sits between fine cells 9 and 10 across and 5 and 6 deep into y.
  CHECK(f[5 * 20 + 9] == Approx(f[6 * 20 + 10]));
  CHECK(f[5 * 20 + 9] > f[5 * 20 + 8]);
  CHECK(f[5 * 20 + 9] > f[4 * 20 + 9]);

  // An odd factor centres a fine cell on each coarse one: it takes that cell's value.
  const CoarserAcross odd(makeGrid(9, 6, 1), 3);
  std::vector<float> c3(6, 0.0F), f3(54);
  c3[1 * 3 + 1] = 1.0F;
  odd.prolongPlane(c3.data(), f3.data());
  CHECK(f3[4 * 9 + 4] == 1.0F);
  CHECK(sum(f3) == Approx(9.0).epsilon(1e-6));

  // Periodic: a cell at the edge hands out across the seam.
  std::fill(c.begin(), c.end(), 0.0F);
  c[0] = 1.0F;
  across.prolongPlane(c.data(), f.data());
  CHECK(f[11 * 20 + 19] > 0.0F);
  CHECK(sum(f) == Approx(16.0).epsilon(1e-6));
}

TEST_CASE("CoarserAcross: a smooth field comes back to second order", "[coarser]") {
  // Sample a wave on the coarse grid, prolong, compare with the wave sampled on the fine grid:
  // halving both spacings quarters the error, for even and odd factors.
  for (int factor : {2, 3, 4}) {
    const auto error = [factor](int fineCells) {
      const double size = 3.0;
      const Grid fine = makeGrid(fineCells, fineCells, 1, size / fineCells);
      const CoarserAcross across(fine, factor);
      REQUIRE(across.factor() == factor);
      const std::vector<float> coarse =
          wave(across.coarse().nx, across.coarse().ny, across.coarse().dx_mm, size);
      const std::vector<float> exact = wave(fine.nx, fine.ny, fine.dx_mm, size);
      std::vector<float> f(exact.size());
      across.prolongPlane(coarse.data(), f.data());
      double worst = 0;
      for (std::size_t v = 0; v < f.size(); ++v)
        worst =
            std::max(worst, std::abs(static_cast<double>(f[v]) - static_cast<double>(exact[v])));
      return worst;
    };
    const double e1 = error(48), e2 = error(96);
    CAPTURE(factor, e1, e2);
    CHECK(e1 < 0.1);
    CHECK(e1 / e2 == Approx(4.0).epsilon(0.1));
  }
}

TEST_CASE("CoarserAcross: factor 1 copies", "[coarser]") {
  const Grid fine = makeGrid(6, 4, 1);
  const CoarserAcross across(fine, 1);
  std::vector<float> f(24), c(24), back(24);
  for (std::size_t v = 0; v < f.size(); ++v) f[v] = 0.1F * static_cast<float>(v * v);
  across.restrictPlane(f.data(), c.data());
  across.prolongPlane(c.data(), back.data());
  CHECK(c == f);
  CHECK(back == f);
}

TEST_CASE("CoarserAcross: a whole field's restriction is added plane by plane", "[coarser]") {
  const Grid fine = makeGrid(4, 4, 3);
  const CoarserAcross across(fine, 2);
  Field f = fine.zeros3();
  for (Eigen::Index v = 0; v < f.size(); ++v) f[v] = static_cast<float>(v);
  Field c = across.coarse().zeros3();
  c.setConstant(1.0F);
  across.addRestricted(f, c);
  // Plane 2, coarse cell (1, 0): fine (2..3, 0..1) of that plane, 32 + {2, 3, 6, 7}.
  CHECK(c[2 * 4 + 1] == Approx(1.0 + (34 + 35 + 38 + 39) / 4.0));
  CHECK(static_cast<double>(c.sum()) == Approx(12.0 + static_cast<double>(f.sum()) / 4.0));
}

TEST_CASE("CoarserAcross: whole fields restrict and prolong plane by plane", "[coarser]") {
  const Grid fine = makeGrid(6, 4, 3);
  const CoarserAcross across(fine, 2);
  Field f = fine.zeros3();
  for (Eigen::Index v = 0; v < f.size(); ++v) f[v] = 0.5F * static_cast<float>(v % 7);
  Field coarse, back;  // empty: sized by the calls
  across.restrictField(f, coarse);
  across.prolongField(coarse, back);
  REQUIRE(static_cast<std::size_t>(coarse.size()) == across.coarse().voxels());
  REQUIRE(static_cast<std::size_t>(back.size()) == fine.voxels());
  const std::size_t fineColumns = fine.columns(), coarseColumns = across.coarse().columns();
  std::vector<float> plane(coarseColumns), finePlane(fineColumns);
  for (int k = 0; k < fine.nz; ++k) {
    const auto ku = static_cast<std::size_t>(k);
    across.restrictPlane(f.data() + ku * fineColumns, plane.data());
    across.prolongPlane(plane.data(), finePlane.data());
    for (std::size_t c = 0; c < coarseColumns; ++c)
      CHECK(coarse[static_cast<Eigen::Index>(ku * coarseColumns + c)] == plane[c]);
    for (std::size_t c = 0; c < fineColumns; ++c)
      CHECK(back[static_cast<Eigen::Index>(ku * fineColumns + c)] == finePlane[c]);
  }
}
