#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <map>

#include "core/tissue/BaselineSkin.hpp"
#include "core/tissue/SurfaceTexture.hpp"

using namespace dermasim;

namespace {

Scenario acneScenario(double countPerCm2, ScarMix mix, std::uint64_t seed = 42) {
  Scenario s;
  s.seed = seed;
  s.patient.site = Site::Cheek;
  s.patient.age_years = 30;
  s.patient.indication = Indication::AcneScars;
  s.patient.scars = BaselineScars{countPerCm2, 0.3, mix};
  s.model = ModelSettings{5.0, 25.0, 50.0};
  return s;
}

const ScarMix kDefaultMix{0.5, 0.3, 0.2};

// Texture off, so a column's missing tissue is its scars' and nothing else.
ModelParameters noTexture() {
  return ModelParameters::withOverrides(
      {{"baseline.texture_ra_um", 0.0}, {"baseline.texture_ra_per_decade_um", 0.0}});
}

double columnDepthMm(const BaselineSkin& b, int i, int j) {
  double s = 0;
  for (int k = 0; k < b.grid.nz; ++k)
    s += static_cast<double>(b.deficit[static_cast<Eigen::Index>(b.grid.index(i, j, k))]) *
         b.grid.dz_mm;
  return s;
}

Eigen::ArrayXd surfaceDepths(const BaselineSkin& b) {
  Eigen::ArrayXd d(static_cast<Eigen::Index>(b.grid.columns()));
  for (int j = 0; j < b.grid.ny; ++j)
    for (int i = 0; i < b.grid.nx; ++i)
      d[static_cast<Eigen::Index>(b.grid.column(i, j))] = columnDepthMm(b, i, j);
  return d;
}

// Deepest row holding missing tissue in any column of the footprint of scars of one type.
int deepestRow(const BaselineSkin& b, ScarType type) {
  int deepest = -1;
  for (int j = 0; j < b.grid.ny; ++j)
    for (int i = 0; i < b.grid.nx; ++i) {
      const auto idx =
          static_cast<int>(b.scarIndex[static_cast<Eigen::Index>(b.grid.column(i, j))]);
      if (idx == 0 || b.scars[static_cast<std::size_t>(idx - 1)].type != type) continue;
      for (int k = 0; k < b.grid.nz; ++k)
        if (b.deficit[static_cast<Eigen::Index>(b.grid.index(i, j, k))] > 0.0F)
          deepest = std::max(deepest, k);
    }
  return deepest;
}

void checkBounds(const BaselineSkin& b, double cap) {
  const Grid& g = b.grid;
  REQUIRE(b.deficit.size() == static_cast<Eigen::Index>(g.voxels()));
  REQUIRE(b.disorder.size() == static_cast<Eigen::Index>(g.voxels()));
  REQUIRE(b.tether.size() == static_cast<Eigen::Index>(g.columns()));
  REQUIRE(b.scarIndex.size() == static_cast<Eigen::Index>(g.columns()));
  CHECK(b.deficit.minCoeff() >= 0.0F);
  CHECK(static_cast<double>(b.deficit.maxCoeff()) <= cap + 1e-6);
  CHECK(b.disorder.minCoeff() >= 0.0F);
  CHECK(b.disorder.maxCoeff() <= 1.0F);
  CHECK(b.tether.minCoeff() >= 0.0F);
  CHECK(b.tether.maxCoeff() <= 1.0F);
  // No missing tissue in any row that holds epidermis.
  for (int k = 0; k < g.nz; ++k) {
    if (b.profile.epidermis[static_cast<std::size_t>(k)] <= 0.0F) continue;
    float worst = 0.0F;
    for (int j = 0; j < g.ny; ++j)
      for (int i = 0; i < g.nx; ++i)
        worst = std::max(worst, b.deficit[static_cast<Eigen::Index>(g.index(i, j, k))]);
    INFO("row " << k);
    CHECK(worst == 0.0F);
  }
}

}  // namespace

