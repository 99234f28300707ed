#pragma once
// Normal (untreated) skin by body site: layer thicknesses and the depth profile of what
// the healing model tracks. Numbers come from the `anatomy.*` rows of the parameter table.

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

  double totalMm() const { return epidermis_mm + dermis_mm; }
  double dermisTopMm() const { return epidermis_mm; }
  double papillaryBottomMm() const { return epidermis_mm + papillary_mm; }
};

// Site thicknesses at age `anatomy.thinning_onset_age`, thinned linearly beyond it.
Layers layersFor(Site site, double age_years, const ModelParameters& p);

// Grid rows (of thickness dz_mm) needed so the grid reaches the bottom of the dermis.
int depthCells(const Layers& layers, double dz_mm);

// Voxel averages per depth row k (nz entries each). Values are relative so the healing
// model can scale them; rows below the dermis (only ever part of the last row) count as
// empty, not as dermis.
struct DepthProfile {
  std::vector<float> epidermis;           // fraction of the voxel that is epidermis, 0..1
  std::vector<float> dermis;              // fraction of the voxel that is dermis, 0..1
  std::vector<float> collagen;            // total collagen, reticular dermis = 1
  std::vector<float> collagen3_fraction;  // type III share of that collagen; 0 where none
  std::vector<float> elastin;             // reticular dermis = 1
  std::vector<float> fibroblasts;         // cells per volume, mean over the dermis = 1
  std::vector<float> vessels;             // blood vessel volume fraction
  // First row that is wholly dermis: baseline deficits live at or below it.
  int first_dermis_row = 0;
  // One past the last row that is wholly dermis.
  int end_dermis_row = 0;
};

DepthProfile normalProfile(const Layers& layers, const Grid& grid, const ModelParameters& p);

}  // namespace dermasim
