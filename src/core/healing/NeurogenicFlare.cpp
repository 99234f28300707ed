#include "core/healing/NeurogenicFlare.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <utility>

namespace dermasim {
namespace {

constexpr double kMinutesPerDay = 24.0 * 60.0;

}  // namespace

FlareParameters FlareParameters::from(const ModelParameters& p) {
  return {p["healing.flare_half_saturation"], p["healing.flare_reach_mm"],
          std::numbers::ln2 / (p["healing.flare_half_life_min"] / kMinutesPerDay),
          p["healing.flare_max_vasodilation"]};
}

NeurogenicFlare::NeurogenicFlare(const Grid& grid, const FlareParameters& parameters,
                                 std::vector<float> innervation)
    : grid_(grid),
      p_(parameters),
      innervation_(std::move(innervation)),
      // One implicit step with D dt = L^2 is the screened spread (1 - L^2 lap)^-1 per axis:
      // each puncture's stimulus falls off as e^(-r/L) and keeps its total.
      spread_(grid.onePlane(), parameters.reach_mm * parameters.reach_mm, 0.0),
      stimulus_(grid.zeros2()) {
  innervation_.resize(static_cast<std::size_t>(grid.nz), 0.0F);
  for (float w : innervation_) innervatedDepth_ += w;
}

void NeurogenicFlare::stimulate(const Field& injuryBefore, const Field& injuryAfter, Field& flare) {
  if (innervatedDepth_ <= 0) return;
  const auto columns = static_cast<Eigen::Index>(grid_.columns());
  Field fresh = grid_.zeros2();
  for (int k = 0; k < grid_.nz; ++k) {
    const float w = innervation_[static_cast<std::size_t>(k)];
    if (w <= 0) continue;
    const Eigen::Index o = k * columns;
    fresh += w * (injuryAfter.segment(o, columns) - injuryBefore.segment(o, columns)).max(0.0F);
  }
  fresh /= innervatedDepth_;
  if (fresh.maxCoeff() <= 0) return;
  spread_.step(fresh, 1.0);
  stimulus_ += fresh;
  active_ = true;
  respond(flare);
}

void NeurogenicFlare::step(double dtDays, Field& flare) {
  if (!active_) return;
  stimulus_ *= static_cast<float>(std::exp(-p_.decay_per_day * dtDays));
  // Below this the flare dilates no vessel by a millionth: the field is cleared and left.
  if (static_cast<double>(stimulus_.maxCoeff()) < 1e-6 * p_.half_saturation) {
    stimulus_.setZero();
    flare.setZero();
    active_ = false;
    return;
  }
  respond(flare);
}

void NeurogenicFlare::respond(Field& flare) const {
  const auto half = static_cast<float>(p_.half_saturation);
  const auto most = static_cast<float>(p_.max_vasodilation);
  flare = most * stimulus_ / (stimulus_ + half);
}

}  // namespace dermasim