TEST_CASE("BaselineSkin grid spans the patch and the dermis in reasonable memory") {
  const ModelParameters p;
  const BaselineSkin b = makeBaselineSkin(acneScenario(6, kDefaultMix), p);
  CHECK(b.grid.nx == 200);
  CHECK(b.grid.ny == 200);
  CHECK(b.grid.dx_mm == Approx(0.025));
  CHECK(b.grid.dz_mm == Approx(0.05));
  CHECK(b.grid.sizeXMm() == Approx(5.0));
  CHECK(b.grid.nz * b.grid.dz_mm >= b.layers.totalMm());
  CHECK((b.grid.nz - 1) * b.grid.dz_mm < b.layers.totalMm());
  const double bytes = static_cast<double>(b.deficit.size() + b.disorder.size()) * sizeof(float);
  CHECK(bytes < 16e6);  // two 3-D float fields for 200 x 200 x nz
  CHECK(b.grid.nz < 40);

  // An awkward resolution still tiles the patch exactly, so periodic wrap is seamless.
  Scenario odd = acneScenario(6, kDefaultMix);
  odd.model = ModelSettings{5.0, 30.0, 40.0};
  const BaselineSkin c = makeBaselineSkin(odd, p);
  CHECK(c.grid.nx == 167);
  CHECK(c.grid.sizeXMm() == Approx(5.0));
  CHECK(c.grid.nz * c.grid.dz_mm >= c.layers.totalMm());
}

TEST_CASE("BaselineSkin acne scar count and type mix") {
  const ModelParameters p;
  // 5 mm patch = 0.25 cm2.
  CHECK(makeBaselineSkin(acneScenario(6, kDefaultMix), p).scars.size() == 2);  // 1.5 -> 2
  CHECK(makeBaselineSkin(acneScenario(12, kDefaultMix), p).scars.size() == 3);
  CHECK(makeBaselineSkin(acneScenario(0.5, kDefaultMix), p).scars.size() == 1);  // at least one
  const BaselineSkin none = makeBaselineSkin(acneScenario(0, kDefaultMix), p);
  CHECK(none.scars.empty());
  CHECK(none.scarIndex.maxCoeff() == 0.0F);

  for (std::uint64_t seed : {1u, 2u, 3u, 4u}) {
    const BaselineSkin b = makeBaselineSkin(acneScenario(40, kDefaultMix, seed), p);
    REQUIRE(b.scars.size() == 10);
    std::map<ScarType, int> n;
    for (const Scar& s : b.scars) ++n[s.type];
    CHECK(n[ScarType::Rolling] == 5);
    CHECK(n[ScarType::Boxcar] == 3);
    CHECK(n[ScarType::Icepick] == 2);
    // Seven scars: each type gets its share rounded up or down.
    const BaselineSkin c = makeBaselineSkin(acneScenario(28, kDefaultMix, seed), p);
    REQUIRE(c.scars.size() == 7);
    std::map<ScarType, int> m;
    for (const Scar& s : c.scars) ++m[s.type];
    CHECK(m[ScarType::Rolling] >= 3);
    CHECK(m[ScarType::Rolling] <= 4);
    CHECK(m[ScarType::Boxcar] >= 2);
    CHECK(m[ScarType::Boxcar] <= 3);
    CHECK(m[ScarType::Icepick] >= 1);
    CHECK(m[ScarType::Icepick] <= 2);
    CHECK(m[ScarType::Rolling] + m[ScarType::Boxcar] + m[ScarType::Icepick] == 7);
  }
  const BaselineSkin onlyIcepick = makeBaselineSkin(acneScenario(20, {0, 0, 1}), p);
  for (const Scar& s : onlyIcepick.scars) CHECK(s.type == ScarType::Icepick);
}

