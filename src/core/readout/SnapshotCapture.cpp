#include "core/readout/SnapshotCapture.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "core/devices/NeedleDevice.hpp"

namespace dermasim {

NeedleReach needleReachOn(const std::vector<SessionPlan>& sessions,
                          const ModelParameters& parameters, double day) {
  NeedleReach reach;
  if (sessions.empty()) return reach;
  std::size_t index = 0;
  // A snapshot taken on a session's day shows the skin before its needles (day 0 is untreated).
  while (index + 1 < sessions.size() && sessions[index + 1].day < day - 1e-9) ++index;
  const SessionPlan& plan = sessions[index];
  reach.known = true;
  reach.session = static_cast<int>(index) + 1;
  reach.planned = plan.day >= day - 1e-9;
  reach.device = std::string(toString(plan.device.type));
  reach.needle_length_mm = plan.device.needle_length_mm;
  reach.depth_mm = makeNeedleDevice(plan.device, parameters)->meanDepthMm();
  return reach;
}

std::vector<int> sectionRows(int ny, int count) {
  const int n = std::clamp(count, 1, std::max(1, ny));
  std::vector<int> rows;
  for (int j = 0; j < n; ++j) {
    // The middle of the j-th of n equal bands; for n = 1 that is row ny / 2.
    const int row = static_cast<int>(std::lround((j + 0.5) * ny / n - 0.5));
    rows.push_back(std::clamp(row, 0, ny - 1));
  }
  rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
  return rows;
}

SkinSnapshot takeSnapshot(const HealingModel& model, SkinReadout& readout,
                          const SkinReading& reading, const std::vector<int>& sectionRows) {
  const Grid& g = model.grid();
  const TissueState& st = model.state();
  const BaselineSkin& base = model.baseline();
  SkinSnapshot s;
  s.day = model.day();
  s.nx = g.nx;
  s.ny = g.ny;
  s.nz = g.nz;
  s.dx_mm = g.dx_mm;
  s.dz_mm = g.dz_mm;
  s.reading = reading;
  s.epidermis_mm = base.layers.epidermis_mm;
  s.papillary_bottom_mm = base.layers.papillaryBottomMm();
  s.dermis_bottom_mm = base.layers.totalMm();

  const Field height = readout.surfaceHeightMm(model);
  const Field ery = readout.columnErythema(model);
  const std::size_t columns = g.columns();
  s.height_mm.assign(height.data(), height.data() + height.size());
  s.erythema.assign(ery.data(), ery.data() + ery.size());
  s.surface_blood_um.assign(st.surface_blood_um.data(), st.surface_blood_um.data() + columns);
  s.scar.resize(columns);
  s.srgb.resize(3 * columns);
  const double rest = readout.restingBloodFraction(), full = readout.fullErythemaBloodFraction();
  for (std::size_t c = 0; c < columns; ++c) {
    const auto e = static_cast<Eigen::Index>(c);
    s.scar[c] = base.scarIndex[e] > 0 ? 1.0F : 0.0F;
    const Srgb rgb = readout.colours().srgb(rest + static_cast<double>(ery[e]) * (full - rest),
                                            static_cast<double>(st.surface_blood_um[e]));
    s.srgb[3 * c] = rgb.r;
    s.srgb[3 * c + 1] = rgb.g;
    s.srgb[3 * c + 2] = rgb.b;
  }

  const std::size_t cells = static_cast<std::size_t>(g.nx) * static_cast<std::size_t>(g.nz);
  for (const int row : sectionRows) {
    SkinSection& sec = s.sections.emplace_back();
    sec.row = std::clamp(row, 0, g.ny - 1);
    for (auto* v : {&sec.epidermis, &sec.papillary, &sec.collagen1, &sec.collagen3, &sec.elastin,
                    &sec.fibroblasts, &sec.injury, &sec.lumen})
      v->resize(cells);
    for (int k = 0; k < g.nz; ++k) {
      const auto ku = static_cast<std::size_t>(k);
      const bool papillary = base.profile.dermis[ku] > 0.5F && g.depthMm(k) < s.papillary_bottom_mm;
      for (int i = 0; i < g.nx; ++i) {
        const auto v = static_cast<Eigen::Index>(g.index(i, sec.row, k));
        const std::size_t o = static_cast<std::size_t>(i) + static_cast<std::size_t>(g.nx) * ku;
        sec.epidermis[o] = base.profile.epidermis[ku];
        sec.papillary[o] = papillary ? 1.0F : 0.0F;
        sec.collagen1[o] = st.collagen1[v];
        sec.collagen3[o] = st.collagen3[v];
        sec.elastin[o] = st.elastin[v];
        sec.fibroblasts[o] = st.fibroblasts[v];
        sec.injury[o] = st.injury[v];
        sec.lumen[o] = st.lumen[v];
      }
    }
  }
  std::sort(s.sections.begin(), s.sections.end(),
            [](const SkinSection& a, const SkinSection& b) { return a.row < b.row; });
  return s;
}

}  // namespace dermasim
