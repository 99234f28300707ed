#include "core/numerics/LodDiffusion.hpp"

#include "GridSupport.hpp"

#include <omp.h>

#include <Eigen/Dense>
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstring>
#include <random>
#include <vector>

using namespace dermasim;

namespace {

constexpr double kPi = 3.14159265358979323846;

double total(const Field& u) {
  double sum = 0.0;
  for (Eigen::Index i = 0; i < u.size(); ++i) sum += static_cast<double>(u[i]);
  return sum;
}

Field randomField(const Grid& g, unsigned seed, float low, float high) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<float> dist(low, high);
  Field u = g.zeros3();
  for (Eigen::Index i = 0; i < u.size(); ++i) u[i] = dist(rng);
  return u;
}

// The slowest Neumann-compatible mode of the periodic x, y and no-flux z box, at the cell
// centres (where it is an exact eigenvector of the discrete operator, so only the eigenvalue
// and the time stepping make errors).
struct CosineMode {
  Grid grid;
  double diffusivity, decay;

  double rate() const {
    const double lx = grid.nx * grid.dx_mm, ly = grid.ny * grid.dx_mm, lz = grid.nz * grid.dz_mm;
    const double k2 = std::pow(2 * kPi / lx, 2) + std::pow(2 * kPi / ly, 2) + std::pow(kPi / lz, 2);
    return diffusivity * k2 + decay;
  }
  Field at(double t) const {
    const double lx = grid.nx * grid.dx_mm, ly = grid.ny * grid.dx_mm, lz = grid.nz * grid.dz_mm;
    const double amplitude = std::exp(-rate() * t);
    Field u = grid.zeros3();
    for (int k = 0; k < grid.nz; ++k)
      for (int j = 0; j < grid.ny; ++j)
        for (int i = 0; i < grid.nx; ++i) {
          const double x = (i + 0.5) * grid.dx_mm, y = (j + 0.5) * grid.dx_mm,
                       z = (k + 0.5) * grid.dz_mm;
          u[static_cast<Eigen::Index>(grid.index(i, j, k))] =
              static_cast<float>(amplitude * std::cos(2 * kPi * x / lx) *
                                 std::cos(2 * kPi * y / ly) * std::cos(kPi * z / lz));
        }
    return u;
  }
  Field run(double t_end, int steps) const {
    LodDiffusion solver(grid, diffusivity, decay);
    Field u = at(0.0);
    for (int s = 0; s < steps; ++s) solver.step(u, t_end / steps);
    return u;
  }
};

// Relative to the largest |exact| value: the sampled peak of the mode changes with the grid.
double relativeError(const Field& numeric, const Field& exact) {
  double worst = 0.0, peak = 0.0;
  for (Eigen::Index i = 0; i < exact.size(); ++i) {
    worst =
        std::max(worst, std::abs(static_cast<double>(numeric[i]) - static_cast<double>(exact[i])));
    peak = std::max(peak, std::abs(static_cast<double>(exact[i])));
  }
  return worst / peak;
}

double maxError(const Field& a, const Field& b) {
  double worst = 0.0;
  for (Eigen::Index i = 0; i < a.size(); ++i)
    worst = std::max(worst, std::abs(static_cast<double>(a[i]) - static_cast<double>(b[i])));
  return worst;
}

// Reference for one split step in double precision: dense solves of the 1-D matrices.
Eigen::MatrixXd lineMatrix(int n, double r, bool periodic) {
  Eigen::MatrixXd a = Eigen::MatrixXd::Identity(n, n);
  for (int i = 0; i < n; ++i) {
    for (int side : {-1, 1}) {
      int j = i + side;
      if (periodic) j = (j + n) % n;
      if (j < 0 || j >= n || j == i) continue;
      a(i, i) += r;
      a(i, j) -= r;
    }
  }
  return a;
}

