#include "core/tissue/NeedleTracks.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "core/numerics/Periodic.hpp"

namespace dermasim {
namespace {

// The track's elliptical cross-section at one depth, in the patch plane.
struct Section {
  double cx, cy;  // centre
  double ux, uy;  // long axis
  double a, b;    // semi-axes along and across
};

// Fraction of the column (i, j) inside the ellipse grown by `grow`, from 2 x 2 samples.
float coverage(const Grid& g, int i, int j, const Section& s, double grow) {
  const double a = s.a + grow, b = s.b + grow;
  if (a <= 0 || b <= 0) return 0.0F;
  int inside = 0;
  for (int si = 0; si < 2; ++si) {
    for (int sj = 0; sj < 2; ++sj) {
      const double x = (i + 0.25 + 0.5 * si) * g.dx_mm - s.cx;
      const double y = (j + 0.25 + 0.5 * sj) * g.dx_mm - s.cy;
      const double u = x * s.ux + y * s.uy, v = -x * s.uy + y * s.ux;
      if ((u / a) * (u / a) + (v / b) * (v / b) <= 1.0) ++inside;
    }
  }
  return static_cast<float>(inside) * 0.25F;
}

}  // namespace

TrackGeometry TrackGeometry::from(const ModelParameters& p) {
  return {p["needle.tip_half_angle_deg"], p["tracks.lumen_recoil"], p["tracks.injury_halo_mm"],
          p["tracks.bleed_volume_per_vessel_volume"], p["tracks.tether_cut_fraction"]};
}

TrackStamp stampTracks(const Grid& g, const std::vector<float>& vessels, double dermisBottomMm,
                       const std::vector<Puncture>& punctures, const TrackGeometry& geo,
                       TissueState& st) {
  const double tanTip = std::tan(geo.tip_half_angle_deg * std::numbers::pi / 180.0);

#pragma omp parallel for schedule(dynamic, 1)
  for (int k = 0; k < g.nz; ++k) {
    const double zTop = k * g.dz_mm;
    for (const Puncture& p : punctures) {
      if (p.depth_mm <= zTop) continue;
      // Partial voxel at the tip; the cone narrows the track over the last stretch.
      const float depthShare = static_cast<float>(std::min(1.0, (p.depth_mm - zTop) / g.dz_mm));
      const double halfWidth = 0.5 * p.opening_width_mm;
      // Radius halfway down the part of the voxel the needle reached.
      const double zEval = 0.5 * (zTop + std::min(zTop + g.dz_mm, p.depth_mm));
      const double radius = std::min(halfWidth, (p.depth_mm - zEval) * tanTip);
      const double scale = halfWidth > 0 ? radius / halfWidth : 0.0;
      const double theta = p.opening_direction_deg * std::numbers::pi / 180.0;
      const Section s{
          p.x_mm, p.y_mm, std::cos(theta), std::sin(theta), 0.5 * p.opening_length_mm * scale,
          radius};
      const double reach = s.a + geo.injury_halo_mm;
      const int i0 = static_cast<int>(std::floor((p.x_mm - reach) / g.dx_mm));
      const int i1 = static_cast<int>(std::floor((p.x_mm + reach) / g.dx_mm));
      const int j0 = static_cast<int>(std::floor((p.y_mm - reach) / g.dx_mm));
      const int j1 = static_cast<int>(std::floor((p.y_mm + reach) / g.dx_mm));
      Section lumen = s;
      lumen.a *= geo.lumen_recoil;
      lumen.b *= geo.lumen_recoil;
      for (int j = j0; j <= j1; ++j) {
        for (int i = i0; i <= i1; ++i) {
          // Sample in unwrapped coordinates, store in the periodic cell.
          const float hurt = coverage(g, i, j, s, geo.injury_halo_mm) * depthShare;
          if (hurt <= 0) continue;
          const std::size_t v = g.index(periodicIndex(i, g.nx), periodicIndex(j, g.ny), k);
          st.injury[static_cast<Eigen::Index>(v)] =
              std::max(st.injury[static_cast<Eigen::Index>(v)], hurt);
          const float open = coverage(g, i, j, lumen, 0.0) * depthShare;
          st.lumen[static_cast<Eigen::Index>(v)] =
              std::max(st.lumen[static_cast<Eigen::Index>(v)], open);
        }
      }
    }
  }

  // Bleeding and tether cuts accumulate per puncture in a fixed order: serial.
  TrackStamp out;
  for (const Puncture& p : punctures) {
    double cut = 0;  // vessel volume severed, mm3
    for (int k = 0; k < g.nz && k * g.dz_mm < p.depth_mm; ++k) {
      const double share = std::min(1.0, (p.depth_mm - k * g.dz_mm) / g.dz_mm);
      const double r = 0.5 * p.opening_width_mm;
      cut += static_cast<double>(vessels[static_cast<std::size_t>(k)]) * std::numbers::pi * r * r *
             g.dz_mm * share;
    }
    const double blood = cut * geo.bleed_volume_per_vessel_volume;
    out.blood_released_mm3 += blood;
    // The drop spreads over the opening and a little around it.
    const double spread = std::max(0.5 * p.opening_length_mm, g.dx_mm);
    const double area = std::numbers::pi * spread * spread;
    const int ci = static_cast<int>(std::floor(p.x_mm / g.dx_mm));
    const int cj = static_cast<int>(std::floor(p.y_mm / g.dx_mm));
    const int reach = static_cast<int>(std::ceil(spread / g.dx_mm));
    const double cutShare = geo.tether_cut_fraction * std::min(1.0, p.depth_mm / dermisBottomMm);
    for (int j = cj - reach; j <= cj + reach; ++j) {
      for (int i = ci - reach; i <= ci + reach; ++i) {
        const double dx = (i + 0.5) * g.dx_mm - p.x_mm, dy = (j + 0.5) * g.dx_mm - p.y_mm;
        if (dx * dx + dy * dy > spread * spread) continue;
        const auto c =
            static_cast<Eigen::Index>(g.column(periodicIndex(i, g.nx), periodicIndex(j, g.ny)));
        st.surface_blood_um[c] += static_cast<float>(blood / area * 1000.0);
        st.tether[c] *= static_cast<float>(1.0 - cutShare);
      }
    }
    ++out.punctures;
  }
  return out;
}

}  // namespace dermasim
