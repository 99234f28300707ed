#include "core/tissue/SkinAnatomy.hpp"

#include <algorithm>
#include <cmath>
#include <string>

namespace dermasim {
namespace {

// Thinning is linear in age past the onset; the floor only guards extreme overrides, where
// a straight line would otherwise leave no skin at all.
double ageFactor(double ratePerYear, double age, double onset) {
  return std::max(0.4, 1.0 - ratePerYear * std::max(0.0, age - onset));
}

double siteValue(const ModelParameters& p, Site site, const char* quantity) {
  return p["anatomy." + std::string(toString(site)) + "." + quantity];
}

// Tissue properties at one depth: the layers are piecewise constant in depth, so a voxel
// average is exact when the voxel is split at every layer boundary.
struct Props {
  double epidermis = 0, dermis = 0, collagen = 0, collagen3 = 0, elastin = 0, fibroblasts = 0,
         vessels = 0;
};

class LayerModel {
 public:
  LayerModel(const Layers& layers, const ModelParameters& p) : l_(layers) {
    papCollagen_ = p["anatomy.papillary_collagen"];
    col3Pap_ = p["anatomy.collagen3_papillary"];
    col3Ret_ = p["anatomy.collagen3_reticular"];
    papElastin_ = p["anatomy.papillary_elastin"];
    papFibro_ = p["anatomy.papillary_fibroblast_ratio"];
    vesPap_ = p["anatomy.vessel_papillary"];
    vesPlexus_ = p["anatomy.vessel_plexus"];
    vesRet_ = p["anatomy.vessel_reticular"];
    vesDeep_ = p["anatomy.vessel_deep_plexus"];
    // Bands are kept inside the dermis even when it is thin, so each stays visible.
    plexusHalf_ = 0.5 * std::min(p["anatomy.plexus_thickness_um"] / 1000.0, 0.2 * l_.dermis_mm);
    deepThickness_ = std::min(p["anatomy.deep_plexus_thickness_um"] / 1000.0, 0.2 * l_.dermis_mm);
    // Fibroblasts are relative to the dermis mean, so the profile means the same thing at
    // every site whatever the papillary share.
    const double pap = l_.papillary_mm, derm = l_.dermis_mm;
    fibroMean_ = derm > 0 ? (papFibro_ * pap + (derm - pap)) / derm : 1.0;
  }

  std::vector<double> breakpoints() const {
    const double top = l_.epidermis_mm, bottom = l_.totalMm();
    return {l_.stratum_corneum_mm,
            top,
            l_.papillaryBottomMm(),
            l_.plexus_depth_mm - plexusHalf_,
            l_.plexus_depth_mm + plexusHalf_,
            bottom - deepThickness_,
            bottom};
  }

  Props at(double z) const {
    Props a;
    if (z < l_.epidermis_mm) {
      a.epidermis = 1;
      return a;
    }
    if (z >= l_.totalMm()) return a;
    const bool papillary = z < l_.papillaryBottomMm();
    a.dermis = 1;
    a.collagen = papillary ? papCollagen_ : 1.0;
    a.collagen3 = a.collagen * (papillary ? col3Pap_ : col3Ret_);
    a.elastin = papillary ? papElastin_ : 1.0;
    a.fibroblasts = (papillary ? papFibro_ : 1.0) / fibroMean_;
    a.vessels = papillary ? vesPap_ : vesRet_;
    if (std::abs(z - l_.plexus_depth_mm) < plexusHalf_) a.vessels = vesPlexus_;
    if (z >= l_.totalMm() - deepThickness_) a.vessels = vesDeep_;
    return a;
  }

