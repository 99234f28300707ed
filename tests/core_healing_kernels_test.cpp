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