TEST_CASE("BaselineSkin scar shapes follow Jacob 2001") {
  const ModelParameters p;
  const BaselineParameters shapes = BaselineParameters::from(p);
  const BaselineSkin b = makeBaselineSkin(acneScenario(40, kDefaultMix), p);
  for (const Scar& s : b.scars) {
    if (s.type == ScarType::Icepick) CHECK(s.width_mm < 2.0);
    if (s.type == ScarType::Rolling) CHECK(s.width_mm >= 4.0);
    CHECK(s.x_mm >= 0.0);
    CHECK(s.x_mm < 5.0);
    CHECK(scarSurfaceDepthMm(s, 0.0, shapes) == Approx(s.depth_mm));
    CHECK(scarSurfaceDepthMm(s, 0.5 * s.width_mm, shapes) == 0.0);
  }
  Scar box{0, 0, ScarType::Boxcar, 0.3, 2.0};
  Scar ice{0, 0, ScarType::Icepick, 0.3, 2.0};
  // U: flat floor, steep walls; V: falls straight away from the centre.
  CHECK(scarSurfaceDepthMm(box, 0.5, shapes) == Approx(0.3));
  CHECK(scarSurfaceDepthMm(ice, 0.5, shapes) == Approx(0.15));
  // Footprints wrap round the periodic patch.
  const std::vector<Scar> edge{Scar{0.1, 2.5, ScarType::Boxcar, 0.3, 2.0}};
  CHECK(scarsSurfaceDepthMm(edge, 4.9, 2.5, 5.0, shapes) == Approx(0.3));
}

TEST_CASE("BaselineSkin draws a scar wider than the patch at its width, wrapping round") {
  // A 6 mm rolling scar on a 3 mm patch: once cut to 0.9 of the patch (2.7 mm).
  const ModelParameters p = ModelParameters::withOverrides(
      {{"baseline.rolling_width_mm", 6.0}, {"baseline.scar_width_spread", 0.0}});
  Scenario s = acneScenario(10, {1, 0, 0});
  s.model = ModelSettings{3.0, 100.0, 50.0};
  const BaselineSkin b = makeBaselineSkin(s, p);
  REQUIRE(b.scars.size() == 1);
  CHECK(b.scars[0].width_mm == Approx(6.0));
  // Every column lies within 3 mm of the centre on a 3 mm periodic patch: all are scar.
  CHECK(b.scarIndex.minCoeff() == 1.0F);
}

TEST_CASE("BaselineSkin missing tissue under scars equals their surface depth exactly") {
  const ModelParameters p = noTexture();
  const BaselineParameters shapes = BaselineParameters::from(p);
  for (std::uint64_t seed : {7u, 8u}) {
    const BaselineSkin b = makeBaselineSkin(acneScenario(40, kDefaultMix, seed), p);
    checkBounds(b, p["baseline.deficit_cap"]);
    const Grid& g = b.grid;
    double worst = 0;
    bool wraps = false;
    for (int j = 0; j < g.ny; ++j)
      for (int i = 0; i < g.nx; ++i) {
        const double expected = scarsSurfaceDepthMm(b.scars, (i + 0.5) * g.dx_mm,
                                                    (j + 0.5) * g.dx_mm, g.sizeXMm(), shapes);
        worst = std::max(worst, std::abs(columnDepthMm(b, i, j) - expected));
        const float idx = b.scarIndex[static_cast<Eigen::Index>(g.column(i, j))];
        CHECK((idx > 0.0F) == (expected > 0.0));
        if (i == 0 && idx > 0.0F &&
            b.scarIndex[static_cast<Eigen::Index>(g.column(g.nx - 1, j))] == idx)
          wraps = true;
      }
    CHECK(worst < 1e-6);
    CHECK(wraps);
    // Scar tissue is disordered.
    CHECK(b.disorder.maxCoeff() > 0.3F);
  }
}

