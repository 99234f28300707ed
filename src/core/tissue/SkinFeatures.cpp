// Linear features (fine lines, stretch marks, surgical scars) and enlarged pores.

#include "core/tissue/SkinFeatures.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace dermasim {

FeatureMap::FeatureMap(const Grid& g)
    : depth(Eigen::ArrayXd::Zero(static_cast<Eigen::Index>(g.columns()))),
      range_bottom(depth),
      disorder(depth),
      disorder_bottom(depth),
      tether(g.zeros2()),
      lining(g.zeros2()),
      scar_index(g.zeros2()) {}

bool FeatureMap::stamp(std::size_t column, double depthMm, double rangeBottomMm,
                       double disorderValue, double disorderBottomMm) {
  const auto c = static_cast<Eigen::Index>(column);
  if (disorderValue > 0.0) {
    disorder[c] = std::max(disorder[c], disorderValue);
    disorder_bottom[c] = std::max(disorder_bottom[c], disorderBottomMm);
  }
  if (!(depthMm > depth[c])) return false;
  depth[c] = depthMm;
  range_bottom[c] = rangeBottomMm;
  return true;
}

namespace {

// A furrow or band running along x, its centre line waving once across the patch so it
// stays periodic yet does not look ruled.
struct Furrow {
  double y_mm = 0, wave_mm = 0, phase = 0;
  double width_mm = 0, depth_mm = 0, wall = 1;
  double range_bottom_mm = 0;
  double disorder = 0, disorder_bottom_mm = 0;
};

void stampFurrow(FeatureMap& m, const FeatureFrame& f, const Furrow& u) {
  const Grid& g = f.grid;
  const double period = f.patchMm();
  const double radius = 0.5 * u.width_mm;
  const double depth = std::min(u.depth_mm, f.max_depth_mm);
  if (depth <= 0.0) return;
  for (int i = 0; i < g.nx; ++i) {
    const double x = (i + 0.5) * g.dx_mm;
    const double centre =
        u.y_mm + u.wave_mm * std::sin(2.0 * std::numbers::pi * x / period + u.phase);
    for (int j = 0; j < g.ny; ++j) {
      const double r = std::abs(wrappedOffsetMm((j + 0.5) * g.dx_mm, centre, period));
      const double s = depth * flatFloorProfile(r, radius, u.wall);
      if (s <= 0.0) continue;
      m.stamp(g.column(i, j), s, u.range_bottom_mm, u.disorder * std::min(1.0, 2.0 * s / depth),
              u.disorder_bottom_mm);
    }
  }
}

// n furrows evenly spread across the patch with a random common offset and some jitter.
std::vector<Furrow> spreadFurrows(int n, double period, double maxWaveMm, CounterRandom& rng) {
  std::vector<Furrow> furrows(static_cast<std::size_t>(n));
  const double offset = rng.uniform();
  for (int i = 0; i < n; ++i) {
    Furrow& u = furrows[static_cast<std::size_t>(i)];
    u.y_mm = (i + offset + 0.1 * rng.normal()) * period / n;
    u.wave_mm = rng.uniform(0.0, maxWaveMm);
    u.phase = rng.uniform(0.0, 2.0 * std::numbers::pi);
  }
  return furrows;
}

}  // namespace

void addFineLines(FeatureMap& m, const FeatureFrame& f, const BaselineParameters& p) {
  CounterRandom rng = f.stream(3);
  const double period = f.patchMm();
  const int n = std::max(1, static_cast<int>(std::lround(period / p.line_spacing_mm)));
  for (Furrow u : spreadFurrows(n, period, p.line_wave_mm, rng)) {
    u.width_mm = p.line_width_mm * spreadFactor(rng, p.line_width_spread);
    u.depth_mm = p.line_depth_um / 1000.0 * spreadFactor(rng, p.line_depth_spread);
    u.wall = 1.0;  // a rounded V
    // Fine lines are a papillary-dermis change.
    u.range_bottom_mm = f.layers.papillaryBottomMm();
    stampFurrow(m, f, u);
  }
}

void addStretchMarks(FeatureMap& m, const FeatureFrame& f, const BaselineParameters& p) {
  CounterRandom rng = f.stream(4);
  const double period = f.patchMm();
  const int n = rng.uniform() < 0.5 ? 1 : 2;
  for (Furrow u : spreadFurrows(n, period, p.striae_wave_mm, rng)) {
    // As wide as drawn, whatever the patch: bands wider than their spacing merge, as they
    // would on skin.
    u.width_mm = p.striae_width_mm * spreadFactor(rng, p.striae_width_spread);
    u.depth_mm = p.striae_depth_um / 1000.0 * spreadFactor(rng, p.striae_depth_spread);
    u.wall = p.striae_wall_fraction;
    u.range_bottom_mm = f.dermisDepthMm(p.feature_range_fraction);
    // Striae disorganise the whole dermis, not just the part that is missing.
    u.disorder = p.striae_disorder;
    u.disorder_bottom_mm = f.layers.totalMm();
    stampFurrow(m, f, u);
  }
}

void addSurgicalScar(FeatureMap& m, const FeatureFrame& f, const BaselineParameters& p) {
  CounterRandom rng = f.stream(5);
  for (Furrow u : spreadFurrows(1, f.patchMm(), p.surgical_wave_mm, rng)) {
    u.width_mm = p.surgical_width_mm;
    u.depth_mm = p.surgical_depth_um / 1000.0;
    u.wall = p.surgical_wall_fraction;
    u.range_bottom_mm = f.dermisDepthMm(p.feature_range_fraction);
    // An incision heals as scar through the full thickness of the dermis.
    u.disorder = p.surgical_disorder;
    u.disorder_bottom_mm = f.layers.totalMm();
    stampFurrow(m, f, u);
  }
}

void addEnlargedPores(FeatureMap& m, const FeatureFrame& f, const BaselineParameters& p) {
  CounterRandom rng = f.stream(6);
  const double period = f.patchMm();
  const auto n = std::lround(p.pore_density_cm2 * period * period / 100.0);
  const double rangeBottom = f.dermisDepthMm(p.feature_range_fraction);
  for (long k = 0; k < n; ++k) {
    const double x = rng.uniform(0.0, period), y = rng.uniform(0.0, period);
    const double radius = 0.5 * p.pore_width_mm * spreadFactor(rng, p.pore_width_spread);
    const double depth =
        std::min(p.pore_depth_mm * spreadFactor(rng, p.pore_depth_spread), f.max_depth_mm);
    forEachColumnNear(f.grid, x, y, radius, [&](std::size_t c, double r) {
      // A funnel: the follicular opening narrows smoothly into the skin.
      m.stamp(c, depth * flatFloorProfile(r, radius, 1.0), rangeBottom, 0.0, 0.0);
    });
  }
}

}  // namespace dermasim
