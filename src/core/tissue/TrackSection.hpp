#pragma once
// The cross-section of a needle track at one depth: an ellipse in the patch plane, as wide as
// the opening near the surface and narrowing along the needle's conical tip. Stamping the
// injury (NeedleTracks) and tracking each open channel (healing/NeedleChannels) share it.
//
//   const TrackSection s = trackSection(puncture, zTop, zTop + dz, std::tan(tipHalfAngle));
//   float share = s.coverage(grid, i, j, 0.0);  // of column (i, j) inside the ellipse

#include "core/devices/Puncture.hpp"
#include "core/numerics/Grid.hpp"

namespace dermasim {

struct TrackSection {
  double cx = 0, cy = 0;  // centre
  double ux = 1, uy = 0;  // long axis
  double a = 0, b = 0;    // semi-axes along and across

  // Fraction of column (i, j) inside the ellipse grown by `grow` (mm) on both axes, from
  // 2 x 2 samples; (i, j) unwrapped, so a section across the patch's edge is sampled whole.
  float coverage(const Grid& g, int i, int j, double grow) const;  // inline, below
  // The columns (unwrapped) the ellipse grown by `grow` can touch, bounds included.
  struct Columns {
    int i0, i1, j0, j1;
  };
  Columns columns(const Grid& g, double grow) const;
  TrackSection scaled(double factor) const;
  TrackSection shrunk(double byMm) const;
};

// The section halfway down the part of the slab [zTop, zBottom) the needle reached.
TrackSection trackSection(const Puncture& p, double zTop, double zBottom, double tanTip);
// Its semi-axes alone (along, across), without the trigonometry of its orientation.
struct SemiAxes {
  double a, b;
};
SemiAxes trackSemiAxes(const Puncture& p, double zTop, double zBottom, double tanTip);

// Inline: it runs for every column under every track section, each session (~4 % of a
// series' time as a call).
inline float TrackSection::coverage(const Grid& g, int i, int j, double grow) const {
  const double ga = a + grow, gb = b + grow;
  if (ga <= 0 || gb <= 0) return 0.0F;
  // Two divisions a column rather than eight: divisions bounded the stamping.
  const double ia = 1.0 / ga, ib = 1.0 / gb;
  int inside = 0;
  for (int si = 0; si < 2; ++si) {
    for (int sj = 0; sj < 2; ++sj) {
      const double x = (i + 0.25 + 0.5 * si) * g.dx_mm - cx;
      const double y = (j + 0.25 + 0.5 * sj) * g.dx_mm - cy;
      const double u = (x * ux + y * uy) * ia, v = (-x * uy + y * ux) * ib;
      if (u * u + v * v <= 1.0) ++inside;
    }
  }
  return static_cast<float>(inside) * 0.25F;
}

}  // namespace dermasim
