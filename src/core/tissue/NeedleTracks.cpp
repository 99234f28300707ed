#include "core/tissue/NeedleTracks.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "core/numerics/Periodic.hpp"
#include "core/tissue/TrackSection.hpp"

namespace dermasim {
namespace {

// Vessel volume under one unit of skin area, from the surface down to `depthMm`, mm3/mm2.
// Vessels below the grid's bottom are not modelled, so a deeper needle cuts no more.
double vesselVolumeDownTo(const Grid& g, const std::vector<float>& vessels, double depthMm) {
  double sum = 0;
  for (int k = 0; k < g.nz && k * g.dz_mm < depthMm; ++k) {
    const double share = std::min(1.0, (depthMm - k * g.dz_mm) / g.dz_mm);
    sum += static_cast<double>(vessels[static_cast<std::size_t>(k)]) * g.dz_mm * share;
  }
  return sum;
}

// What one session has already drained from the tissue, at the same 2 x 2 samples per column
// as the tracks: a vessel cut once bleeds once, however many needles pass through it again.
// Each sample remembers the vessel volume per unit area already cut above the depth reached
// there; since that volume only grows with depth, it stands for "cut down to this depth".
class SeveredVessels {
 public:
  explicit SeveredVessels(const Grid& g) : g_(g), cut_(4 * g.columns(), 0.0) {}

  // Cuts the disc of radius `radiusMm` around (x, y) down to where the vessel volume per unit
  // area reaches `vesselsToDepth`; returns the vessel volume newly severed, mm3.
  double cut(double x, double y, double radiusMm, double vesselsToDepth) {
    if (radiusMm <= 0) return 0.0;
    const double sampleArea = 0.25 * g_.dx_mm * g_.dx_mm;
    const int i0 = static_cast<int>(std::floor((x - radiusMm) / g_.dx_mm));
    const int i1 = static_cast<int>(std::floor((x + radiusMm) / g_.dx_mm));
    const int j0 = static_cast<int>(std::floor((y - radiusMm) / g_.dx_mm));
    const int j1 = static_cast<int>(std::floor((y + radiusMm) / g_.dx_mm));
    double severed = 0;
    for (int j = j0; j <= j1; ++j) {
      for (int i = i0; i <= i1; ++i) {
        const std::size_t column = g_.column(periodicIndex(i, g_.nx), periodicIndex(j, g_.ny));
        for (int sj = 0; sj < 2; ++sj) {
          for (int si = 0; si < 2; ++si) {
            const double dx = (i + 0.25 + 0.5 * si) * g_.dx_mm - x;
            const double dy = (j + 0.25 + 0.5 * sj) * g_.dx_mm - y;
            if (dx * dx + dy * dy > radiusMm * radiusMm) continue;
            double& already = cut_[4 * column + static_cast<std::size_t>(2 * sj + si)];
            if (vesselsToDepth <= already) continue;
            severed += (vesselsToDepth - already) * sampleArea;
            already = vesselsToDepth;
          }
        }
      }
    }
    return severed;
  }

 private:
  const Grid& g_;
  std::vector<double> cut_;  // per column, 4 samples, x fastest within the column
};

}  // namespace

TrackGeometry TrackGeometry::from(const ModelParameters& p) {
  return {p["needle.tip_half_angle_deg"], p["tracks.lumen_recoil"], p["tracks.injury_halo_mm"],
          p["tracks.bleed_volume_per_vessel_volume"]};
}

TrackStamp stampTracks(const Grid& g, const std::vector<float>& vessels,
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
      const TrackSection s = trackSection(p, zTop, zTop + g.dz_mm, tanTip);
      const auto [i0, i1, j0, j1] = s.columns(g, geo.injury_halo_mm);
      for (int j = j0; j <= j1; ++j) {
        for (int i = i0; i <= i1; ++i) {
          // Sample in unwrapped coordinates, store in the periodic cell.
          const float hurt = s.coverage(g, i, j, geo.injury_halo_mm) * depthShare;
          if (hurt <= 0) continue;
          const std::size_t v = g.index(periodicIndex(i, g.nx), periodicIndex(j, g.ny), k);
          st.injury[static_cast<Eigen::Index>(v)] =
              std::max(st.injury[static_cast<Eigen::Index>(v)], hurt);
        }
      }
    }
  }

  // Bleeding accumulates per puncture in a fixed order: serial. Each puncture
  // bleeds from the vessels its shaft cuts that no earlier puncture of this session has cut.
  TrackStamp out;
  SeveredVessels severed(g);
  std::vector<Eigen::Index> spreadColumns;
  for (const Puncture& p : punctures) {
    const double cut = severed.cut(p.x_mm, p.y_mm, 0.5 * p.opening_width_mm,
                                   vesselVolumeDownTo(g, vessels, p.depth_mm));
    const double blood = cut * geo.bleed_volume_per_vessel_volume;
    out.blood_released_mm3 += blood;
    // The drop spreads over the opening and a little around it, over whole columns: shared by
    // the columns it covers, so the film holds exactly the blood released.
    const double spread = std::max(0.5 * p.opening_length_mm, g.dx_mm);
    const int ci = static_cast<int>(std::floor(p.x_mm / g.dx_mm));
    const int cj = static_cast<int>(std::floor(p.y_mm / g.dx_mm));
    const int reach = static_cast<int>(std::ceil(spread / g.dx_mm));
    spreadColumns.clear();
    for (int j = cj - reach; j <= cj + reach; ++j) {
      for (int i = ci - reach; i <= ci + reach; ++i) {
        const double dx = (i + 0.5) * g.dx_mm - p.x_mm, dy = (j + 0.5) * g.dx_mm - p.y_mm;
        if (dx * dx + dy * dy > spread * spread) continue;
        spreadColumns.push_back(
            static_cast<Eigen::Index>(g.column(periodicIndex(i, g.nx), periodicIndex(j, g.ny))));
      }
    }
    // Never empty: the centre of the column holding the puncture is within dx of it.
    const double area = static_cast<double>(spreadColumns.size()) * g.dx_mm * g.dx_mm;
    for (const Eigen::Index c : spreadColumns) {
      st.surface_blood_um[c] += static_cast<float>(blood / area * 1000.0);
    }
    ++out.punctures;
  }
  return out;
}

}  // namespace dermasim
