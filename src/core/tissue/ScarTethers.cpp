#include "core/tissue/ScarTethers.hpp"

#include <algorithm>
#include <cmath>

#include "core/numerics/Periodic.hpp"

namespace dermasim {

ScarTethers::Parameters ScarTethers::Parameters::from(const ModelParameters& p) {
  return {p["tracks.tether_cut_fraction"]};
}

ScarTethers::ScarTethers(const BaselineSkin& baseline, Parameters parameters)
    : grid_(baseline.grid),
      p_(parameters),
      bottomMm_(baseline.layers.totalMm()),
      scarIndex_(baseline.scarIndex),
      baseTether_(baseline.tether),
      top_(baseline.scars.size(), 0.0),
      left_(baseline.scars.size(), 1.0) {
  for (const Scar& s : baseline.scars) rolling_.push_back(s.type == ScarType::Rolling);
  // A band starts where the scar's missing tissue ends: the deepest cell of its footprint with
  // anything missing.
  const Grid& g = grid_;
  const std::size_t columns = g.columns();
  for (std::size_t c = 0; c < columns; ++c) {
    const auto index = static_cast<std::size_t>(scarIndex_[static_cast<Eigen::Index>(c)]);
    if (index == 0) continue;
    for (int k = g.nz - 1; k >= 0; --k) {
      if (baseline.deficit[static_cast<Eigen::Index>(static_cast<std::size_t>(k) * columns + c)] <=
          0.0F)
        continue;
      top_[index - 1] = std::max(top_[index - 1], (k + 1) * g.dz_mm);
      break;
    }
  }
}

void ScarTethers::cut(const std::vector<Puncture>& punctures, Field& tether) {
  const Grid& g = grid_;
  bool any = false;
  for (const Puncture& p : punctures) {
    const int i = periodicIndex(static_cast<int>(std::floor(p.x_mm / g.dx_mm)), g.nx);
    const int j = periodicIndex(static_cast<int>(std::floor(p.y_mm / g.dx_mm)), g.ny);
    const auto index =
        static_cast<std::size_t>(scarIndex_[static_cast<Eigen::Index>(g.column(i, j))]);
    if (index == 0 || !rolling_[index - 1]) continue;
    const double band = bottomMm_ - top_[index - 1];
    const double crossed =
        band > 0 ? std::clamp((p.depth_mm - top_[index - 1]) / band, 0.0, 1.0) : 1.0;
    left_[index - 1] *= 1.0 - p_.cut_fraction * crossed;
    any = true;
  }
  if (!any) return;
  const std::size_t columns = g.columns();
  for (std::size_t c = 0; c < columns; ++c) {
    const auto at = static_cast<Eigen::Index>(c);
    const auto index = static_cast<std::size_t>(scarIndex_[at]);
    if (index == 0) continue;
    tether[at] = baseTether_[at] * static_cast<float>(left_[index - 1]);
  }
}

}  // namespace dermasim
