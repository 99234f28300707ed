#pragma once
// The fine random relief every skin has: a smooth, periodic random field.

#include <Eigen/Core>

#include "core/numerics/CounterRandom.hpp"
#include "core/numerics/Grid.hpp"

namespace dermasim {

// Depth below the reference surface, per column (mm, >= 0): white noise smoothed by a
// Gaussian of standard deviation `correlation_mm`, its upper half flattened to plateaus
// (depth 0), scaled so its roughness Ra (mean absolute deviation from the mean) is exactly
// `ra_mm`. Periodic like the grid.
Eigen::ArrayXd surfaceTexture(const Grid& grid, double ra_mm, double correlation_mm,
                              CounterRandom rng);

// Ra of a height or depth map: mean absolute deviation from its mean.
double roughnessRa(const Eigen::ArrayXd& depth);

}  // namespace dermasim