std::vector<double> referenceStep(const Grid& g, std::vector<double> u, double d, double decay,
                                  double dt) {
  const double rx = d * dt / (g.dx_mm * g.dx_mm), rz = d * dt / (g.dz_mm * g.dz_mm);
  const Eigen::MatrixXd ax = lineMatrix(g.nx, rx, true).inverse();
  const Eigen::MatrixXd ay = lineMatrix(g.ny, rx, true).inverse();
  const Eigen::MatrixXd az = lineMatrix(g.nz, rz, false).inverse();
  auto apply = [&](const Eigen::MatrixXd& inv, int n, int others1, int others2, auto indexOf) {
    for (int b = 0; b < others2; ++b)
      for (int a = 0; a < others1; ++a) {
        Eigen::VectorXd line(n);
        for (int t = 0; t < n; ++t) line[t] = u[indexOf(t, a, b)];
        line = inv * line;
        for (int t = 0; t < n; ++t) u[indexOf(t, a, b)] = line[t];
      }
  };
  apply(ax, g.nx, g.ny, g.nz, [&](int t, int a, int b) { return g.index(t, a, b); });
  apply(ay, g.ny, g.nx, g.nz, [&](int t, int a, int b) { return g.index(a, t, b); });
  apply(az, g.nz, g.nx, g.ny, [&](int t, int a, int b) { return g.index(a, b, t); });
  for (double& v : u) v *= std::exp(-decay * dt);
  return u;
}

}  // namespace

TEST_CASE("LodDiffusion matches dense solves of the split step, tiny grids included") {
  // Includes more rows than one x block (300) and more columns than one z chunk (20 x 21 with
  // 200 layers), both with a remainder.
  for (const Grid& g :
       {makeGrid(1, 1, 1), makeGrid(2, 3, 1), makeGrid(3, 2, 2), makeGrid(5, 4, 3),
        makeGrid(17, 19, 6), makeGrid(40, 3, 7), makeGrid(6, 300, 2), makeGrid(20, 21, 200)}) {
    for (double dt : {0.001, 0.05, 3.0}) {
      CAPTURE(g.nx, g.ny, g.nz, dt);
      const double d = 0.2, decay = 0.7;
      Field u = randomField(g, 7, 0.0f, 1.0f);
      std::vector<double> ref(u.data(), u.data() + u.size());
      ref = referenceStep(g, ref, d, decay, dt);
      LodDiffusion solver(g, d, decay);
      solver.step(u, dt);
      double worst = 0.0;
      for (std::size_t i = 0; i < ref.size(); ++i)
        worst = std::max(worst,
                         std::abs(static_cast<double>(u[static_cast<Eigen::Index>(i)]) - ref[i]));
      CHECK(worst < 2e-6);
    }
  }
}

TEST_CASE("LodDiffusion converges to the analytic cosine mode at second order in space") {
  // The mode decays by about e^-1.5 over the run (D k^2 t = 1, lambda t = 0.5). Richardson
  // extrapolation in time (2 u(dt/2) - u(dt)) removes the first-order time error, so a few
  // hundred steps leave the spatial error dominant.
  const double d = 1.0 / (9 * kPi * kPi), decay = 0.5, t_end = 1.0;
  std::vector<double> errors;
  for (int n : {8, 16, 32}) {
    const CosineMode mode{makeGrid(n, n, n / 2, 1.0 / n, 2.0 / n), d, decay};
    const Field extrapolated = 2.0f * mode.run(t_end, 400) - mode.run(t_end, 200);
    errors.push_back(relativeError(extrapolated, mode.at(t_end)));
  }
  const double order1 = std::log2(errors[0] / errors[1]);
  const double order2 = std::log2(errors[1] / errors[2]);
  CAPTURE(errors[0], errors[1], errors[2], order1, order2);
  CHECK(order1 > 1.7);
  CHECK(order1 < 2.3);
  CHECK(order2 > 1.7);
  CHECK(order2 < 2.3);
}

TEST_CASE("LodDiffusion converges to the analytic cosine mode at first order in time") {
  // A fine grid: its spatial error (~8e-4 relative) is small next to the time errors
  // (~1e-2 to 4e-2) at D k^2 dt = 0.2, 0.1, 0.05.
  const double d = 1.0 / (9 * kPi * kPi), decay = 0.5, t_end = 1.0;
  const CosineMode mode{makeGrid(64, 64, 32, 1.0 / 64, 2.0 / 64), d, decay};
  const Field exact = mode.at(t_end);
  std::vector<double> errors;
  for (int steps : {5, 10, 20}) errors.push_back(relativeError(mode.run(t_end, steps), exact));
  const double order1 = std::log2(errors[0] / errors[1]);
  const double order2 = std::log2(errors[1] / errors[2]);
  CAPTURE(errors[0], errors[1], errors[2], order1, order2);
  CHECK(order1 > 0.8);
  CHECK(order1 < 1.2);
  CHECK(order2 > 0.8);
  CHECK(order2 < 1.2);
}

