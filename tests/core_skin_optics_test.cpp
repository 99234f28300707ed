#include <catch2/catch.hpp>
#include <chrono>
#include <cmath>
#include <random>
#include <stdexcept>
#include <vector>

#include "core/optics/SkinOptics.hpp"

using namespace dermasim;

namespace {

// Facial epidermis (Chopra 2015: 30-63 um), the thickness the melanin fractions are set for.
constexpr double kFaceEpidermisMm = 0.06;

Spectrum flat(double r) {
  Spectrum s;
  s.fill(r);
  return s;
}

Lab resting(int type, const OpticsParameters& p) {
  return skinLab(restingSkin(type, kFaceEpidermisMm, p), p);
}

}  // namespace

TEST_CASE("SkinOptics: a perfect white reflector is L* 100, neutral, and sRGB white", "[optics]") {
  const Lab white = labFromReflectance(flat(1.0));
  CHECK(white.L == Approx(100.0).margin(1e-9));
  CHECK(white.a == Approx(0.0).margin(1e-9));
  CHECK(white.b == Approx(0.0).margin(1e-9));
  const Srgb rgb = toSrgb(white);
  CHECK(rgb.r == Approx(1.0F).margin(2e-3));
  CHECK(rgb.g == Approx(1.0F).margin(2e-3));
  CHECK(rgb.b == Approx(1.0F).margin(2e-3));
}

TEST_CASE("SkinOptics: a flat 18 % grey is neutral at L* 49.5", "[optics]") {
  const Lab grey = labFromReflectance(flat(0.18));
  CHECK(grey.L == Approx(49.5).margin(0.05));
  CHECK(grey.a == Approx(0.0).margin(1e-9));
  CHECK(grey.b == Approx(0.0).margin(1e-9));
  // sRGB middle grey: 0.18 linear encodes to ~0.46.
  const Srgb rgb = toSrgb(grey);
  CHECK(rgb.r == Approx(0.461F).margin(3e-3));
  CHECK(rgb.g == Approx(rgb.r).margin(2e-3));
  CHECK(rgb.b == Approx(rgb.r).margin(2e-3));
  // Black stays black rather than going negative.
  const Srgb black = toSrgb(labFromReflectance(flat(0.0)));
  CHECK(black.r == 0.0F);
  CHECK(black.g == 0.0F);
  CHECK(black.b == 0.0F);
}

TEST_CASE("SkinOptics: resting type III skin has the colour Yun 2010 measured", "[optics]") {
  // Yun et al. 2010, 148 adults, 5 sites: L* 64.15 +/- 4.86, a* 8.96 +/- 2.65, b* 18.34 +/- 2.39.
  const OpticsParameters p = OpticsParameters::from(ModelParameters{});
  const Lab lab = resting(3, p);
  CHECK(lab.L == Approx(64.0).margin(6.0));
  CHECK(lab.a == Approx(8.96).margin(2.65));
  CHECK(lab.b == Approx(18.0).margin(5.0));
  // Type II sits at the lighter edge of the same population.
  const Lab two = resting(2, p);
  CHECK(two.L == Approx(64.0).margin(6.0));
  CHECK(two.a == Approx(8.96).margin(2.65));
}

TEST_CASE("SkinOptics: lightness falls strictly from Fitzpatrick I to VI", "[optics]") {
  const OpticsParameters p = OpticsParameters::from(ModelParameters{});
  double previousL = 101.0;
  for (int type = 1; type <= 6; ++type) {
    const Lab lab = resting(type, p);
    INFO("type " << type << ": L* " << lab.L << " a* " << lab.a << " b* " << lab.b);
    CHECK(lab.L < previousL);
    previousL = lab.L;
  }
  // The individual typology angle classes (Chardon 1991) the fractions were chosen for.
  const auto ita = [&](int type) {
    const Lab lab = resting(type, p);
    return std::atan2(lab.L - 50.0, lab.b) * 180.0 / 3.14159265358979;
  };
  CHECK(ita(1) > 55.0);
  CHECK(ita(3) > 28.0);
  CHECK(ita(3) < 41.0);
  CHECK(ita(6) < -30.0);
  CHECK_THROWS_AS(melaninFraction(0, p), std::invalid_argument);
  CHECK_THROWS_AS(melaninFraction(7, p), std::invalid_argument);
}