TEST_CASE("BaselineSkin scar depths average the patient's mean depth") {
  const ModelParameters p;
  for (double mean : {0.1, 0.3, 0.5}) {
    Scenario s = acneScenario(40, kDefaultMix);
    s.patient.scars.mean_depth_mm = mean;
    const BaselineSkin b = makeBaselineSkin(s, p);
    double sum = 0;
    std::map<ScarType, double> byType;
    std::map<ScarType, int> count;
    for (const Scar& sc : b.scars) {
      sum += sc.depth_mm;
      byType[sc.type] += sc.depth_mm;
      ++count[sc.type];
    }
    CHECK(sum / static_cast<double>(b.scars.size()) == Approx(mean).epsilon(1e-9));
    CHECK(byType[ScarType::Icepick] / count[ScarType::Icepick] >
          byType[ScarType::Rolling] / count[ScarType::Rolling]);
  }
  // A dermis too thin for the scars asked for caps them, and the books still balance.
  const ModelParameters q = noTexture();
  Scenario thin = acneScenario(20, kDefaultMix);
  thin.patient.site = Site::Periorbital;
  thin.patient.age_years = 90;
  thin.patient.scars.mean_depth_mm = 2.0;
  const BaselineParameters shapesQ = BaselineParameters::from(q);
  const BaselineSkin b = makeBaselineSkin(thin, q);
  checkBounds(b, q["baseline.deficit_cap"]);
  for (const Scar& sc : b.scars) CHECK(sc.depth_mm < b.layers.dermis_mm);
  const Grid& g = b.grid;
  for (int j = 0; j < g.ny; j += 7)
    for (int i = 0; i < g.nx; i += 7) {
      const double expected = scarsSurfaceDepthMm(b.scars, (i + 0.5) * g.dx_mm, (j + 0.5) * g.dx_mm,
                                                  g.sizeXMm(), shapesQ);
      CHECK(columnDepthMm(b, i, j) == Approx(expected).margin(1e-6));
    }
}

TEST_CASE("BaselineSkin ice-pick scars are narrow and deep, rolling scars wide and tethered") {
  const ModelParameters p;
  const BaselineSkin b = makeBaselineSkin(acneScenario(16, {0.5, 0.0, 0.5}), p);
  REQUIRE(b.scars.size() == 4);
  std::map<ScarType, int> footprint;
  for (Eigen::Index c = 0; c < b.scarIndex.size(); ++c) {
    const auto idx = static_cast<int>(b.scarIndex[c]);
    if (idx > 0) ++footprint[b.scars[static_cast<std::size_t>(idx - 1)].type];
  }
  CHECK(footprint[ScarType::Icepick] < footprint[ScarType::Rolling]);
  CHECK(deepestRow(b, ScarType::Icepick) > deepestRow(b, ScarType::Rolling));
  // Ice-pick tissue loss reaches well into the reticular dermis.
  CHECK(deepestRow(b, ScarType::Icepick) * b.grid.dz_mm >
        b.layers.papillaryBottomMm() + 0.4 * b.layers.dermis_mm);

  for (const Scar& s : b.scars) {
    const int i = static_cast<int>(s.x_mm / b.grid.dx_mm),
              j = static_cast<int>(s.y_mm / b.grid.dx_mm);
    const float t = b.tether[static_cast<Eigen::Index>(b.grid.column(i, j))];
    if (s.type == ScarType::Rolling)
      CHECK(static_cast<double>(t) > 0.5 * p["baseline.rolling_tether"]);
  }
  const BaselineSkin noRolling = makeBaselineSkin(acneScenario(16, {0.0, 0.5, 0.5}), p);
  CHECK(noRolling.tether.maxCoeff() == 0.0F);
}

