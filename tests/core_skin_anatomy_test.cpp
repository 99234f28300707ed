#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <string>

#include "GridSupport.hpp"
#include "core/tissue/SkinAnatomy.hpp"

using namespace dermasim;

namespace {

const Site kFace[] = {Site::Forehead, Site::Periorbital, Site::Nose,
                      Site::Cheek,    Site::Chin,        Site::UpperLip};
const Site kBody[] = {Site::Hand, Site::Scalp, Site::Abdomen, Site::Thigh, Site::Back};

Grid gridFor(const Layers& l, double dz) { return makeGrid(4, 4, depthCells(l, dz), 0.025, dz); }

double sumTimesDz(const std::vector<float>& v, double dz) {
  double s = 0;
  for (float x : v) s += static_cast<double>(x) * dz;
  return s;
}

// Fibroblasts of the dermis alone: the profile's less those of the fat below it.
double dermisFibroblastsTimesDz(const DepthProfile& d, const AnatomyParameters& p, double dz) {
  double s = 0;
  for (std::size_t k = 0; k < d.fibroblasts.size(); ++k)
    s += (static_cast<double>(d.fibroblasts[k]) -
          static_cast<double>(d.subcutis[k]) * p.subcutis_fibroblast_ratio) *
         dz;
  return s;
}

}  // namespace

TEST_CASE("SkinAnatomy face layers lie within the published facial ranges") {
  const AnatomyParameters p = AnatomyParameters::from(ModelParameters{});
  for (Site site : kFace) {
    const Layers l = layersFor(site, 35, p);
    INFO(toString(site));
    // Chopra 2015 / Selcuk: facial epidermis 30-123 um; Meng 2022 / Chopra: dermis 0.58-1.97.
    CHECK(l.epidermis_mm >= 0.030);
    CHECK(l.epidermis_mm <= 0.123);
    CHECK(l.dermis_mm >= 0.58);
    CHECK(l.dermis_mm <= 1.97);
  }
  const Layers neck = layersFor(Site::Neck, 35, p);
  CHECK(neck.dermis_mm == Approx(0.985).margin(0.05));  // Meng 2022
  CHECK(layersFor(Site::Periorbital, 35, p).dermis_mm < layersFor(Site::Cheek, 35, p).dermis_mm);
  CHECK(layersFor(Site::UpperLip, 35, p).epidermis_mm ==
        Approx(0.0626).margin(0.001));  // Chopra: thickest facial epidermis
}

TEST_CASE("SkinAnatomy body layers lie within the published body ranges") {
  const AnatomyParameters p = AnatomyParameters::from(ModelParameters{});
  for (Site site : kBody) {
    const Layers l = layersFor(site, 35, p);
    INFO(toString(site));
    CHECK(l.dermis_mm >= 2.1);  // Oltulu 2018: 2.1-5.9 mm
    CHECK(l.dermis_mm <= 5.9);
    CHECK(l.epidermis_mm >= 0.06);
    CHECK(l.epidermis_mm <= 0.27);
  }
  const Layers chest = layersFor(Site::Decollete, 35, p);
  CHECK(chest.dermis_mm >= 1.3);
  CHECK(chest.dermis_mm <= 5.9);
  CHECK(layersFor(Site::Back, 35, p).dermis_mm > layersFor(Site::Cheek, 35, p).dermis_mm);
}

TEST_CASE("SkinAnatomy sublayers are consistent") {
  const AnatomyParameters p = AnatomyParameters::from(ModelParameters{});
  for (Site site : {Site::Periorbital, Site::Cheek, Site::Back}) {
    const Layers l = layersFor(site, 50, p);
    INFO(toString(site));
    CHECK(l.stratum_corneum_mm >= 0.005);
    CHECK(l.stratum_corneum_mm <= 0.020);
    CHECK(l.stratum_corneum_mm < l.epidermis_mm);
    CHECK(l.papillary_mm <= 0.45);
    CHECK(l.papillary_mm <= 0.35 * l.dermis_mm);
    CHECK(l.papillary_mm > 0.1);
    CHECK(l.plexus_depth_mm == Approx(l.epidermis_mm + l.papillary_mm));
    CHECK(l.totalMm() == Approx(l.epidermis_mm + l.dermis_mm));
  }
  // Thick dermis: the papillary dermis is the published ~300-400 um.
  const Layers back = layersFor(Site::Back, 35, p);
  CHECK(back.papillary_mm >= 0.3);
  CHECK(back.papillary_mm <= 0.4);
}

