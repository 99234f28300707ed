#pragma once
// Scar depth and volume as clinics measure them by profilometry (PRIMOS fringe projection):
// each scar against a reference plane fitted to the skin just around it, not against the mean
// level of the whole patch. Skin that thickens or tilts around a scar then leaves its reading
// alone; only a floor that rises (refill) or sinks changes it. Footprints and reference rings
// are found once, from the untreated skin's scar map; measure() is cheap, allocates nothing and
// gives the same numbers at any thread count, so it runs at every time step.
//
//   ScarProfilometry scars(surfaceGrid, baseline.scarIndex, baseline.scars);
//   const ScarReadings before = scars.measure(untreatedHeightMm);
//   const ScarReadings now = scars.measure(heightMm);
//   double refilled = 1.0 - now.volume_mm3 / before.volume_mm3;

#include <cstddef>
#include <vector>

#include "core/numerics/Grid.hpp"
#include "core/tissue/BaselineSkin.hpp"

namespace dermasim {

// The reference ring: unscarred columns this far (mm) from a scar's footprint. Far enough out
// that the scar's rim and the surface smoothing (surface.smoothing_length_mm) do not reach it,
// near enough to follow the local lie of the skin, as a PRIMOS reference plane does.
inline constexpr double kReferenceRingInnerMm = 0.5;
inline constexpr double kReferenceRingOuterMm = 1.0;
// A scar's floor is the mean of its deepest tenth of columns below the plane: one needle
// channel in the floor does not move it, and it tracks the floor as a whole rising.
inline constexpr double kScarFloorShare = 0.1;

// One moment's profilometry of the baseline scars, over those with a footprint and a ring.
struct ScarReadings {
  double mean_depth_um = 0;  // mean over scars
  // Mean over the scars of each type; 0 when the patch has none of that type.
  double rolling_depth_um = 0, boxcar_depth_um = 0, icepick_depth_um = 0;
  double volume_mm3 = 0;  // total missing volume below the reference planes
  std::size_t measured = 0;
};

class ScarProfilometry {
 public:
  // `surface`: the 2-D grid (nx, ny, dx_mm). `scarIndex`: per column, index into `scars` + 1
  // inside a scar's footprint, else 0 (BaselineSkin::scarIndex).
  ScarProfilometry(const Grid& surface, const Field& scarIndex, const std::vector<Scar>& scars);

  // Depths and volumes on a surface height map (mm, up positive, one value per column).
  ScarReadings measure(const Field& heightMm);

  std::size_t scarCount() const { return sites_.size(); }
  // Whether scar `s` is measured: it has footprint columns and a reference ring. A ring with too
  // few columns (scars crowding it, or a scar nearly as wide as the patch) is widened outwards,
  // then inwards to the scar's edge; a scar with no unscarred column left is not measured.
  bool measured(std::size_t s) const { return !sites_[s].ring.empty(); }
  std::size_t footprintColumns(std::size_t s) const { return sites_[s].footprint.size(); }
  std::size_t ringColumns(std::size_t s) const { return sites_[s].ring.size(); }
  // Scar `s` at the last measure(); 0 when it is not measured.
  double depthUm(std::size_t s) const { return sites_[s].depth_um; }
  double volumeMm3(std::size_t s) const { return sites_[s].volume_mm3; }

 private:
  struct Site {
    ScarType type = ScarType::Boxcar;
    std::vector<Eigen::Index> footprint;
    std::vector<double> footprint_x, footprint_y;  // mm from the ring's centroid
    std::vector<Eigen::Index> ring;
    // Least-squares plane h = a + b x + c y through the ring, x and y from its centroid: a is
    // the ring's mean, b and c these weighted sums of its heights.
    std::vector<double> slope_x_weight, slope_y_weight;
    std::vector<double> below_plane;  // scratch for measure(), one per footprint column
    std::size_t floor_columns = 0;
    double depth_um = 0, volume_mm3 = 0;
  };

  double columnAreaMm2_ = 0;
  std::vector<Site> sites_;
};

}  // namespace dermasim
