#include "core/numerics/DouglasSpread.hpp"

#include "GridSupport.hpp"

#include <omp.h>

#include <catch2/catch.hpp>
#include <cmath>
#include <cstring>
#include <initializer_list>
#include <random>
#include <stdexcept>

using namespace dermasim;

namespace {

constexpr double kPi = 3.14159265358979323846;
// The vasoactive mediators: 3 h half-life, 4 mm^2/day, on the default 75 x 50 um grid.
const double kDecay = std::log(2.0) / (3.0 / 24.0);
constexpr double kDiffusivity = 4.0;

// The default grid's spacing, mm.
constexpr double kAcross = 0.075, kDeep = 0.05;

std::size_t index(const Grid& g, int i, int j, int k) {
  return (static_cast<std::size_t>(k) * static_cast<std::size_t>(g.ny) +
          static_cast<std::size_t>(j)) *
             static_cast<std::size_t>(g.nx) +
         static_cast<std::size_t>(i);
}

// A mode of the grid's operator: p, q waves across (periodic), m half-waves in depth (no flux at
// the faces, cell-centred).
struct Mode {
  int p, q, m;
  double at(const Grid& g, int i, int j, int k) const {
    return std::cos(2 * kPi * p * i / g.nx) * std::cos(2 * kPi * q * j / g.ny) *
           std::cos(kPi * m * (k + 0.5) / g.nz);
  }
  // Its eigenvalue of -D lap on the grid, 1/day.
  double rate(const Grid& g) const {
    const double across = (2 - 2 * std::cos(2 * kPi * p / g.nx)) / (g.dx_mm * g.dx_mm) +
                          (2 - 2 * std::cos(2 * kPi * q / g.ny)) / (g.dx_mm * g.dx_mm);
    const double depth = (2 - 2 * std::cos(kPi * m / g.nz)) / (g.dz_mm * g.dz_mm);
    return kDiffusivity * (across + depth);
  }
  // Its eigenvalue of -D lap in the continuum.
  double continuumRate(const Grid& g) const {
    const double kx = 2 * kPi * p / (g.nx * g.dx_mm), ky = 2 * kPi * q / (g.ny * g.dx_mm);
    const double kz = kPi * m / (g.nz * g.dz_mm);
    return kDiffusivity * (kx * kx + ky * ky + kz * kz);
  }
};

// The amplitude of `mode` in u (least squares: the modes are orthogonal on the grid).
double amplitude(const Grid& g, const Field& u, const Mode& mode) {
  double dot = 0, norm = 0;
  for (int k = 0; k < g.nz; ++k)
    for (int j = 0; j < g.ny; ++j)
      for (int i = 0; i < g.nx; ++i) {
        const double phi = mode.at(g, i, j, k);
        dot += phi * static_cast<double>(u[static_cast<Eigen::Index>(index(g, i, j, k))]);
        norm += phi * phi;
      }
  return dot / norm;
}

// mean + amplitude x (the sum of `modes`), voxel by voxel.
Field withModes(const Grid& g, double mean, double amplitude, std::initializer_list<Mode> modes) {
  Field f = g.zeros3();
  for (int k = 0; k < g.nz; ++k)
    for (int j = 0; j < g.ny; ++j)
      for (int i = 0; i < g.nx; ++i) {
        double v = mean;
        for (const Mode& m : modes) v += amplitude * m.at(g, i, j, k);
        f[static_cast<Eigen::Index>(index(g, i, j, k))] = static_cast<float>(v);
      }
  return f;
}

double norm2(const Field& u) {
  double sum = 0;
  for (Eigen::Index v = 0; v < u.size(); ++v)
    sum += static_cast<double>(u[v]) * static_cast<double>(u[v]);
  return std::sqrt(sum);
}

// Steps of h days with a constant release `source` (per day), exact for decay and release, as
// HealingModel::stepMediators takes them.
void stepWith(DouglasSpread& spread, Field& u, const Field& source, double h) {
  const Grid& g = spread.grid();
  const double lost = -std::expm1(-kDecay * h), life = lost / kDecay;
  const std::size_t plane = g.columns();
  spread.step(
      u, life,
      [&](int k, float* c) {
        for (std::size_t v = 0; v < plane; ++v) {
          const std::size_t at = static_cast<std::size_t>(k) * plane + v;
          const auto v3 = static_cast<Eigen::Index>(at);
          c[v] = static_cast<float>(static_cast<double>(source[v3]) * life -
                                    lost * static_cast<double>(u[v3]));
        }
      },
      [&](int k, float* x) {
        for (std::size_t v = 0; v < plane; ++v)
          u[static_cast<Eigen::Index>(static_cast<std::size_t>(k) * plane + v)] += x[v];
      });
}

}  // namespace

