#include "core/readout/ScarProfilometry.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <limits>

#include "core/numerics/Periodic.hpp"

namespace dermasim {
namespace {

// Below this many columns a ring says too little about the skin around a scar to fit a plane
// to; it is widened.
constexpr std::size_t kMinRingColumns = 8;

double wrappedOffset(double d, double period) { return d - period * std::round(d / period); }

std::size_t typeSlot(ScarType t) {
  switch (t) {
    case ScarType::Rolling:
      return 0;
    case ScarType::Boxcar:
      return 1;
    case ScarType::Icepick:
      return 2;
  }
  return 1;
}

// Footprint columns with a side neighbour outside the footprint: the only ones that can be
// nearest to a column outside it.
std::vector<Eigen::Index> footprintEdge(const Grid& g, const Field& index, float id) {
  std::vector<Eigen::Index> edge;
  for (int j = 0; j < g.ny; ++j)
    for (int i = 0; i < g.nx; ++i) {
      if (index[static_cast<Eigen::Index>(g.column(i, j))] != id) continue;
      const std::array<std::size_t, 4> neighbours{
          g.column(periodicIndex(i - 1, g.nx), j), g.column(periodicIndex(i + 1, g.nx), j),
          g.column(i, periodicIndex(j - 1, g.ny)), g.column(i, periodicIndex(j + 1, g.ny))};
      for (std::size_t n : neighbours)
        if (index[static_cast<Eigen::Index>(n)] != id) {
          edge.push_back(static_cast<Eigen::Index>(g.column(i, j)));
          break;
        }
    }
  return edge;
}

// Distance (mm, centre to centre, nearest periodic image) from each column to the footprint
// whose edge is `edge`, for columns within `reachMm` of it; the rest stay infinite.
void distancesFromFootprint(const Grid& g, const std::vector<Eigen::Index>& edge, double reachMm,
                            std::vector<double>& dist) {
  std::fill(dist.begin(), dist.end(), std::numeric_limits<double>::infinity());
  // Half the grid each way reaches every column once at its nearest image.
  const int reach = static_cast<int>(std::ceil(reachMm / g.dx_mm));
  const int rx = std::min(reach, g.nx / 2), ry = std::min(reach, g.ny / 2);
  struct Step {
    int di, dj;
    double mm;
  };
  std::vector<Step> disc;
  for (int dj = -ry; dj <= ry; ++dj)
    for (int di = -rx; di <= rx; ++di) {
      const double d = g.dx_mm * std::hypot(di, dj);
      if (d <= reachMm) disc.push_back({di, dj, d});
    }
  // Folded indices looked up rather than computed: this loop is most of the set-up.
  std::vector<std::size_t> foldedI, foldedJ;
  for (int i = -rx; i < g.nx + rx; ++i)
    foldedI.push_back(static_cast<std::size_t>(periodicIndex(i, g.nx)));
  for (int j = -ry; j < g.ny + ry; ++j)
    foldedJ.push_back(static_cast<std::size_t>(periodicIndex(j, g.ny)) *
                      static_cast<std::size_t>(g.nx));
  for (Eigen::Index e : edge) {
    const int ei = static_cast<int>(e % g.nx) + rx, ej = static_cast<int>(e / g.nx) + ry;
    for (const Step& s : disc) {
      double& best = dist[foldedI[static_cast<std::size_t>(ei + s.di)] +
                          foldedJ[static_cast<std::size_t>(ej + s.dj)]];
      best = std::min(best, s.mm);
    }
  }
}

std::vector<Eigen::Index> unscarredBetween(const Field& index, const std::vector<double>& dist,
                                           double innerMm, double outerMm) {
  // Distances are dx times a root of a whole number: a hair of slack keeps a column lying
  // exactly on a limit inside the ring.
  constexpr double kSlack = 1e-9;
  std::vector<Eigen::Index> ring;
  for (Eigen::Index c = 0; c < index.size(); ++c) {
    const double d = dist[static_cast<std::size_t>(c)];
    if (index[c] == 0.0F && d >= innerMm - kSlack && d <= outerMm + kSlack) ring.push_back(c);
  }
  return ring;
}

}  // namespace

ScarProfilometry::ScarProfilometry(const Grid& g, const Field& scarIndex,
                                   const std::vector<Scar>& scars)
    : columnAreaMm2_(g.dx_mm * g.dx_mm), sites_(scars.size()) {
  const double periodX = g.nx * g.dx_mm, periodY = g.ny * g.dx_mm;
  const auto ix = [&](Eigen::Index c) { return static_cast<int>(c % g.nx); };
  const auto jy = [&](Eigen::Index c) { return static_cast<int>(c / g.nx); };
  // No column lies farther than this from any other on the periodic patch.
  const double farthest = g.dx_mm * std::hypot(g.nx / 2, g.ny / 2);
  std::vector<double> dist(g.columns());
  for (std::size_t s = 0; s < scars.size(); ++s) {
    Site& site = sites_[s];
    const Scar& scar = scars[s];
    site.type = scar.type;
    const auto id = static_cast<float>(s + 1);
    for (Eigen::Index c = 0; c < scarIndex.size(); ++c)
      if (scarIndex[c] == id) site.footprint.push_back(c);
    if (site.footprint.empty()) continue;  // wholly under a deeper scar
    const std::vector<Eigen::Index> edge = footprintEdge(g, scarIndex, id);

    double outer = kReferenceRingOuterMm;
    for (;;) {
      distancesFromFootprint(g, edge, outer, dist);
      site.ring = unscarredBetween(scarIndex, dist, kReferenceRingInnerMm, outer);
      if (site.ring.size() >= kMinRingColumns || outer >= farthest) break;
      outer *= 2.0;
    }
    if (site.ring.size() < kMinRingColumns)
      site.ring = unscarredBetween(scarIndex, dist, 0.0, outer);
    if (site.ring.empty()) continue;  // no unscarred skin left to refer to

    // Offsets from the scar's centre on the periodic patch, then from the ring's centroid,
    // where the plane's coefficients do not mix (a is then the ring's mean).
    const auto offsetX = [&](Eigen::Index c) {
      return wrappedOffset((ix(c) + 0.5) * g.dx_mm - scar.x_mm, periodX);
    };
    const auto offsetY = [&](Eigen::Index c) {
      return wrappedOffset((jy(c) + 0.5) * g.dx_mm - scar.y_mm, periodY);
    };
    const auto n = static_cast<double>(site.ring.size());
    double mx = 0, my = 0;
    for (Eigen::Index c : site.ring) {
      mx += offsetX(c);
      my += offsetY(c);
    }
    mx /= n;
    my /= n;
    double suu = 0, suv = 0, svv = 0;
    for (Eigen::Index c : site.ring) {
      const double u = offsetX(c) - mx, v = offsetY(c) - my;
      suu += u * u;
      suv += u * v;
      svv += v * v;
    }
    const double det = suu * svv - suv * suv;
    // Columns all on one line leave the tilt across it unknown: the ring's mean level stands.
    const bool plane = det > 1e-9 * (suu + svv) * (suu + svv) && suu + svv > 0;
    for (Eigen::Index c : site.ring) {
      const double u = offsetX(c) - mx, v = offsetY(c) - my;
      site.slope_x_weight.push_back(plane ? (svv * u - suv * v) / det : 0.0);
      site.slope_y_weight.push_back(plane ? (suu * v - suv * u) / det : 0.0);
    }
    for (Eigen::Index c : site.footprint) {
      site.footprint_x.push_back(offsetX(c) - mx);
      site.footprint_y.push_back(offsetY(c) - my);
    }
    site.below_plane.resize(site.footprint.size());
    site.floor_columns = std::max<std::size_t>(
        1, static_cast<std::size_t>(
               std::lround(kScarFloorShare * static_cast<double>(site.footprint.size()))));
  }
}

ScarReadings ScarProfilometry::measure(const Field& h) {
  ScarReadings out;
  // Each site on its own (in parallel), then their readings summed in site order: the same
  // numbers on any thread count.
  const auto sites = static_cast<std::ptrdiff_t>(sites_.size());
#pragma omp parallel for schedule(dynamic, 1)
  for (std::ptrdiff_t i = 0; i < sites; ++i) {
    Site& site = sites_[static_cast<std::size_t>(i)];
    site.depth_um = 0;
    site.volume_mm3 = 0;
    if (site.ring.empty()) continue;
    double a = 0, b = 0, c = 0;
    for (std::size_t k = 0; k < site.ring.size(); ++k) {
      const auto z = static_cast<double>(h[site.ring[k]]);
      a += z;
      b += site.slope_x_weight[k] * z;
      c += site.slope_y_weight[k] * z;
    }
    a /= static_cast<double>(site.ring.size());
    double missing = 0;
    for (std::size_t k = 0; k < site.footprint.size(); ++k) {
      const double below = a + b * site.footprint_x[k] + c * site.footprint_y[k] -
                           static_cast<double>(h[site.footprint[k]]);
      site.below_plane[k] = below;
      missing += std::max(0.0, below);
    }
    const auto floorEnd =
        site.below_plane.begin() + static_cast<std::ptrdiff_t>(site.floor_columns);
    std::nth_element(site.below_plane.begin(), floorEnd - 1, site.below_plane.end(),
                     std::greater<>());
    double floor = 0;
    for (auto it = site.below_plane.begin(); it != floorEnd; ++it) floor += *it;
    floor /= static_cast<double>(site.floor_columns);
    // A floor lifted above the surrounding skin is no longer a depression.
    site.depth_um = 1000.0 * std::max(0.0, floor);
    site.volume_mm3 = missing * columnAreaMm2_;
  }
  std::array<double, 3> typeSum{}, typeCount{};
  double depthSum = 0;
  for (const Site& site : sites_) {
    if (site.ring.empty()) continue;
    depthSum += site.depth_um;
    out.volume_mm3 += site.volume_mm3;
    ++out.measured;
    const std::size_t t = typeSlot(site.type);
    typeSum[t] += site.depth_um;
    typeCount[t] += 1;
  }
  if (out.measured > 0) out.mean_depth_um = depthSum / static_cast<double>(out.measured);
  const auto typeMean = [&](std::size_t t) {
    return typeCount[t] > 0 ? typeSum[t] / typeCount[t] : 0.0;
  };
  out.rolling_depth_um = typeMean(typeSlot(ScarType::Rolling));
  out.boxcar_depth_um = typeMean(typeSlot(ScarType::Boxcar));
  out.icepick_depth_um = typeMean(typeSlot(ScarType::Icepick));
  return out;
}

}  // namespace dermasim
