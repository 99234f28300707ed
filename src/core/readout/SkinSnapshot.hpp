#pragma once
// The simulated skin at one moment, as the viewer and `dermasim render` draw it: per-column
// maps of the surface, and vertical sections through the patch. Plain data: no model, no Eigen,
// no OpenGL, so the renderer includes this and SkinReading.hpp and nothing else of core.
// SnapshotCapture.hpp takes one from a running model.
//
//   const SkinSection& middle = snapshot.sectionNear(0.5);
//   float top = middle.collagen1[i + snapshot.nx * 0];  // column i, top depth cell

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/readout/SkinReading.hpp"

namespace dermasim {

// A vertical section through grid row `row`, index i + nx k (k = depth cell, 0 at the top).
struct SkinSection {
  int row = 0;
  std::vector<float> epidermis;  // fraction of the cell that is epidermis
  std::vector<float> papillary;  // 1 in papillary dermis cells, else 0
  std::vector<float> collagen1;  // relative to normal reticular collagen
  std::vector<float> collagen3;
  std::vector<float> elastin;      // relative to normal reticular elastin
  std::vector<float> fibroblasts;  // activated, per resting fibroblast
  std::vector<float> injury;       // 0..1
  std::vector<float> lumen;        // 0..1
};

// The needles of the session in force on the snapshot's day (the last one begun by then, or the
// first one still to come before any), for drawing where they end against the layers.
struct NeedleReach {
  bool known = false;           // false: the scenario has no session
  int session = 0;              // 1-based
  bool planned = false;         // the session is still to come
  std::string device;           // "pen" or "roller"
  double needle_length_mm = 0;  // the setting
  double depth_mm = 0;          // the mean depth the device's needles reach (NeedleDevice)
};

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
  // Vertical sections through whole rows of the grid, ascending by row, at least one.
  std::vector<SkinSection> sections;
  double epidermis_mm = 0, papillary_bottom_mm = 0, dermis_bottom_mm = 0;
  NeedleReach needle;
  SkinReading reading;

  // The stored section nearest to `fraction` (0..1) of the way across the patch in y.
  const SkinSection& sectionNear(double fraction) const {
    if (sections.empty()) throw std::logic_error("SkinSnapshot has no section");
    // Row centres sit at (row + 0.5) / ny of the way across.
    const double wanted = std::clamp(fraction, 0.0, 1.0) * ny - 0.5;
    const SkinSection* best = &sections.front();
    for (const SkinSection& sec : sections)
      if (std::abs(sec.row - wanted) < std::abs(best->row - wanted)) best = &sec;
    return *best;
  }
};

}  // namespace dermasim