TEST_CASE("DouglasSpread: the steady state is the screened one at any step length") {
  const Grid g = makeGrid(24, 20, 12, kAcross, kDeep);
  // A mean, a mode a millimetre long (near the mediators' reach) and one of two cells across,
  // where the split solves alone are furthest off.
  const Mode smooth{1, 1, 1}, sharp{6, 5, 3};
  const Field source = withModes(g, 10.0, 4.0, {smooth, sharp});
  for (double lifetimes : {0.125, 0.5, 1.0}) {
    INFO(lifetimes << " lifetimes a step");
    DouglasSpread spread(g, kDiffusivity);
    Field u = g.zeros3();
    const double h = lifetimes / kDecay;
    for (int s = 0; s < 400; ++s) stepWith(spread, u, source, h);
    CHECK(u.cast<double>().mean() == Approx(10.0 / kDecay).epsilon(1e-5));
    CHECK(amplitude(g, u, smooth) == Approx(4.0 / (kDecay + smooth.rate(g))).epsilon(1e-4));
    CHECK(amplitude(g, u, sharp) == Approx(4.0 / (kDecay + sharp.rate(g))).epsilon(1e-4));
  }
  // And the discrete steady state is the continuum's, to the grid's second-order error.
  CHECK(4.0 / (kDecay + smooth.rate(g)) ==
        Approx(4.0 / (kDecay + smooth.continuumRate(g))).epsilon(0.01));
}

TEST_CASE("DouglasSpread: the split solves alone would miss that steady state") {
  // What the correction is for: decay, then LodDiffusion over the life in the step, settles
  // the sharp mode far from the screened steady state at half a lifetime a step.
  const Grid g = makeGrid(24, 20, 12, kAcross, kDeep);
  const Mode sharp{6, 5, 3};
  const Field source = withModes(g, 10.0, 4.0, {sharp});
  const double h = 0.5 / kDecay, lost = -std::expm1(-kDecay * h), life = lost / kDecay;
  LodDiffusion lod(g, kDiffusivity, 0.0);
  Field u = g.zeros3();
  for (int s = 0; s < 120; ++s) {
    u = u * static_cast<float>(1 - lost) + source * static_cast<float>(life);
    lod.step(u, life);
  }
  const double exact = 4.0 / (kDecay + sharp.rate(g));
  CHECK(amplitude(g, u, sharp) < 0.5 * exact);
}

