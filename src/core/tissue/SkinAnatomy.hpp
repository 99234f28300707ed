#pragma once
// Normal (untreated) skin by body site: layer thicknesses and the depth profile of what
// the healing model tracks. Numbers come from the `anatomy.*` rows of the parameter table,
// read once into AnatomyParameters. The grid reaches into the subcutis (fat) only as far as
// the scenario's needles can, so skin that needles stop within costs no extra rows.

#include <array>
#include <cstddef>
#include <vector>

#include "core/numerics/Grid.hpp"
#include "core/parameters/ModelParameters.hpp"
#include "core/scenario/Scenario.hpp"

namespace dermasim {

// Thicknesses measured from the skin surface, in mm.
struct Layers {
  double stratum_corneum_mm = 0.0;
  double epidermis_mm = 0.0;  // including the stratum corneum
  double papillary_mm = 0.0;
  double dermis_mm = 0.0;        // total dermis, papillary included
  double plexus_depth_mm = 0.0;  // superficial vascular plexus, below the surface
  // Subcutis the grid carries below the dermis (see subcutisModelledMm); 0 when it ends there.
  double subcutis_mm = 0.0;

  // Epidermis and dermis: the skin, down to the bottom of the dermis.
  double totalMm() const { return epidermis_mm + dermis_mm; }
  double gridBottomMm() const { return totalMm() + subcutis_mm; }
  double dermisTopMm() const { return epidermis_mm; }
  double papillaryBottomMm() const { return epidermis_mm + papillary_mm; }
};

inline constexpr std::size_t kSiteCount = static_cast<std::size_t>(Site::Back) + 1;

struct SiteThickness {
  double epidermis_um;  // stratum corneum included
  double dermis_mm;
};

// The `anatomy.*` rows: site thicknesses, and the make-up of the layers at every site.
struct AnatomyParameters {
  std::array<SiteThickness, kSiteCount> sites;  // indexed by Site
  double stratum_corneum_um, papillary_um, papillary_max_fraction;
  double thinning_onset_age, dermis_thinning_per_year, epidermis_thinning_per_year;
  // Relative to the reticular dermis.
  double papillary_collagen, papillary_elastin, papillary_fibroblast_ratio;
  double collagen3_reticular, collagen3_papillary;  // type III share of the collagen
  double vessel_papillary, vessel_plexus, vessel_reticular, vessel_deep_plexus;  // fractions
  double plexus_thickness_um, deep_plexus_thickness_um, plexus_max_fraction;
  // The subcutis: how much of it the grid may carry, how far below the deepest tip, and what
  // it holds (resting cells relative to the dermis mean, vessel volume fraction).
  double subcutis_modelled_mm, subcutis_margin_mm, subcutis_fibroblast_ratio, vessel_subcutis;

  const SiteThickness& at(Site site) const { return sites[static_cast<std::size_t>(site)]; }
  static AnatomyParameters from(const ModelParameters& p);
};

// Site thicknesses at age `anatomy.thinning_onset_age`, thinned linearly beyond it.
Layers layersFor(Site site, double age_years, const AnatomyParameters& a);

// Subcutis the grid needs below the dermis for needles up to `deepestNeedleMm` long (no needle
// reaches deeper than it is long): none when they stop in the dermis, else down to their tips
// plus anatomy.subcutis_margin_mm, at most anatomy.subcutis_modelled_mm.
double subcutisModelledMm(const Layers& layers, double deepestNeedleMm, const AnatomyParameters& a);

// Grid rows (of thickness dz_mm) needed so the grid reaches the bottom of the dermis and the
// modelled subcutis below it.
int depthCells(const Layers& layers, double dz_mm);

// Voxel averages per depth row k (nz entries each). Values are relative so the healing
// model can scale them; what lies below the dermis is subcutis, which has no dermal matrix.
struct DepthProfile {
  std::vector<float> epidermis;           // fraction of the voxel that is epidermis, 0..1
  std::vector<float> dermis;              // fraction of the voxel that is dermis, 0..1
  std::vector<float> subcutis;            // fraction of the voxel that is subcutis, 0..1
  std::vector<float> collagen;            // total collagen, reticular dermis = 1
  std::vector<float> collagen3_fraction;  // type III share of that collagen; 0 where none
  std::vector<float> elastin;             // reticular dermis = 1
  std::vector<float> fibroblasts;         // cells per volume, mean over the dermis = 1
  std::vector<float> vessels;             // blood vessel volume fraction, skin (not fat)
  // Vessels of the subcutis, as a fraction of the whole voxel: needles cut them, but they lie
  // below the depth colour is read from (SkinReadout), so they are kept apart.
  std::vector<float> subcutis_vessels;
  // First row that is wholly dermis: baseline deficits live at or below it.
  int first_dermis_row = 0;
  // One past the last row that is wholly dermis.
  int end_dermis_row = 0;
};

DepthProfile normalProfile(const Layers& layers, const Grid& grid,
                           const AnatomyParameters& anatomy);

}  // namespace dermasim