TEST_CASE("SkinAnatomy skin thins with age past the onset only") {
  const AnatomyParameters p = AnatomyParameters::from(ModelParameters{});
  for (Site site : {Site::Cheek, Site::Hand}) {
    const Layers young = layersFor(site, 20, p);
    const Layers onset = layersFor(site, 30, p);
    const Layers old = layersFor(site, 75, p);
    CHECK(onset.dermis_mm == Approx(young.dermis_mm));
    CHECK(old.dermis_mm < young.dermis_mm);
    CHECK(old.epidermis_mm < young.epidermis_mm);
    // ~0.6 %/year for 40 years past 35: about a quarter thinner, not gone.
    CHECK(old.dermis_mm / young.dermis_mm == Approx(0.76).margin(0.03));
  }
  const auto faster = AnatomyParameters::from(
      ModelParameters::withOverrides({{"anatomy.dermis_thinning_per_year", 0.012}}));
  CHECK(layersFor(Site::Cheek, 75, faster).dermis_mm < layersFor(Site::Cheek, 75, p).dermis_mm);
}

TEST_CASE("SkinAnatomy the grid reaches the bottom of the dermis") {
  const AnatomyParameters p = AnatomyParameters::from(ModelParameters{});
  for (Site site : {Site::Periorbital, Site::Cheek, Site::Back})
    for (double dz : {0.01, 0.025, 0.05, 0.2}) {
      const Layers l = layersFor(site, 40, p);
      const int nz = depthCells(l, dz);
      CHECK(nz * dz >= l.totalMm() - 1e-12);
      CHECK((nz - 1) * dz < l.totalMm());
    }
  Layers exact;
  exact.epidermis_mm = 0.1;
  exact.dermis_mm = 0.9;
  CHECK(depthCells(exact, 0.05) == 20);
}