TEST_CASE("BaselineSkin is deterministic for a seed and differs between seeds") {
  const ModelParameters p;
  for (Indication ind :
       {Indication::AcneScars, Indication::EnlargedPores, Indication::Rejuvenation}) {
    Scenario s = acneScenario(12, kDefaultMix, 5);
    s.patient.indication = ind;
    const BaselineSkin a = makeBaselineSkin(s, p);
    const BaselineSkin b = makeBaselineSkin(s, p);
    CHECK((a.deficit == b.deficit).all());
    CHECK((a.disorder == b.disorder).all());
    CHECK((a.scarIndex == b.scarIndex).all());
    s.seed = 6;
    const BaselineSkin c = makeBaselineSkin(s, p);
    CHECK(!(a.deficit == c.deficit).all());
  }
}

TEST_CASE("BaselineSkin every indication builds within bounds") {
  const ModelParameters p;
  const double cap = p["baseline.deficit_cap"];
  const Indication all[] = {Indication::AcneScars,    Indication::FineLines,
                            Indication::StretchMarks, Indication::SurgicalScar,
                            Indication::Pigmentation, Indication::EnlargedPores,
                            Indication::Rejuvenation, Indication::HairLoss};
  for (Site site : {Site::Periorbital, Site::Cheek, Site::Abdomen})
    for (Indication ind : all) {
      Scenario s = acneScenario(ind == Indication::AcneScars ? 6 : 0, kDefaultMix, 11);
      s.patient.site = site;
      s.patient.age_years = 55;
      s.patient.indication = ind;
      INFO(toString(site) << " " << toString(ind));
      const BaselineSkin b = makeBaselineSkin(s, p);
      checkBounds(b, cap);
      CHECK(b.deficit.maxCoeff() > 0.0F);  // at least the micro-texture
    }
}

TEST_CASE("BaselineSkin indications leave their own marks") {
  const ModelParameters p = noTexture();
  auto build = [&](Indication ind) {
    Scenario s = acneScenario(0, kDefaultMix, 3);
    s.patient.indication = ind;
    return makeBaselineSkin(s, p);
  };
  const BaselineSkin lines = build(Indication::FineLines);
  const Eigen::ArrayXd ld = surfaceDepths(lines);
  CHECK(ld.maxCoeff() > 0.030);
  CHECK(ld.maxCoeff() < 0.120);
  CHECK(lines.disorder.maxCoeff() == 0.0F);
  // Fine lines are a papillary change.
  for (int k = 0; k < lines.grid.nz; ++k)
    if (k * lines.grid.dz_mm >= lines.layers.papillaryBottomMm() + lines.grid.dz_mm)
      for (int j = 0; j < lines.grid.ny; j += 5)
        for (int i = 0; i < lines.grid.nx; i += 5)
          CHECK(lines.deficit[static_cast<Eigen::Index>(lines.grid.index(i, j, k))] == 0.0F);
  // Furrows: about a fifth of the columns or less.
  CHECK(static_cast<double>((ld > 0.0).count()) < static_cast<double>(lines.grid.columns()) / 3.0);

  const BaselineSkin striae = build(Indication::StretchMarks);
  CHECK(surfaceDepths(striae).maxCoeff() > 0.04);
  CHECK(surfaceDepths(striae).maxCoeff() < 0.2);
  CHECK(striae.disorder.maxCoeff() >= 0.6F);
  CHECK(striae.disorder.maxCoeff() <= 0.8F);

  const BaselineSkin surgical = build(Indication::SurgicalScar);
  const Eigen::ArrayXd sd = surfaceDepths(surgical);
  CHECK(sd.maxCoeff() == Approx(0.080).margin(1e-5));
  CHECK(surgical.disorder.maxCoeff() >= 0.85F);
  const double scarShare = static_cast<double>((sd > 0.0).count()) / static_cast<double>(sd.size());
  CHECK(scarShare == Approx(1.0 / 5.0).margin(0.05));  // 1 mm across a 5 mm patch

  const BaselineSkin pores = build(Indication::EnlargedPores);
  const Eigen::ArrayXd pd = surfaceDepths(pores);
  CHECK(pd.maxCoeff() > 0.08);
  CHECK(pd.maxCoeff() < 0.35);
  // ~150 pits of ~0.22 mm over 0.25 cm2 cover a few % of the surface.
  const double poreShare = static_cast<double>((pd > 0.0).count()) / static_cast<double>(pd.size());
  CHECK(poreShare > 0.01);
  CHECK(poreShare < 0.12);

  for (Indication ind :
       {Indication::Rejuvenation, Indication::Pigmentation, Indication::HairLoss}) {
    const BaselineSkin plain = build(ind);
    CHECK(plain.deficit.maxCoeff() == 0.0F);
    CHECK(plain.scars.empty());
  }
}

