#include "core/tissue/SkinAnatomy.hpp"

#include <algorithm>
#include <cmath>

namespace dermasim {
namespace {

// Thinning is linear in age past the onset; the floor only guards extreme overrides, where
// a straight line would otherwise leave no skin at all.
double ageFactor(double ratePerYear, double age, double onset) {
  return std::max(0.4, 1.0 - ratePerYear * std::max(0.0, age - onset));
}

// Tissue properties at one depth: the layers are piecewise constant in depth, so a voxel
// average is exact when the voxel is split at every layer boundary.
struct Props {
  double epidermis = 0, dermis = 0, subcutis = 0, collagen = 0, collagen3 = 0, elastin = 0,
         fibroblasts = 0, vessels = 0, subcutis_vessels = 0;
};

class LayerModel {
 public:
  LayerModel(const Layers& layers, const AnatomyParameters& a) : l_(layers) {
    papCollagen_ = a.papillary_collagen;
    col3Pap_ = a.collagen3_papillary;
    col3Ret_ = a.collagen3_reticular;
    papElastin_ = a.papillary_elastin;
    papFibro_ = a.papillary_fibroblast_ratio;
    vesPap_ = a.vessel_papillary;
    vesPlexus_ = a.vessel_plexus;
    vesRet_ = a.vessel_reticular;
    vesDeep_ = a.vessel_deep_plexus;
    fatFibro_ = a.subcutis_fibroblast_ratio;
    vesFat_ = a.vessel_subcutis;
    // Bands are kept inside the dermis even when it is thin, so each stays visible.
    const double bandMax = a.plexus_max_fraction * l_.dermis_mm;
    plexusHalf_ = 0.5 * std::min(a.plexus_thickness_um / 1000.0, bandMax);
    deepThickness_ = std::min(a.deep_plexus_thickness_um / 1000.0, bandMax);
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
    if (z >= l_.totalMm()) {
      // Fat: no dermal matrix to remodel, few resident cells.
      a.subcutis = 1;
      a.fibroblasts = fatFibro_;
      a.subcutis_vessels = vesFat_;
      return a;
    }
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
  double vesPap_, vesPlexus_, vesRet_, vesDeep_, fatFibro_, vesFat_;
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
    sum.subcutis += w * a.subcutis;
    sum.subcutis_vessels += w * a.subcutis_vessels;
    sum.collagen += w * a.collagen;
    sum.collagen3 += w * a.collagen3;
    sum.elastin += w * a.elastin;
    sum.fibroblasts += w * a.fibroblasts;
    sum.vessels += w * a.vessels;
  }
  return sum;
}

}  // namespace

AnatomyParameters AnatomyParameters::from(const ModelParameters& p) {
  AnatomyParameters a{};
  const auto site = [&a](Site s, double epidermisUm, double dermisMm) {
    a.sites[static_cast<std::size_t>(s)] = {epidermisUm, dermisMm};
  };
  site(Site::Forehead, p["anatomy.forehead.epidermis_um"], p["anatomy.forehead.dermis_mm"]);
  site(Site::Periorbital, p["anatomy.periorbital.epidermis_um"],
       p["anatomy.periorbital.dermis_mm"]);
  site(Site::Nose, p["anatomy.nose.epidermis_um"], p["anatomy.nose.dermis_mm"]);
  site(Site::Cheek, p["anatomy.cheek.epidermis_um"], p["anatomy.cheek.dermis_mm"]);
  site(Site::Chin, p["anatomy.chin.epidermis_um"], p["anatomy.chin.dermis_mm"]);
  site(Site::UpperLip, p["anatomy.upper_lip.epidermis_um"], p["anatomy.upper_lip.dermis_mm"]);
  site(Site::Neck, p["anatomy.neck.epidermis_um"], p["anatomy.neck.dermis_mm"]);
  site(Site::Decollete, p["anatomy.decollete.epidermis_um"], p["anatomy.decollete.dermis_mm"]);
  site(Site::Hand, p["anatomy.hand.epidermis_um"], p["anatomy.hand.dermis_mm"]);
  site(Site::Scalp, p["anatomy.scalp.epidermis_um"], p["anatomy.scalp.dermis_mm"]);
  site(Site::Abdomen, p["anatomy.abdomen.epidermis_um"], p["anatomy.abdomen.dermis_mm"]);
  site(Site::Thigh, p["anatomy.thigh.epidermis_um"], p["anatomy.thigh.dermis_mm"]);
  site(Site::Back, p["anatomy.back.epidermis_um"], p["anatomy.back.dermis_mm"]);
  a.stratum_corneum_um = p["anatomy.stratum_corneum_um"];
  a.papillary_um = p["anatomy.papillary_um"];
  a.papillary_max_fraction = p["anatomy.papillary_max_fraction"];
  a.thinning_onset_age = p["anatomy.thinning_onset_age"];
  a.dermis_thinning_per_year = p["anatomy.dermis_thinning_per_year"];
  a.epidermis_thinning_per_year = p["anatomy.epidermis_thinning_per_year"];
  a.papillary_collagen = p["anatomy.papillary_collagen"];
  a.papillary_elastin = p["anatomy.papillary_elastin"];
  a.papillary_fibroblast_ratio = p["anatomy.papillary_fibroblast_ratio"];
  a.collagen3_reticular = p["anatomy.collagen3_reticular"];
  a.collagen3_papillary = p["anatomy.collagen3_papillary"];
  a.vessel_papillary = p["anatomy.vessel_papillary"];
  a.vessel_plexus = p["anatomy.vessel_plexus"];
  a.vessel_reticular = p["anatomy.vessel_reticular"];
  a.vessel_deep_plexus = p["anatomy.vessel_deep_plexus"];
  a.plexus_thickness_um = p["anatomy.plexus_thickness_um"];
  a.deep_plexus_thickness_um = p["anatomy.deep_plexus_thickness_um"];
  a.plexus_max_fraction = p["anatomy.plexus_max_fraction"];
  a.subcutis_modelled_mm = p["anatomy.subcutis_modelled_mm"];
  a.subcutis_margin_mm = p["anatomy.subcutis_margin_mm"];
  a.subcutis_fibroblast_ratio = p["anatomy.subcutis_fibroblast_ratio"];
  a.vessel_subcutis = p["anatomy.vessel_subcutis"];
  return a;
}

Layers layersFor(Site site, double age_years, const AnatomyParameters& a) {
  const double onset = a.thinning_onset_age;
  Layers l;
  l.epidermis_mm =
      a.at(site).epidermis_um / 1000.0 * ageFactor(a.epidermis_thinning_per_year, age_years, onset);
  l.dermis_mm = a.at(site).dermis_mm * ageFactor(a.dermis_thinning_per_year, age_years, onset);
  l.stratum_corneum_mm = std::min(a.stratum_corneum_um / 1000.0, 0.5 * l.epidermis_mm);
  l.papillary_mm = std::min(a.papillary_um / 1000.0, a.papillary_max_fraction * l.dermis_mm);
  // The superficial plexus runs along the papillary-reticular border.
  l.plexus_depth_mm = l.papillaryBottomMm();
  return l;
}

double subcutisModelledMm(const Layers& layers, double deepestNeedleMm,
                          const AnatomyParameters& a) {
  const double below = deepestNeedleMm - layers.totalMm();
  if (below <= 0) return 0.0;
  return std::min(a.subcutis_modelled_mm, below + a.subcutis_margin_mm);
}

int depthCells(const Layers& layers, double dz_mm) {
  // The small slack keeps an exact multiple from gaining a needless extra row.
  return std::max(1, static_cast<int>(std::ceil(layers.gridBottomMm() / dz_mm - 1e-9)));
}

DepthProfile normalProfile(const Layers& layers, const Grid& grid,
                           const AnatomyParameters& anatomy) {
  const LayerModel model(layers, anatomy);
  const std::vector<double> breaks = model.breakpoints();
  const auto nz = static_cast<std::size_t>(grid.nz);
  DepthProfile d;
  for (auto* v : {&d.epidermis, &d.dermis, &d.subcutis, &d.collagen, &d.collagen3_fraction,
                  &d.elastin, &d.fibroblasts, &d.vessels, &d.subcutis_vessels})
    v->assign(nz, 0.0f);
  d.first_dermis_row = grid.nz;
  d.end_dermis_row = grid.nz;
  for (int k = 0; k < grid.nz; ++k) {
    const Props a = voxelAverage(model, breaks, k * grid.dz_mm, (k + 1) * grid.dz_mm);
    const auto i = static_cast<std::size_t>(k);
    d.epidermis[i] = static_cast<float>(a.epidermis);
    d.dermis[i] = static_cast<float>(a.dermis);
    d.subcutis[i] = static_cast<float>(a.subcutis);
    d.collagen[i] = static_cast<float>(a.collagen);
    d.collagen3_fraction[i] = static_cast<float>(a.collagen > 0 ? a.collagen3 / a.collagen : 0.0);
    d.elastin[i] = static_cast<float>(a.elastin);
    d.fibroblasts[i] = static_cast<float>(a.fibroblasts);
    d.vessels[i] = static_cast<float>(a.vessels);
    d.subcutis_vessels[i] = static_cast<float>(a.subcutis_vessels);
    const bool whollyDermis = a.dermis > 1.0 - 1e-9;
    if (whollyDermis && d.first_dermis_row == grid.nz) d.first_dermis_row = k;
    if (!whollyDermis && d.first_dermis_row < grid.nz && d.end_dermis_row == grid.nz)
      d.end_dermis_row = k;
  }
  return d;
}

}  // namespace dermasim
