#include "core/SkinSnapshot.hpp"

#include "core/HealingModel.hpp"

namespace dermasim {

SkinSnapshot takeSnapshot(const HealingModel& model, SkinReadout& readout, const SkinReading& reading) {
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

  s.section_row = g.ny / 2;
  const std::size_t cells = static_cast<std::size_t>(g.nx) * static_cast<std::size_t>(g.nz);
  for (auto* v : {&s.section_epidermis, &s.section_papillary, &s.section_collagen1,
                  &s.section_collagen3, &s.section_elastin, &s.section_fibroblasts,
                  &s.section_injury, &s.section_lumen})
    v->resize(cells);
  for (int k = 0; k < g.nz; ++k) {
    const auto ku = static_cast<std::size_t>(k);
    const bool papillary = base.profile.dermis[ku] > 0.5F && g.depthMm(k) < s.papillary_bottom_mm;
    for (int i = 0; i < g.nx; ++i) {
      const auto v = static_cast<Eigen::Index>(g.index(i, s.section_row, k));
      const std::size_t o = static_cast<std::size_t>(i) + static_cast<std::size_t>(g.nx) * ku;
      s.section_epidermis[o] = base.profile.epidermis[ku];
      s.section_papillary[o] = papillary ? 1.0F : 0.0F;
      s.section_collagen1[o] = st.collagen1[v];
      s.section_collagen3[o] = st.collagen3[v];
      s.section_elastin[o] = st.elastin[v];
      s.section_fibroblasts[o] = st.fibroblasts[v];
      s.section_injury[o] = st.injury[v];
      s.section_lumen[o] = st.lumen[v];
    }
  }
  return s;
}

}  // namespace dermasim