TEST_CASE("SkinOptics: redness rises strictly with dermal blood up to full erythema", "[optics]") {
  const OpticsParameters p = OpticsParameters::from(ModelParameters{});
  const ModelParameters table;
  CHECK(erythemaBloodFraction(0.0, p) == Approx(table["optics.baseline_blood_fraction"]));
  CHECK(erythemaBloodFraction(1.0, p) == Approx(table["optics.max_erythema_blood_fraction"]));
  for (int type = 1; type <= 6; ++type) {
    SkinOpticalInputs in = restingSkin(type, kFaceEpidermisMm, p);
    const Lab rest = skinLab(in, p);
    Lab previous = rest;
    for (int step = 1; step <= 10; ++step) {
      in.blood_fraction = erythemaBloodFraction(0.1 * step, p);
      const Lab lab = skinLab(in, p);
      INFO("type " << type << ", erythema " << 0.1 * step << ": a* " << lab.a);
      CHECK(lab.a > previous.a);
      CHECK(lab.L < previous.L);
      previous = lab;
    }
    INFO("type " << type << ": full erythema adds " << previous.a - rest.a << " to a*");
    // Clinically visible on every type, most on light skin where melanin hides least.
    CHECK(previous.a - rest.a > 3.0);
    if (type <= 3) {
      CHECK(previous.a - rest.a > 6.0);
      CHECK(previous.a - rest.a < 12.0);
    }
  }
}

TEST_CASE("SkinOptics: blood on the surface reddens and darkens the skin", "[optics]") {
  const OpticsParameters p = OpticsParameters::from(ModelParameters{});
  for (int type : {1, 3, 6}) {
    SkinOpticalInputs in = restingSkin(type, kFaceEpidermisMm, p);
    Lab previous = skinLab(in, p);
    for (double um : {0.5, 2.0, 5.0, 10.0, 20.0, 40.0}) {
      in.surface_blood_um = um;
      const Lab lab = skinLab(in, p);
      INFO("type " << type << ", " << um << " um of blood: L* " << lab.L << " a* " << lab.a);
      CHECK(lab.a > previous.a);
      CHECK(lab.L < previous.L);
      previous = lab;
    }
  }
  // A continuous film renders blood-red.
  SkinOpticalInputs in = restingSkin(3, kFaceEpidermisMm, p);
  in.surface_blood_um = 50.0;
  const Srgb rgb = toSrgb(skinLab(in, p));
  CHECK(rgb.r > 2.0F * rgb.g);
  CHECK(rgb.r > 2.0F * rgb.b);
}

TEST_CASE("SkinOptics: resting skin renders skin-coloured", "[optics]") {
  const OpticsParameters p = OpticsParameters::from(ModelParameters{});
  for (int type = 1; type <= 6; ++type) {
    const Srgb rgb = toSrgb(resting(type, p));
    INFO("type " << type << ": sRGB " << rgb.r << " " << rgb.g << " " << rgb.b);
    CHECK(rgb.r > rgb.g);
    CHECK(rgb.g > rgb.b);
  }
}

