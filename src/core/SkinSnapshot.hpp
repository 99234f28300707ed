#pragma once
// The simulated skin at one moment, as the viewer and `dermasim render` draw it: per-column
// maps of the surface, and a vertical section through the patch. Plain data, no OpenGL.

#include <vector>

#include "core/SkinReadout.hpp"

namespace dermasim {

class HealingModel;

struct SkinSnapshot {
  double day = 0;
  int nx = 0, ny = 0, nz = 0;
  double dx_mm = 0, dz_mm = 0;
  // per column, index i + nx j
  std::vector<float> height_mm;         // smoothed surface height, up positive, vs untreated mean
  std::vector<float> srgb;              // 3 per column: gamma-encoded sRGB of the skin, 0..1
  std::vector<float> erythema;          // 0..1
  std::vector<float> surface_blood_um;  // blood film on the skin
  std::vector<float> scar;              // 1 inside a baseline scar's footprint, else 0
  // The section through row `section_row`, index i + nx k (k = depth cell, 0 at the top).
  int section_row = 0;
  std::vector<float> section_epidermis;  // fraction of the cell that is epidermis
  std::vector<float> section_papillary;  // 1 in papillary dermis cells, else 0
  std::vector<float> section_collagen1;  // relative to normal reticular collagen
  std::vector<float> section_collagen3;
  std::vector<float> section_elastin;    // relative to normal reticular elastin
  std::vector<float> section_fibroblasts;  // activated, per resting fibroblast
  std::vector<float> section_injury;     // 0..1
  std::vector<float> section_lumen;      // 0..1
  double epidermis_mm = 0, papillary_bottom_mm = 0, dermis_bottom_mm = 0;
  SkinReading reading;
};

// Captures the model's state; `readout` must belong to `model`.
SkinSnapshot takeSnapshot(const HealingModel& model, SkinReadout& readout, const SkinReading& reading);

}  // namespace dermasim