 private:
  Layers l_;
  double papCollagen_, col3Pap_, col3Ret_, papElastin_, papFibro_;
  double vesPap_, vesPlexus_, vesRet_, vesDeep_;
  double plexusHalf_, deepThickness_, fibroMean_;
};

Props voxelAverage(const LayerModel& model, const std::vector<double>& breaks, double top,
                   double bottom) {
  std::vector<double> cuts{top, bottom};
  for (double b : breaks)
    if (b > top && b < bottom) cuts.push_back(b);
  std::sort(cuts.begin(), cuts.end());
  Props sum;
  for (std::size_t i = 0; i + 1 < cuts.size(); ++i) {
    const double w = (cuts[i + 1] - cuts[i]) / (bottom - top);
    const Props a = model.at(0.5 * (cuts[i] + cuts[i + 1]));
    sum.epidermis += w * a.epidermis;
    sum.dermis += w * a.dermis;
    sum.collagen += w * a.collagen;
    sum.collagen3 += w * a.collagen3;
    sum.elastin += w * a.elastin;
    sum.fibroblasts += w * a.fibroblasts;
    sum.vessels += w * a.vessels;
  }
  return sum;
}

}  // namespace

Layers layersFor(Site site, double age_years, const ModelParameters& p) {
  const double onset = p["anatomy.thinning_onset_age"];
  Layers l;
  l.epidermis_mm = siteValue(p, site, "epidermis_um") / 1000.0 *
                   ageFactor(p["anatomy.epidermis_thinning_per_year"], age_years, onset);
  l.dermis_mm = siteValue(p, site, "dermis_mm") *
                ageFactor(p["anatomy.dermis_thinning_per_year"], age_years, onset);
  l.stratum_corneum_mm = std::min(p["anatomy.stratum_corneum_um"] / 1000.0, 0.5 * l.epidermis_mm);
  l.papillary_mm = std::min(p["anatomy.papillary_um"] / 1000.0,
                            p["anatomy.papillary_max_fraction"] * l.dermis_mm);
  // The superficial plexus runs along the papillary-reticular border.
  l.plexus_depth_mm = l.papillaryBottomMm();
  return l;
}

int depthCells(const Layers& layers, double dz_mm) {
  // The small slack keeps an exact multiple from gaining a needless extra row.
  return std::max(1, static_cast<int>(std::ceil(layers.totalMm() / dz_mm - 1e-9)));
}

DepthProfile normalProfile(const Layers& layers, const Grid& grid, const ModelParameters& p) {
  const LayerModel model(layers, p);
  const std::vector<double> breaks = model.breakpoints();
  const auto nz = static_cast<std::size_t>(grid.nz);
  DepthProfile d;
  for (auto* v : {&d.epidermis, &d.dermis, &d.collagen, &d.collagen3_fraction, &d.elastin,
                  &d.fibroblasts, &d.vessels})
    v->assign(nz, 0.0f);
  d.first_dermis_row = grid.nz;
  d.end_dermis_row = grid.nz;
  for (int k = 0; k < grid.nz; ++k) {
    const Props a = voxelAverage(model, breaks, k * grid.dz_mm, (k + 1) * grid.dz_mm);
    const auto i = static_cast<std::size_t>(k);
    d.epidermis[i] = static_cast<float>(a.epidermis);
    d.dermis[i] = static_cast<float>(a.dermis);
    d.collagen[i] = static_cast<float>(a.collagen);
    d.collagen3_fraction[i] = static_cast<float>(a.collagen > 0 ? a.collagen3 / a.collagen : 0.0);
    d.elastin[i] = static_cast<float>(a.elastin);
    d.fibroblasts[i] = static_cast<float>(a.fibroblasts);
    d.vessels[i] = static_cast<float>(a.vessels);
    const bool whollyDermis = a.dermis > 1.0 - 1e-9;
    if (whollyDermis && d.first_dermis_row == grid.nz) d.first_dermis_row = k;
    if (!whollyDermis && d.first_dermis_row < grid.nz && d.end_dermis_row == grid.nz)
      d.end_dermis_row = k;
  }
  return d;
}

}  // namespace dermasim