TEST_CASE("SkinOptics: the colour table agrees with the direct model", "[optics]") {
  const OpticsParameters p = OpticsParameters::from(ModelParameters{});
  std::mt19937 rng(7);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  for (int type : {1, 3, 6}) {
    const SkinOpticalInputs rest = restingSkin(type, kFaceEpidermisMm, p);
    const SkinColourTable table(rest.melanin_fraction, kFaceEpidermisMm, p);
    double worstA = 0, worstL = 0, worstB = 0;
    for (int k = 0; k < 3000; ++k) {
      SkinOpticalInputs in = rest;
      // Dense where the simulation lives: little blood, mostly no surface blood.
      in.blood_fraction = table.maxBloodFraction() * unit(rng) * unit(rng);
      in.surface_blood_um =
          unit(rng) < 0.3 ? 0.0 : table.maxSurfaceBloodUm() * std::pow(unit(rng), 3.0);
      const Lab direct = skinLab(in, p);
      const Lab fast = table.lab(in.blood_fraction, in.surface_blood_um);
      worstA = std::max(worstA, std::abs(direct.a - fast.a));
      worstL = std::max(worstL, std::abs(direct.L - fast.L));
      worstB = std::max(worstB, std::abs(direct.b - fast.b));
    }
    INFO("type " << type << ": worst error a* " << worstA << ", L* " << worstL << ", b* "
                 << worstB);
    CHECK(worstA < 0.1);
    CHECK(worstL < 0.1);
    CHECK(worstB < 0.2);
    // Nodes are exact; the resting colour lies between nodes.
    SkinOpticalInputs bloodless = rest;
    bloodless.blood_fraction = 0.0;
    CHECK(table.lab(0.0, 0.0).a == Approx(skinLab(bloodless, p).a).margin(1e-4));
    const Lab restLab = skinLab(rest, p);
    CHECK(table.lab(rest.blood_fraction, 0.0).a == Approx(restLab.a).margin(0.05));
    // sRGB from the table matches converting the direct Lab.
    const Srgb fromTable = table.srgb(rest.blood_fraction, 0.0);
    const Srgb direct = toSrgb(restLab);
    CHECK(fromTable.r == Approx(direct.r).margin(5e-3));
    CHECK(fromTable.g == Approx(direct.g).margin(5e-3));
    CHECK(fromTable.b == Approx(direct.b).margin(5e-3));
    // Beyond the grid the table holds its edge.
    const Lab edge = table.lab(table.maxBloodFraction(), table.maxSurfaceBloodUm());
    const Lab beyond = table.lab(2.0, 1e4);
    CHECK(beyond.a == Approx(edge.a));
    CHECK(table.lab(-1.0, -5.0).a == Approx(table.lab(0.0, 0.0).a));
  }
}

TEST_CASE("SkinOptics: the colour table serves 40,000 pixels in well under 5 ms", "[optics]") {
  const OpticsParameters p = OpticsParameters::from(ModelParameters{});
  const SkinColourTable table(melaninFraction(3, p), kFaceEpidermisMm, p);
  std::mt19937 rng(11);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  constexpr int kPixels = 40000;
  std::vector<double> blood(kPixels), surface(kPixels);
  for (int k = 0; k < kPixels; ++k) {
    blood[static_cast<std::size_t>(k)] = 0.04 * unit(rng);
    surface[static_cast<std::size_t>(k)] = unit(rng) < 0.9 ? 0.0 : 30.0 * unit(rng);
  }
  double best = 1e9, sum = 0;
  for (int run = 0; run < 5; ++run) {
    const auto start = std::chrono::steady_clock::now();
    for (std::size_t k = 0; k < blood.size(); ++k) {
      const Lab lab = table.lab(blood[k], surface[k]);
      const Srgb rgb = table.srgb(blood[k], surface[k]);
      sum += lab.a + static_cast<double>(rgb.r);
    }
    const auto stop = std::chrono::steady_clock::now();
    best = std::min(best, std::chrono::duration<double, std::milli>(stop - start).count());
  }
  CHECK(sum > 0);
  INFO("40,000 Lab + sRGB lookups: " << best << " ms");
#if defined(NDEBUG) && !defined(__SANITIZE_ADDRESS__)
  CHECK(best < 5.0);
#endif
}

TEST_CASE("Cielab: kD65White is exactly the white the CIE tables integrate to", "[optics]") {
  // Any drift in the constant would leave the perfect reflector off-neutral by ~1e-14.
  const Lab white = labFromReflectance(flat(1.0));
  CHECK(white.L == 100.0);
  CHECK(white.a == 0.0);
  CHECK(white.b == 0.0);
  const Xyz back = xyzFromLab(white);
  CHECK(back.X == Approx(kD65White.X).epsilon(1e-14));
  CHECK(back.Z == Approx(kD65White.Z).epsilon(1e-14));
  const Lab skin{62.0, 14.5, 17.0};
  const Lab again = labFromXyz(xyzFromLab(skin));
  CHECK(again.L == Approx(skin.L).epsilon(1e-12));
  CHECK(again.a == Approx(skin.a).epsilon(1e-12));
  CHECK(again.b == Approx(skin.b).epsilon(1e-12));
}
