#pragma once
// The untreated skin of a scenario: the grid, its normal layers, and what the patient's
// indication has taken away. Scars, lines, stretch marks and pores are a missing fraction of
// normal tissue ("deficit") beneath them, so the surface height of a column is
// -sum_k deficit * dz. Every skin also has a fine random relief that grows with age.
// Shape numbers are the `baseline.*` rows of the parameter table, read once into
// BaselineParameters; randomness comes from the scenario seed through stream keys
// {0xBA5E, ...}.

#include <vector>

#include "core/numerics/Grid.hpp"
#include "core/parameters/ModelParameters.hpp"
#include "core/scenario/Scenario.hpp"
#include "core/tissue/SkinAnatomy.hpp"

namespace dermasim {

// Atrophic acne scar types (Jacob 2001): ice-pick narrow and V-shaped, reaching deep;
// boxcar U-shaped with steep walls; rolling wide and shallow, tethered to deeper tissue.
enum class ScarType { Icepick, Boxcar, Rolling };

struct Scar {
  double x_mm = 0, y_mm = 0;  // centre on the periodic patch
  ScarType type = ScarType::Boxcar;
  double depth_mm = 0;  // surface depth at the centre
  double width_mm = 0;  // surface diameter
};

struct BaselineSkin {
  Grid grid;
  Layers layers;
  DepthProfile profile;
  Field deficit;   // 3-D, 0..baseline.deficit_cap: missing fraction of normal tissue volume
  Field disorder;  // 3-D, 0..1: how disorganised the matrix is (scar tissue, striae)
  Field tether;    // 2-D, 0..1: fibrous tethering to deeper tissue (rolling scars)
  // 2-D, 0..1: share of the column's missing tissue that is an epithelium-lined tract (ice-pick
  // scars), which new matrix cannot fill.
  Field lining;
  std::vector<Scar> scars;  // acne scars only
  Field scarIndex;          // 2-D: index into `scars` + 1 inside a scar's footprint, else 0
};

// The `baseline.*` rows: shapes of scars, lines, stretch marks and pores, and the texture.
struct BaselineParameters {
  double deficit_cap;
  // Acne scars (Jacob 2001); depths relative to a boxcar scar, log-normal spreads.
  double icepick_depth_factor, rolling_depth_factor, scar_depth_spread;
  double icepick_width_mm, boxcar_width_mm, rolling_width_mm, scar_width_spread;
  double boxcar_wall_fraction;
  double icepick_range_fraction, boxcar_range_fraction, rolling_range_fraction;  // of the dermis
  double rolling_tether, icepick_lining, scar_disorder, scar_fibrosis_um;
  // Fine lines, stretch marks and surgical scars: furrows across the patch.
  double line_spacing_mm, line_depth_um, line_width_mm, line_width_spread, line_depth_spread,
      line_wave_mm;
  double striae_width_mm, striae_depth_um, striae_width_spread, striae_depth_spread,
      striae_wall_fraction, striae_wave_mm, striae_disorder;
  double surgical_width_mm, surgical_depth_um, surgical_wall_fraction, surgical_wave_mm,
      surgical_disorder;
  double feature_range_fraction;  // of the dermis, for pores, striae and surgical scars
  double pore_density_cm2, pore_width_mm, pore_depth_mm, pore_width_spread, pore_depth_spread;
  // Fine random relief.
  double texture_ra_um, texture_ra_per_decade_um, texture_onset_age, texture_correlation_mm;
  static BaselineParameters from(const ModelParameters& p);
};

BaselineSkin makeBaselineSkin(const Scenario& s, const ModelParameters& p);
// The grid makeBaselineSkin would build, without building anything (for resource estimates).
Grid gridFor(const Scenario& s, const ModelParameters& p);

// Surface depth (mm) a scar leaves at distance r_mm from its centre; 0 outside it.
double scarSurfaceDepthMm(const Scar& scar, double r_mm, const BaselineParameters& b);
// Where scars overlap the deeper one shapes the surface.
double scarsSurfaceDepthMm(const std::vector<Scar>& scars, double x_mm, double y_mm,
                           double patch_mm, const BaselineParameters& b);

// Roughness Ra (um) of the fine random relief at this age, before any scars or lines.
double textureRaUm(double age_years, const BaselineParameters& b);

}  // namespace dermasim