TEST_CASE("SkinAnatomy depth profile has the layers in the right places") {
  const AnatomyParameters p = AnatomyParameters::from(ModelParameters{});
  const Layers l = layersFor(Site::Cheek, 40, p);
  const Grid g = gridFor(l, 0.05);
  const DepthProfile d = normalProfile(l, g, p);
  const auto nz = static_cast<std::size_t>(g.nz);
  REQUIRE(d.epidermis.size() == nz);
  REQUIRE(d.vessels.size() == nz);

  CHECK(d.epidermis[0] == 1.0F);
  CHECK(sumTimesDz(d.epidermis, g.dz_mm) == Approx(l.epidermis_mm).margin(1e-6));
  CHECK(sumTimesDz(d.dermis, g.dz_mm) == Approx(l.dermis_mm).margin(1e-6));
  REQUIRE(d.first_dermis_row > 0);
  REQUIRE(d.end_dermis_row > d.first_dermis_row);
  for (std::size_t k = 0; k < nz; ++k) {
    const double top = static_cast<double>(k) * g.dz_mm;
    if (top >= l.epidermis_mm) CHECK(d.epidermis[k] == 0.0F);
    CHECK(d.epidermis[k] + d.dermis[k] <= 1.0F + 1e-6F);
    CHECK(d.collagen3_fraction[k] >= 0.0F);
    CHECK(d.collagen3_fraction[k] <= 1.0F);
  }
  for (int k = d.first_dermis_row; k < d.end_dermis_row; ++k) {
    const auto i = static_cast<std::size_t>(k);
    CHECK(d.epidermis[i] == 0.0F);
    CHECK(d.dermis[i] == Approx(1.0));
  }
  CHECK(d.collagen[0] == 0.0F);
  CHECK(d.fibroblasts[0] == 0.0F);

  // A row wholly in the papillary dermis, and one deep in the reticular dermis.
  const auto pap = static_cast<std::size_t>(d.first_dermis_row);
  REQUIRE(static_cast<double>(pap + 1) * g.dz_mm <= l.papillaryBottomMm());
  const auto ret =
      static_cast<std::size_t>(std::floor((l.epidermis_mm + 0.6 * l.dermis_mm) / g.dz_mm));
  CHECK(d.collagen[pap] < d.collagen[ret]);
  CHECK(d.collagen[ret] == Approx(1.0));
  CHECK(d.collagen[pap] >= 0.4F);
  CHECK(d.collagen[pap] <= 0.7F);
  CHECK(d.collagen3_fraction[ret] >= 0.15F);  // Clore 1979: 15-20 % type III
  CHECK(d.collagen3_fraction[ret] <= 0.20F);
  CHECK(d.collagen3_fraction[pap] > d.collagen3_fraction[ret]);
  CHECK(d.elastin[pap] < d.elastin[ret]);
  CHECK(d.fibroblasts[pap] > d.fibroblasts[ret]);
  // Fibroblasts average 1 over the dermis.
  CHECK(dermisFibroblastsTimesDz(d, p, g.dz_mm) / l.dermis_mm == Approx(1.0).margin(1e-5));

  // Vessels: densest at the superficial plexus, a deep plexus above the fat, sparse between.
  const auto plexus = static_cast<std::size_t>(l.plexus_depth_mm / g.dz_mm);
  const auto last = static_cast<std::size_t>(std::floor((l.totalMm() - 1e-9) / g.dz_mm));
  const auto densest = static_cast<std::size_t>(
      std::max_element(d.vessels.begin(), d.vessels.end()) - d.vessels.begin());
  CHECK(std::abs(static_cast<double>(densest) - static_cast<double>(plexus)) <= 1.0);
  CHECK(d.vessels[ret] < d.vessels[pap]);
  CHECK(std::max(d.vessels[last], d.vessels[last - 1]) > d.vessels[ret]);
  CHECK(d.vessels[0] == 0.0F);
}

TEST_CASE("SkinAnatomy profile on a coarse grid averages partial voxels") {
  const AnatomyParameters p = AnatomyParameters::from(ModelParameters{});
  const Layers l = layersFor(Site::Periorbital, 40, p);
  const Grid g = gridFor(l, 0.2);
  const DepthProfile d = normalProfile(l, g, p);
  CHECK(d.epidermis[0] > 0.0F);
  CHECK(d.epidermis[0] < 1.0F);
  CHECK(sumTimesDz(d.epidermis, g.dz_mm) == Approx(l.epidermis_mm).margin(1e-6));
  CHECK(sumTimesDz(d.dermis, g.dz_mm) == Approx(l.dermis_mm).margin(1e-6));
  CHECK(dermisFibroblastsTimesDz(d, p, g.dz_mm) / l.dermis_mm == Approx(1.0).margin(1e-5));
}

TEST_CASE("SkinAnatomy: each site reads its own rows of the table", "[anatomy]") {
  // Override one site at a time to the top of its ranges: only that site's slot moves.
  const AnatomyParameters standard = AnatomyParameters::from(ModelParameters{});
  for (std::size_t i = 0; i < kSiteCount; ++i) {
    const auto site = static_cast<Site>(i);
    const std::string prefix = "anatomy." + std::string(toString(site));
    const ParameterSpec* epidermis = findParameter(prefix + ".epidermis_um");
    const ParameterSpec* dermis = findParameter(prefix + ".dermis_mm");
    REQUIRE(epidermis != nullptr);
    REQUIRE(dermis != nullptr);
    const AnatomyParameters a = AnatomyParameters::from(ModelParameters::withOverrides(
        {{std::string(epidermis->key), epidermis->max}, {std::string(dermis->key), dermis->max}}));
    INFO(prefix);
    for (std::size_t j = 0; j < kSiteCount; ++j) {
      const auto other = static_cast<Site>(j);
      CHECK(a.at(other).epidermis_um ==
            (i == j ? epidermis->max : standard.at(other).epidermis_um));
      CHECK(a.at(other).dermis_mm == (i == j ? dermis->max : standard.at(other).dermis_mm));
    }
  }
}