TEST_CASE("BaselineSkin micro-texture has the documented roughness, more with age") {
  const ModelParameters p;
  const BaselineParameters shapes = BaselineParameters::from(p);
  CHECK(textureRaUm(25, shapes) == Approx(p["baseline.texture_ra_um"]));
  CHECK(textureRaUm(20, shapes) == Approx(textureRaUm(25, shapes)));
  CHECK(textureRaUm(75, shapes) > textureRaUm(25, shapes));
  for (double age : {25.0, 70.0}) {
    Scenario s = acneScenario(0, kDefaultMix, 9);
    s.patient.indication = Indication::Rejuvenation;
    s.patient.age_years = age;
    const BaselineSkin b = makeBaselineSkin(s, p);
    const double ra = roughnessRa(surfaceDepths(b)) * 1000.0;
    CHECK(ra == Approx(textureRaUm(age, shapes)).epsilon(1e-3));
    CHECK(ra >= 1.0);
    CHECK(ra <= 10.0);
  }
}

TEST_CASE("BaselineSkin grid reaches below the dermis only when the needles do") {
  const ModelParameters p;
  const AnatomyParameters anatomy = AnatomyParameters::from(p);
  Scenario s = acneScenario(6, kDefaultMix);
  s.patient.site = Site::Periorbital;
  s.model = ModelSettings{2.0, 50.0, 50.0};
  SessionPlan plan;
  plan.device.type = DeviceType::Pen;
  plan.device.needle_length_mm = 0.25;
  s.sessions = {plan};
  const BaselineSkin within = makeBaselineSkin(s, p);
  CHECK(within.layers.subcutis_mm == 0.0);
  CHECK((within.grid.nz - 1) * within.grid.dz_mm < within.layers.totalMm());

  // A 2.5 mm needle goes through this thin dermis: fat down to its tip and a margin, capped.
  s.sessions.push_back(plan);
  s.sessions.back().device.needle_length_mm = 2.5;
  const BaselineSkin deep = makeBaselineSkin(s, p);
  CHECK(deep.layers.subcutis_mm ==
        Approx(std::min(anatomy.subcutis_modelled_mm,
                        2.5 - deep.layers.totalMm() + anatomy.subcutis_margin_mm)));
  CHECK(deep.grid.nz > within.grid.nz);
  CHECK(gridFor(s, p).nz == deep.grid.nz);
  CHECK(deep.grid.nz * deep.grid.dz_mm >= deep.layers.gridBottomMm() - 1e-9);
  // Missing tissue and disorder only ever in wholly dermis rows: none in any row with fat.
  const std::size_t columns = deep.grid.columns();
  for (int k = 0; k < deep.grid.nz; ++k) {
    if (deep.profile.subcutis[static_cast<std::size_t>(k)] <= 0.0F) continue;
    INFO("row " << k);
    if (deep.profile.subcutis[static_cast<std::size_t>(k)] >= 1.0F)
      CHECK(deep.profile.collagen[static_cast<std::size_t>(k)] == 0.0F);
    const auto o = static_cast<Eigen::Index>(static_cast<std::size_t>(k) * columns);
    CHECK(deep.deficit.segment(o, static_cast<Eigen::Index>(columns)).maxCoeff() == 0.0F);
    CHECK(deep.disorder.segment(o, static_cast<Eigen::Index>(columns)).maxCoeff() == 0.0F);
  }
}