TEST_CASE("LodDiffusion conserves the total amount without decay") {
  const Grid g = makeGrid(40, 30, 20);
  const double volume = g.voxelVolumeMm3();
  for (double d : {1e-4, 0.1, 10.0}) {
    CAPTURE(d);
    LodDiffusion solver(g, d, 0.0);
    Field u = randomField(g, 11, 0.0f, 2.0f);
    const double before = total(u) * volume;
    // Mixed step sizes, minutes to a day, exercise the coefficient cache as well.
    for (int s = 0; s < 300; ++s) solver.step(u, s % 3 == 0 ? 0.007 : (s % 3 == 1 ? 0.1 : 1.0));
    const double after = total(u) * volume;
    const double drift = std::abs(after - before) / before;
    CAPTURE(drift);
    CHECK(drift < 1e-6);
  }
}

TEST_CASE("LodDiffusion keeps a point release non-negative for huge steps") {
  const Grid g = makeGrid(33, 28, 17);
  for (double d : {1e-4, 1.0, 10.0}) {
    for (double dt : {1.0, 100.0}) {
      CAPTURE(d, dt);
      LodDiffusion solver(g, d, 0.3);
      Field u = g.zeros3();
      u[static_cast<Eigen::Index>(g.index(5, 20, 0))] = 1000.0f;
      for (int s = 0; s < 3; ++s) {
        solver.step(u, dt);
        CHECK(u.minCoeff() >= 0.0f);
      }
      CHECK(std::isfinite(total(u)));
      CHECK(total(u) > 0.0);
    }
  }
}

TEST_CASE("LodDiffusion with no diffusivity only decays, by exp(-lambda t)") {
  const Grid g = makeGrid(21, 13, 9);
  const double decay = 2.0, dt = 0.3;
  LodDiffusion solver(g, 0.0, decay);
  const Field start = randomField(g, 3, 0.1f, 5.0f);
  Field u = start;
  solver.step(u, dt);
  const Field oneStep = start * static_cast<float>(std::exp(-decay * dt));
  CHECK(maxError(u, oneStep) <= 5.0 * 1.2e-7 * static_cast<double>(start.maxCoeff()));
  for (int s = 1; s < 5; ++s) solver.step(u, dt);
  double worst = 0.0;
  for (Eigen::Index i = 0; i < u.size(); ++i) {
    const double expected = static_cast<double>(start[i]) * std::exp(-5 * decay * dt);
    worst = std::max(worst, std::abs(static_cast<double>(u[i]) - expected) / expected);
  }
  CHECK(worst < 1e-6);
}

TEST_CASE("LodDiffusion gives bitwise the same result on 1 and 2 threads") {
  const Grid g = makeGrid(50, 37, 23);
  const Field start = randomField(g, 5, 0.0f, 1.0f);
  const int previous = omp_get_max_threads();
  auto run = [&](int threads) {
    omp_set_num_threads(threads);
    LodDiffusion solver(g, 0.5, 0.1);
    Field u = start;
    for (double dt : {0.05, 0.007, 1.0}) solver.step(u, dt);
    return u;
  };
  const Field one = run(1), two = run(2);
  omp_set_num_threads(previous);
  REQUIRE(one.size() == two.size());
  const std::size_t bytes = sizeof(float) * static_cast<std::size_t>(one.size());
  CHECK(std::memcmp(one.data(), two.data(), bytes) == 0);
  CHECK(maxError(one, start) > 0.0);
}

TEST_CASE("LodDiffusion leaves a uniform field uniform") {
  const Grid g = makeGrid(48, 40, 30);
  for (double d : {1e-4, 1.0, 10.0}) {
    CAPTURE(d);
    LodDiffusion solver(g, d, 0.0);
    const float level = 0.7f;  // not a round binary number, so roundings do happen
    Field u = Field::Constant(static_cast<Eigen::Index>(g.voxels()), level);
    for (int s = 0; s < 20; ++s) solver.step(u, s % 2 == 0 ? 1.0 : 0.007);
    // A few float ulps (1.2e-7 relative each) at most.
    CHECK(std::abs(u.maxCoeff() - level) <= 1e-6f * level);
    CHECK(std::abs(u.minCoeff() - level) <= 1e-6f * level);
  }
}

TEST_CASE("LodDiffusion rejects a mismatched field and a negative step") {
  const Grid g = makeGrid(4, 4, 4);
  LodDiffusion solver(g, 1.0, 0.0);
  Field wrong = Field::Zero(10);
  CHECK_THROWS_AS(solver.step(wrong, 0.1), std::invalid_argument);
  Field u = g.zeros3();
  CHECK_THROWS_AS(solver.step(u, -0.1), std::invalid_argument);
  CHECK_THROWS_AS(LodDiffusion(g, -1.0, 0.0), std::invalid_argument);
}
