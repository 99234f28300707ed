// The healing model's per-voxel kernels against analytic and finely integrated solutions.

#include <catch2/catch.hpp>
#include <cmath>
#include <vector>

#include "core/healing/HealingKernels.hpp"

using namespace dermasim;

namespace {

// The infiltrate after h days under mediators falling as M0 e^(-k t) with no source,
// dI/dt = a E(M) (1 - I) - r I with E(M) = M/(1 + M), by RK4 on a fine grid.
double infiltrateExact(double m0, double i0, double k, double a, double r, double h) {
  const auto rate = [&](double t, double i) {
    const double m = m0 * std::exp(-k * t);
    return a * m / (1.0 + m) * (1.0 - i) - r * i;
  };
  constexpr int kSteps = 20000;
  const double dt = h / kSteps;
  double i = i0;
  for (int s = 0; s < kSteps; ++s) {
    const double t = s * dt;
    const double k1 = rate(t, i), k2 = rate(t + dt / 2, i + dt / 2 * k1);
    const double k3 = rate(t + dt / 2, i + dt / 2 * k2), k4 = rate(t + dt, i + dt * k3);
    i += dt / 6 * (k1 + 2 * k2 + 2 * k3 + k4);
  }
  return i;
}

}  // namespace

TEST_CASE("HealingKernels: the infiltrate follows mediators falling within a sub-step of two lives",
          "[healing]") {
  // Mediators (3 h half-life) with no source left fall by e^(-2) over a sub-step of two lives.
  // Their effect taken at the two ends' mean recruited 11-53 % too much infiltrate here;
  // Simpson's rule on their exponential path stays within 5 % (0.2-1.3 % at the higher levels).
  const double k = std::log(2.0) / (3.0 / 24.0), recruitment = 3.0;
  const double resolution = std::log(2.0) / 1.5, h = 2.0 / k;
  const std::vector<float> start{2.0F, 5.0F, 0.5F};
  const std::vector<float> infiltrate{0.1F, 0.0F, 0.3F};
  const auto n = static_cast<std::ptrdiff_t>(start.size());
  std::vector<float> mediators = start, inflammation = infiltrate;
  std::vector<float> vessels(start.size(), 0.0F), change(start.size());
  for (std::size_t c = 0; c < start.size(); ++c)
    change[c] = static_cast<float>(-std::expm1(-k * h)) * -start[c];

  MediatorRates rates{};
  rates.lost = static_cast<float>(-std::expm1(-k * h));
  rates.vaso_keep = static_cast<float>(std::exp(-24.0 * h));
  rates.vaso_lag = static_cast<float>(-std::expm1(-24.0 * h) / (24.0 * h));
  rates.h = static_cast<float>(h);
  rates.recruitment = static_cast<float>(recruitment);
  rates.resolution = static_cast<float>(resolution);
  rates.half_keep = static_cast<float>(std::exp(-0.5 * k * h));
  PlaneFields fields{};
  fields.mediators = mediators.data();
  fields.vasodilation = vessels.data();
  fields.inflammation = inflammation.data();
  fields.mediator_change = change.data();
  const float largest = reactMediators(fields, rates, n);

  const double fall = std::exp(-k * h);
  CHECK(static_cast<double>(largest) == Approx(static_cast<double>(start[1]) * fall).epsilon(1e-5));
  for (std::size_t c = 0; c < start.size(); ++c) {
    const auto m0 = static_cast<double>(start[c]), i0 = static_cast<double>(infiltrate[c]);
    const double exact = infiltrateExact(m0, i0, k, recruitment, resolution, h);
    INFO("M0 " << start[c] << ", I0 " << infiltrate[c] << ": infiltrate " << inflammation[c]
               << ", exact " << exact);
    CHECK(static_cast<double>(mediators[c]) == Approx(m0 * fall).epsilon(1e-5));
    CHECK(std::abs(static_cast<double>(inflammation[c]) - exact) < 0.06 * std::abs(exact - i0));
  }
}

TEST_CASE("HealingKernels: new matrix turns over toward the untreated matrix, disordered or not",
          "[healing]") {
  // The matrix kernel finds each voxel's untreated matrix from its deficit and disorder rather
  // than reading it: collagen and elastin above it must relax toward exactly that level.
  const MatrixMakeup makeup{1.0F, 0.2F, 1.0F, 0.5F, 0.6F, 0.4F};
  const std::vector<float> deficit{0.0F, 0.25F, 0.5F}, disorder{0.0F, 0.5F, 1.0F};
  // By hand: type III share 0.2, 0.45 and 0.7 capped at 0.6; elastin less 0, 20 and 40 %.
  const std::vector<UntreatedMatrix> expected{
      {0.8F, 0.2F, 1.0F}, {0.4125F, 0.3375F, 0.6F}, {0.2F, 0.3F, 0.3F}};
  for (std::size_t c = 0; c < deficit.size(); ++c) {
    const UntreatedMatrix m = untreatedMatrix(makeup, deficit[c], disorder[c]);
    CHECK(m.collagen1 == Approx(expected[c].collagen1));
    CHECK(m.collagen3 == Approx(expected[c].collagen3));
    CHECK(m.elastin == Approx(expected[c].elastin));
  }

  // One step with nothing laid down: what lies above the untreated matrix halves.
  PlaneRates rates{};
  rates.dt = 1.0F;
  rates.inv_cap = 0.5F;
  rates.mature_keep = 1.0F;
  rates.collagen_keep = 0.5F;
  rates.crosslink_keep = rates.crosslink_new_keep = 1.0F;
  rates.tolerance = 1.0F;
  rates.inv_elastin_cap = 0.5F;
  rates.elastin_keep = 0.5F;
  rates.makeup = makeup;
  const auto step = [&](const std::vector<float>& disorderOfPlane, bool readDisorder) {
    const std::size_t n = deficit.size();
    std::vector<float> c1(n), c3(n), elastin(n), zeros(n, 0.0F), refilling(n, 0.0F),
        refilled(n, 0.0F);
    for (std::size_t c = 0; c < n; ++c) {
      const UntreatedMatrix m = untreatedMatrix(makeup, deficit[c], disorderOfPlane[c]);
      c1[c] = m.collagen1 + 0.1F;
      c3[c] = m.collagen3;
      elastin[c] = m.elastin + 0.05F;
    }
    PlaneFields f{};
    f.deficit = deficit.data();
    f.disorder = readDisorder ? disorderOfPlane.data() : nullptr;
    f.collagen1 = c1.data();
    f.collagen3 = c3.data();
    f.elastin = elastin.data();
    f.refilling = refilling.data();
    f.refilled = refilled.data();
    f.fibroblasts_mean = f.remodelling = zeros.data();
    f.inflammation = zeros.data();
    reactMatrix(f, rates, static_cast<std::ptrdiff_t>(n));
    for (std::size_t c = 0; c < n; ++c) {
      const UntreatedMatrix m = untreatedMatrix(makeup, deficit[c], disorderOfPlane[c]);
      INFO("voxel " << c << (readDisorder ? ", disorder read" : ", no disorder"));
      CHECK(c1[c] == Approx(m.collagen1 + 0.05F).epsilon(1e-6));
      CHECK(c3[c] == Approx(m.collagen3).epsilon(1e-6));
      CHECK(elastin[c] == Approx(m.elastin + 0.025F).epsilon(1e-6));
    }
  };
  step(disorder, true);
  step(std::vector<float>(deficit.size(), 0.0F), false);
}
