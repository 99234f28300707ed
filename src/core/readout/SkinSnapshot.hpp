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
#include <cstddef>
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

// The snapshot a share `w` (0..1) of the way from `a` to `b`, two snapshots of one run: the
// skin drawn on a day inside a model step, from the step's two ends (RunOptions::
// interpolate_snapshots). The day, every per-column map, every section's cells and the reading
// are linear in w (the maps and sections are the ends' exactly at w = 0 and 1). The scar mask, the
// layers' depths and the needles in force are taken from the nearer end, not mixed: they are the
// baseline's or the sessions', which change only at a step's end, and a mask or a session has no
// halfway value. Throws std::invalid_argument when the two are not of one grid and one set of
// sections.
inline SkinSnapshot interpolate(const SkinSnapshot& a, const SkinSnapshot& b, double w) {
  const auto differ = [](const char* what) {
    return std::invalid_argument(std::string("interpolate(SkinSnapshot): the snapshots' ") + what +
                                 " differ");
  };
  if (a.nx != b.nx || a.ny != b.ny || a.nz != b.nz) throw differ("grids");
  if (a.sections.size() != b.sections.size()) throw differ("section counts");
  const auto wf = static_cast<float>(w);
  // (1 - w) x + w y rather than x + w (y - x), which can miss y by a rounding at w = 1.
  const auto mix = [&](const std::vector<float>& x, const std::vector<float>& y) {
    if (x.size() != y.size()) throw differ("array sizes");
    std::vector<float> out(x.size());
    for (std::size_t i = 0; i < x.size(); ++i) out[i] = (1.0F - wf) * x[i] + wf * y[i];
    return out;
  };
  const SkinSnapshot& nearer = w < 0.5 ? a : b;
  SkinSnapshot s;
  s.day = (1.0 - w) * a.day + w * b.day;
  s.nx = a.nx;
  s.ny = a.ny;
  s.nz = a.nz;
  s.dx_mm = nearer.dx_mm;
  s.dz_mm = nearer.dz_mm;
  s.height_mm = mix(a.height_mm, b.height_mm);
  s.srgb = mix(a.srgb, b.srgb);  // gamma-encoded: close to the colour between for a day's change
  s.erythema = mix(a.erythema, b.erythema);
  s.surface_blood_um = mix(a.surface_blood_um, b.surface_blood_um);
  if (a.scar.size() != b.scar.size()) throw differ("array sizes");
  s.scar = nearer.scar;
  for (std::size_t n = 0; n < a.sections.size(); ++n) {
    const SkinSection& x = a.sections[n];
    const SkinSection& y = b.sections[n];
    if (x.row != y.row) throw differ("section rows");
    SkinSection& sec = s.sections.emplace_back();
    sec.row = x.row;
    for (std::vector<float> SkinSection::*v :
         {&SkinSection::epidermis, &SkinSection::papillary, &SkinSection::collagen1,
          &SkinSection::collagen3, &SkinSection::elastin, &SkinSection::fibroblasts,
          &SkinSection::injury, &SkinSection::lumen})
      sec.*v = mix(x.*v, y.*v);
  }
  s.epidermis_mm = nearer.epidermis_mm;
  s.papillary_bottom_mm = nearer.papillary_bottom_mm;
  s.dermis_bottom_mm = nearer.dermis_bottom_mm;
  s.needle = nearer.needle;
  s.reading = interpolate(a.reading, b.reading, w);
  return s;
}

}  // namespace dermasim