TEST_CASE("SkinAnatomy models subcutis only as deep as the needles reach, within its cap") {
  const AnatomyParameters p = AnatomyParameters::from(ModelParameters{});
  const Layers l = layersFor(Site::Periorbital, 35, p);
  // Needles that stop in the dermis need no fat on the grid.
  CHECK(subcutisModelledMm(l, 0.5 * l.totalMm(), p) == 0.0);
  CHECK(subcutisModelledMm(l, l.totalMm(), p) == 0.0);
  // Deeper ones need it down to their tips and a margin below.
  const double reach = 0.2;
  CHECK(subcutisModelledMm(l, l.totalMm() + reach, p) ==
        Approx(reach + p.subcutis_margin_mm).margin(1e-12));
  // The cap bounds the cost of the longest needles on the thinnest skin.
  CHECK(subcutisModelledMm(l, l.totalMm() + 10.0, p) == Approx(p.subcutis_modelled_mm));

  Layers deep = l;
  deep.subcutis_mm = subcutisModelledMm(l, 2.5, p);
  const double dz = 0.05;
  CHECK(depthCells(deep, dz) > depthCells(l, dz));
  CHECK(depthCells(deep, dz) * dz >= deep.gridBottomMm() - 1e-9);
  CHECK(depthCells(l, dz) == static_cast<int>(std::ceil(l.totalMm() / dz - 1e-9)));
}

TEST_CASE("SkinAnatomy subcutis rows hold fat: no collagen, few cells, their own vessels") {
  const AnatomyParameters p = AnatomyParameters::from(ModelParameters{});
  Layers l = layersFor(Site::Periorbital, 35, p);
  const double dz = 0.05;
  const Grid shallow = gridFor(l, dz);
  const DepthProfile skinOnly = normalProfile(l, shallow, p);
  l.subcutis_mm = 0.5;
  const Grid g = gridFor(l, dz);
  const DepthProfile d = normalProfile(l, g, p);
  REQUIRE(d.subcutis.size() == static_cast<std::size_t>(g.nz));
  REQUIRE(d.subcutis_vessels.size() == static_cast<std::size_t>(g.nz));
  // The dermis and its rows are as they were without the fat.
  CHECK(d.first_dermis_row == skinOnly.first_dermis_row);
  CHECK(d.end_dermis_row == skinOnly.end_dermis_row);
  int fatRows = 0;
  for (int k = 0; k < g.nz; ++k) {
    const auto i = static_cast<std::size_t>(k);
    CHECK(d.epidermis[i] + d.dermis[i] + d.subcutis[i] == Approx(1.0).margin(1e-6));
    if (d.subcutis[i] < 1.0F) continue;
    ++fatRows;
    INFO("row " << k);
    CHECK(d.collagen[i] == 0.0F);
    CHECK(d.elastin[i] == 0.0F);
    CHECK(d.dermis[i] == 0.0F);
    CHECK(d.vessels[i] == 0.0F);  // colour is read from the skin's vessels only
    CHECK(d.subcutis_vessels[i] == Approx(p.vessel_subcutis));
    CHECK(d.fibroblasts[i] == Approx(p.subcutis_fibroblast_ratio));
    CHECK(d.fibroblasts[i] < 0.5F);  // few resident cells next to the dermis's mean of 1
  }
  CHECK(fatRows >= static_cast<int>(std::floor(0.5 / dz)) - 1);
  // The fat is below the whole dermis: every collagen-bearing row is above it.
  CHECK(sumTimesDz(d.dermis, dz) == Approx(l.dermis_mm).epsilon(1e-5));
  CHECK(sumTimesDz(d.subcutis, dz) == Approx(g.nz * dz - l.totalMm()).epsilon(1e-5));
}