TEST_CASE("DouglasSpread: every mode decays, the uniform one exactly") {
  const Grid g = makeGrid(24, 20, 12, kAcross, kDeep);
  const Field none = g.zeros3();
  const double h = 0.5 / kDecay;

  SECTION("a uniform field decays at e^(-k h)") {
    DouglasSpread spread(g, kDiffusivity);
    Field u = Field::Constant(static_cast<Eigen::Index>(g.voxels()), 2.0F);
    stepWith(spread, u, none, h);
    CHECK(u.minCoeff() == Approx(2.0 * std::exp(-kDecay * h)).epsilon(1e-6));
    CHECK(u.maxCoeff() == Approx(2.0 * std::exp(-kDecay * h)).epsilon(1e-6));
  }
  SECTION("the checkerboard, which the split solves barely move, loses two thirds a step") {
    DouglasSpread spread(g, kDiffusivity);
    const Mode checkerboard{12, 10, 11};  // the fastest mode in every direction
    Field u = withModes(g, 0.0, 1.0, {checkerboard});
    const double before = amplitude(g, u, checkerboard);
    stepWith(spread, u, none, h);
    CHECK(std::abs(amplitude(g, u, checkerboard)) < before / 3.0);
  }
  SECTION("a random field's norm falls every step") {
    DouglasSpread spread(g, kDiffusivity);
    std::mt19937 rng(5);
    std::uniform_real_distribution<float> dist(0.0F, 1.0F);
    Field u = g.zeros3();
    for (Eigen::Index v = 0; v < u.size(); ++v) u[v] = dist(rng);
    double last = norm2(u);
    for (int s = 0; s < 40; ++s) {
      stepWith(spread, u, none, h);
      const double now = norm2(u);
      CHECK(now < last);
      last = now;
    }
    // Against the norm of the field's mean, 0.5: what is left is under a twentieth of it.
    CHECK(last < 0.05 * 0.5 * std::sqrt(static_cast<double>(g.voxels())));
  }
}

TEST_CASE("DouglasSpread: a zero tau passes the reactions' change through") {
  const Grid g = makeGrid(8, 6, 5, kAcross, kDeep);
  DouglasSpread spread(g, kDiffusivity);
  Field u = g.zeros3();
  for (Eigen::Index v = 0; v < u.size(); ++v) u[v] = static_cast<float>(v % 7);
  const Field before = u;
  const std::size_t plane = g.columns();
  Field seen = g.zeros3();
  spread.step(
      u, 0.0,
      [&](int k, float* c) {
        for (std::size_t v = 0; v < plane; ++v) c[v] = static_cast<float>(k) + 0.5F;
      },
      [&](int k, float* x) {
        std::memcpy(seen.data() + static_cast<std::size_t>(k) * plane, x, plane * sizeof(float));
      });
  for (int k = 0; k < g.nz; ++k)
    CHECK(seen[static_cast<Eigen::Index>(static_cast<std::size_t>(k) * plane)] ==
          Approx(k + 0.5).epsilon(1e-6));
  CHECK((u == before).all());
}

TEST_CASE("DouglasSpread: the result does not depend on the thread count") {
  const Grid g = makeGrid(64, 48, 16, kAcross, kDeep);  // large enough to run in parallel
  Field source = g.zeros3();
  std::mt19937 rng(11);
  std::uniform_real_distribution<float> dist(0.0F, 3.0F);
  for (Eigen::Index v = 0; v < source.size(); v += 97) source[v] = dist(rng);
  const auto run = [&](int threads) {
    const int was = omp_get_max_threads();
    omp_set_num_threads(threads);
    DouglasSpread spread(g, kDiffusivity);
    Field u = g.zeros3();
    for (int s = 0; s < 5; ++s) stepWith(spread, u, source, 0.5 / kDecay);
    omp_set_num_threads(was);
    return u;
  };
  const Field one = run(1), two = run(2);
  CHECK(std::memcmp(one.data(), two.data(), g.voxels() * sizeof(float)) == 0);
}

TEST_CASE("DouglasSpread: a wrong field or step is refused") {
  const Grid g = makeGrid(8, 6, 5, kAcross, kDeep);
  DouglasSpread spread(g, kDiffusivity);
  const auto nothing = [](int, float*) {};
  Field wrong = Field::Zero(10);
  CHECK_THROWS_AS(spread.step(wrong, 0.1, nothing, nothing), std::invalid_argument);
  Field u = g.zeros3();
  CHECK_THROWS_AS(spread.step(u, -0.1, nothing, nothing), std::invalid_argument);
  CHECK_THROWS_AS(spread.step(u, std::nan(""), nothing, nothing), std::invalid_argument);
}
