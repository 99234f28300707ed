#include "core/optics/SkinOptics.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace dermasim {

namespace {

struct BandData {
  double d65;       // CIE illuminant D65, relative spectral power (100 at 560 nm)
  double x, y, z;   // CIE 1931 2-degree colour-matching functions
  double hbo2, hb;  // molar extinction of oxy- and deoxyhaemoglobin, cm^-1 / (mol/L)
};

// D65 and the colour-matching functions are the CIE 15.2-1986 tables (Tables 1.1 and 2.1, the
// 4-decimal abridged observer) at 5 nm. The haemoglobin columns are Scott Prahl's compilation
// (OMLC, "Tabulated molar extinction coefficient for hemoglobin in water", from data of
// W. B. Gratzer and N. Kollias), which is given at 2 nm: values at multiples of 10 nm are his,
// those at 5 nm past are the mean of his two neighbours (e.g. 415 from 414 and 416).
constexpr std::array<BandData, kSpectralBands> kBands{{
    {49.9755, 0.0014, 0.0000, 0.0065, 109564.0, 145232.0},   // 380
    {52.3118, 0.0022, 0.0001, 0.0105, 130276.0, 151288.0},   // 385
    {54.6482, 0.0042, 0.0001, 0.0201, 167748.0, 167780.0},   // 390
    {68.7015, 0.0076, 0.0002, 0.0362, 221836.0, 196832.0},   // 395
    {82.7549, 0.0143, 0.0004, 0.0679, 266232.0, 223296.0},   // 400
    {87.1204, 0.0232, 0.0006, 0.1102, 331462.0, 261958.0},   // 405
    {91.4860, 0.0435, 0.0012, 0.2074, 466840.0, 303956.0},   // 410
    {92.4589, 0.0776, 0.0022, 0.3713, 523080.0, 353222.0},   // 415
    {93.4318, 0.1344, 0.0040, 0.6456, 480360.0, 407560.0},   // 420
    {90.0570, 0.2148, 0.0073, 1.0391, 351134.0, 471520.0},   // 425
    {86.6823, 0.2839, 0.0116, 1.3856, 246072.0, 528600.0},   // 430
    {95.7736, 0.3285, 0.0168, 1.6230, 149076.0, 549600.0},   // 435
    {104.8650, 0.3483, 0.0230, 1.7471, 102580.0, 413280.0},  // 440
    {110.9360, 0.3481, 0.0298, 1.7826, 78884.0, 259974.0},   // 445
    {117.0080, 0.3362, 0.0380, 1.7721, 62816.0, 103292.0},   // 450
    {117.4100, 0.3187, 0.0480, 1.7441, 51524.0, 33434.4},    // 455
    {117.8120, 0.2908, 0.0600, 1.6692, 44480.0, 23388.8},    // 460
    {116.3360, 0.2511, 0.0739, 1.5281, 38440.2, 18701.6},    // 465
    {114.8610, 0.1954, 0.0910, 1.2876, 33209.2, 16156.4},    // 470
    {115.3920, 0.1421, 0.1126, 1.0419, 29482.2, 14920.6},    // 475
    {115.9230, 0.0956, 0.1390, 0.8130, 26629.2, 14550.0},    // 480
    {112.3670, 0.0580, 0.1693, 0.6162, 24925.0, 15378.0},    // 485
    {108.8110, 0.0320, 0.2080, 0.4652, 23684.4, 16684.0},    // 490
    {109.0820, 0.0147, 0.2586, 0.3533, 22154.0, 18648.4},    // 495
    {109.3540, 0.0049, 0.3230, 0.2720, 20932.8, 20862.0},    // 500
    {108.5780, 0.0024, 0.4073, 0.2123, 20182.0, 23289.0},    // 505
    {107.8020, 0.0093, 0.5030, 0.1582, 20035.2, 25773.6},    // 510
    {106.2960, 0.0291, 0.6082, 0.1117, 20715.4, 28681.6},    // 515
    {104.7900, 0.0633, 0.7100, 0.0782, 24202.4, 31589.6},    // 520
    {106.2390, 0.1096, 0.7932, 0.0573, 30882.8, 35170.8},    // 525
    {107.6890, 0.1655, 0.8620, 0.0422, 39956.8, 39036.4},    // 530
    {106.0470, 0.2257, 0.9149, 0.0298, 48338.0, 42840.0},    // 535
    {104.4050, 0.2904, 0.9540, 0.0203, 53236.0, 46592.0},    // 540
    {104.2250, 0.3597, 0.9803, 0.0134, 50982.0, 50488.0},    // 545
    {104.0460, 0.4334, 0.9950, 0.0087, 43016.0, 53412.0},    // 550
    {102.0230, 0.5121, 1.0000, 0.0057, 35646.0, 54530.0},    // 555
    {100.0000, 0.5945, 0.9950, 0.0039, 32613.2, 53788.0},    // 560
    {98.1671, 0.6784, 0.9786, 0.0027, 35205.4, 49700.0},     // 565
    {96.3342, 0.7621, 0.9520, 0.0021, 44496.0, 45072.0},     // 570
    {96.0611, 0.8425, 0.9154, 0.0018, 54424.0, 40904.0},     // 575
    {95.7880, 0.9163, 0.8700, 0.0017, 50104.0, 37020.0},     // 580
    {92.2368, 0.9786, 0.8163, 0.0014, 30620.0, 33592.2},     // 585
    {88.6856, 1.0263, 0.7570, 0.0011, 14400.8, 28324.4},     // 590
    {89.3459, 1.0567, 0.6949, 0.0010, 6681.2, 21187.4},      // 595
    {90.0062, 1.0622, 0.6310, 0.0008, 3200.0, 14677.2},      // 600
    {89.8026, 1.0456, 0.5668, 0.0006, 1958.6, 12040.4},      // 605
    {89.5991, 1.0026, 0.5030, 0.0003, 1506.0, 9443.6},       // 610
    {88.6489, 0.9384, 0.4412, 0.0002, 1166.4, 7553.4},       // 615
    {87.6987, 0.8544, 0.3810, 0.0002, 942.0, 6509.6},        // 620
    {85.4936, 0.7514, 0.3210, 0.0001, 740.8, 5763.4},        // 625
    {83.2886, 0.6424, 0.2650, 0.0000, 610.0, 5148.8},        // 630
    {83.4939, 0.5419, 0.2170, 0.0000, 495.6, 4666.6},        // 635
    {83.6992, 0.4479, 0.1750, 0.0000, 442.0, 4345.2},        // 640
    {81.8630, 0.3608, 0.1382, 0.0000, 397.8, 4026.7},        // 645
    {80.0268, 0.2835, 0.1070, 0.0000, 368.0, 3750.1},        // 650
    {80.1207, 0.2187, 0.0816, 0.0000, 340.4, 3481.4},        // 655
    {80.2146, 0.1649, 0.0610, 0.0000, 319.6, 3226.6},        // 660
    {81.2462, 0.1212, 0.0446, 0.0000, 305.6, 3010.8},        // 665
    {82.2778, 0.0874, 0.0320, 0.0000, 294.0, 2795.1},        // 670
    {80.2810, 0.0636, 0.0232, 0.0000, 283.8, 2591.0},        // 675
    {78.2842, 0.0468, 0.0170, 0.0000, 277.6, 2407.9},        // 680
    {74.0027, 0.0329, 0.0119, 0.0000, 273.6, 2224.9},        // 685
    {69.7213, 0.0227, 0.0082, 0.0000, 276.0, 2052.0},        // 690
    {70.6652, 0.0158, 0.0057, 0.0000, 280.6, 1923.3},        // 695
    {71.6091, 0.0114, 0.0041, 0.0000, 290.0, 1794.3},        // 700
    {72.9790, 0.0081, 0.0029, 0.0000, 300.4, 1661.1},        // 705
    {74.3490, 0.0058, 0.0021, 0.0000, 314.0, 1540.5},        // 710
    {67.9765, 0.0041, 0.0015, 0.0000, 328.6, 1432.8},        // 715
    {61.6040, 0.0029, 0.0010, 0.0000, 348.0, 1325.9},        // 720
    {65.7448, 0.0020, 0.0007, 0.0000, 368.2, 1224.1},        // 725
    {69.8856, 0.0014, 0.0005, 0.0000, 390.0, 1102.2},        // 730
    {72.4863, 0.0010, 0.0004, 0.0000, 413.2, 1102.0},        // 735
    {75.0870, 0.0007, 0.0002, 0.0000, 446.0, 1115.9},        // 740
    {69.3398, 0.0005, 0.0002, 0.0000, 480.4, 1236.7},        // 745
    {63.5927, 0.0003, 0.0001, 0.0000, 518.0, 1405.2},        // 750
    {55.0054, 0.0002, 0.0001, 0.0000, 555.2, 1551.1},        // 755
    {46.4182, 0.0002, 0.0001, 0.0000, 586.0, 1548.5},        // 760
    {56.6118, 0.0001, 0.0000, 0.0000, 616.4, 1435.0},        // 765
    {66.8054, 0.0001, 0.0000, 0.0000, 650.0, 1311.9},        // 770
    {65.0941, 0.0001, 0.0000, 0.0000, 683.2, 1188.3},        // 775
    {63.3828, 0.0000, 0.0000, 0.0000, 710.0, 1075.4},        // 780
}};

constexpr double kLn10 = 2.302585092994046;
constexpr double kHaemoglobinGPerMol = 64500.0;  // Prahl's molar mass for his conversion

// Melanosome absorption, Jacques 1998 and "Optical properties of biological tissues: a
// review" (2013): mu_a = 6.6e11 nm^-3.33 cm^-1.
double melaninAbsorptionPerCm(double nm) { return 6.6e11 * std::pow(nm, -3.33); }

// Absorption of tissue without blood or melanin: Jacques 1998 (bloodless rat skin, R. Huang).
double baselineAbsorptionPerCm(double nm) { return 0.244 + 85.3 * std::exp(-(nm - 154.0) / 66.2); }

// Blood packed in vessels absorbs less than the same haemoglobin spread evenly, because a
// vessel's near side shades its far side (Verkruysse et al. 1997). This matters in the
// strongly absorbed blue-green and Soret band, far less in the red.
double packagingFactor(double muaPerCm, double radiusCm) {
  const double x = 2.0 * muaPerCm * radiusCm;
  return x < 1e-9 ? 1.0 : -std::expm1(-x) / x;
}

// Kubelka-Munk reflectance of an optically infinite layer: the dermis over fat is many
// transport lengths deep in the visible.
double kubelkaMunkReflectance(double kOverS) {
  return 1.0 + kOverS - std::sqrt(kOverS * kOverS + 2.0 * kOverS);
}

// Internal reflectance of diffuse light at the skin-air boundary, from the skin's relative
// index (Egan & Hilgeman 1979 fit): about half the light about to leave is sent back in.
double internalDiffuseReflectance(double n) {
  return -1.440 / (n * n) + 0.710 / n + 0.668 + 0.0636 * n;
}

// The parameters and per-band constants of the spectral model, worked out once, so that
// building a SkinColourTable does not redo them per node.
class SpectralModel {
 public:
  explicit SpectralModel(const OpticsParameters& p)
      : hbMolPerL_(p.haemoglobin_g_per_l / kHaemoglobinGPerMol),
        surfaceSaturation_(p.surface_blood_oxygen_saturation),
        vesselRadiusCm_(p.vessel_radius_um * 1e-4),
        pathFactor_(p.diffuse_path_factor),
        patchUm_(p.surface_blood_patch_um) {
    const double n = p.refractive_index;
    specular_ = (n - 1.0) * (n - 1.0) / ((n + 1.0) * (n + 1.0));
    internal_ = internalDiffuseReflectance(n);
    const double at500 = p.dermis_scattering_500nm_per_cm;
    const double rayleigh = p.dermis_rayleigh_fraction;
    const double miePower = p.dermis_mie_power;
    for (std::size_t i = 0; i < kBands.size(); ++i) {
      const double nm = bandWavelengthNm(static_cast<int>(i));
      const double rel = nm / 500.0;
      scatteringPerCm_[i] =
          at500 * (rayleigh * std::pow(rel, -4.0) + (1.0 - rayleigh) * std::pow(rel, -miePower));
      melaninPerCm_[i] = melaninAbsorptionPerCm(nm);
      baselinePerCm_[i] = baselineAbsorptionPerCm(nm);
    }
  }

  // Pixel reflectance: bare skin, or skin partly or wholly under a film of blood.
  Spectrum spectrum(const SkinOpticalInputs& in) const {
    const double meanUm = std::max(0.0, in.surface_blood_um);
    const double coverage = std::min(1.0, meanUm / patchUm_);
    const double filmUm = std::max(meanUm, patchUm_);
    Spectrum r{};
    for (std::size_t i = 0; i < kBands.size(); ++i) {
      const double bare = reflectance(i, in, 0.0);
      r[i] = coverage > 0 ? (1.0 - coverage) * bare + coverage * reflectance(i, in, filmUm) : bare;
    }
    return r;
  }

 private:
  double bloodAbsorptionPerCm(std::size_t band, double saturation) const {
    const BandData& d = kBands[band];
    return kLn10 * hbMolPerL_ * (saturation * d.hbo2 + (1.0 - saturation) * d.hb);
  }

  // Diffuse reflectance of skin under `filmUm` of blood, specular reflection excluded.
  double reflectance(std::size_t i, const SkinOpticalInputs& in, double filmUm) const {
    const double bloodMua = bloodAbsorptionPerCm(i, in.oxygen_saturation);
    const double dermisMua =
        in.blood_fraction * packagingFactor(bloodMua, vesselRadiusCm_) * bloodMua +
        (1.0 - in.blood_fraction) * baselinePerCm_[i];
    // Kubelka-Munk coefficients from transport ones for diffuse light (Star et al. 1988).
    const double k = 2.0 * dermisMua;
    const double s = 0.75 * scatteringPerCm_[i];
    const double dermis = kubelkaMunkReflectance(k / s);
    const double epidermisMua =
        in.melanin_fraction * melaninPerCm_[i] + (1.0 - in.melanin_fraction) * baselinePerCm_[i];
    const double opticalDepth = epidermisMua * in.epidermis_mm * 0.1 +
                                bloodAbsorptionPerCm(i, surfaceSaturation_) * filmUm * 1e-4;
    // Down through the absorbing layers and back up.
    const double body = std::exp(-2.0 * pathFactor_ * opticalDepth) * dermis;
    // Saunderson: light the surface reflects back in goes round the body again.
    return (1.0 - specular_) * (1.0 - internal_) * body / (1.0 - internal_ * body);
  }

  double hbMolPerL_;
  double surfaceSaturation_;
  double vesselRadiusCm_;
  double pathFactor_;
  double patchUm_;
  double specular_ = 0;         // lost by the incoming light at the surface
  double internal_ = 0;         // of the outgoing diffuse light, sent back in
  Spectrum scatteringPerCm_{};  // dermis, reduced
  Spectrum melaninPerCm_{};
  Spectrum baselinePerCm_{};
};

// Tristimulus values scaled so that a perfect white reflector has Y = 1.
Xyz xyzFromReflectance(const Spectrum& r) {
  double X = 0, Y = 0, Z = 0, norm = 0;
  for (std::size_t i = 0; i < kBands.size(); ++i) {
    const BandData& d = kBands[i];
    X += d.d65 * d.x * r[i];
    Y += d.d65 * d.y * r[i];
    Z += d.d65 * d.z * r[i];
    norm += d.d65 * d.y;
  }
  return {X / norm, Y / norm, Z / norm};
}

float srgbEncode(double linear) {
  const double c = std::clamp(linear, 0.0, 1.0);
  return static_cast<float>(c <= 0.0031308 ? 12.92 * c : 1.055 * std::pow(c, 1.0 / 2.4) - 0.055);
}

}  // namespace

OpticsParameters OpticsParameters::from(const ModelParameters& p) {
  OpticsParameters o{};
  o.melanin_fraction = {p["optics.melanin_fraction_type1"], p["optics.melanin_fraction_type2"],
                        p["optics.melanin_fraction_type3"], p["optics.melanin_fraction_type4"],
                        p["optics.melanin_fraction_type5"], p["optics.melanin_fraction_type6"]};
  o.baseline_blood_fraction = p["optics.baseline_blood_fraction"];
  o.max_erythema_blood_fraction = p["optics.max_erythema_blood_fraction"];
  o.haemoglobin_g_per_l = p["optics.haemoglobin_g_per_l"];
  o.dermal_oxygen_saturation = p["optics.dermal_oxygen_saturation"];
  o.surface_blood_oxygen_saturation = p["optics.surface_blood_oxygen_saturation"];
  o.vessel_radius_um = p["optics.vessel_radius_um"];
  o.dermis_scattering_500nm_per_cm = p["optics.dermis_scattering_500nm_per_cm"];
  o.dermis_rayleigh_fraction = p["optics.dermis_rayleigh_fraction"];
  o.dermis_mie_power = p["optics.dermis_mie_power"];
  o.diffuse_path_factor = p["optics.diffuse_path_factor"];
  o.refractive_index = p["optics.refractive_index"];
  o.surface_blood_patch_um = p["optics.surface_blood_patch_um"];
  return o;
}

double melaninFraction(int fitzpatrick, const OpticsParameters& optics) {
  if (fitzpatrick < 1 || fitzpatrick > 6)
    throw std::invalid_argument("Fitzpatrick skin type must be 1..6, got " +
                                std::to_string(fitzpatrick));
  return optics.melanin_fraction[static_cast<std::size_t>(fitzpatrick - 1)];
}

double erythemaBloodFraction(double erythema, const OpticsParameters& optics) {
  const double rest = optics.baseline_blood_fraction;
  const double full = optics.max_erythema_blood_fraction;
  return std::max(0.0, rest + erythema * (full - rest));
}

SkinOpticalInputs restingSkin(int fitzpatrick, double epidermisMm, const OpticsParameters& optics) {
  SkinOpticalInputs in;
  in.melanin_fraction = melaninFraction(fitzpatrick, optics);
  in.epidermis_mm = epidermisMm;
  in.blood_fraction = optics.baseline_blood_fraction;
  in.oxygen_saturation = optics.dermal_oxygen_saturation;
  in.surface_blood_um = 0;
  return in;
}

Spectrum skinReflectance(const SkinOpticalInputs& inputs, const OpticsParameters& optics) {
  return SpectralModel(optics).spectrum(inputs);
}

Lab labFromReflectance(const Spectrum& reflectance) {
  return labFromXyz(xyzFromReflectance(reflectance));
}

Lab skinLab(const SkinOpticalInputs& inputs, const OpticsParameters& optics) {
  return labFromReflectance(skinReflectance(inputs, optics));
}

Srgb toSrgb(const Lab& lab) {
  const auto [X, Y, Z] = xyzFromLab(lab);
  // IEC 61966-2-1 XYZ to linear sRGB.
  return {srgbEncode(3.2406 * X - 1.5372 * Y - 0.4986 * Z),
          srgbEncode(-0.9689 * X + 1.8758 * Y + 0.0415 * Z),
          srgbEncode(0.0557 * X - 0.2040 * Y + 1.0570 * Z)};
}

// a* rises steeply with the first blood and then saturates, so the blood axis is uniform in
// sqrt(f). Surface blood mixes linearly in reflectance up to the patch thickness, where the
// patches join (a kink), and then darkens exponentially as the film thickens: that axis is
// uniform in t up to the patch thickness, with a node on the kink, and in log(t) above it.

SkinColourTable::SkinColourTable(double melanin, double epidermisMm, const OpticsParameters& optics,
                                 double maxBloodFraction, double maxSurfaceBloodUm)
    : maxBlood_(maxBloodFraction),
      maxSurface_(maxSurfaceBloodUm),
      patchUm_(optics.surface_blood_patch_um),
      nodes_(static_cast<std::size_t>(kBloodNodes) * kSurfaceNodes) {
  if (!(maxBloodFraction > 0 && maxBloodFraction <= 1 && maxSurfaceBloodUm > patchUm_))
    throw std::invalid_argument(
        "SkinColourTable: blood fraction limit must be in (0, 1] and the surface blood limit "
        "above optics.surface_blood_patch_um");
  logNodesPerUnit_ = (kSurfaceNodes - 1 - kPatchNodes) / std::log(maxSurface_ / patchUm_);
  const SpectralModel model(optics);
  // Each node is its own spectrum: rows of them in parallel (~3,500 spectra, a run's start).
#pragma omp parallel for schedule(static)
  for (int i = 0; i < kBloodNodes; ++i) {
    SkinOpticalInputs in;
    in.melanin_fraction = melanin;
    in.epidermis_mm = epidermisMm;
    in.oxygen_saturation = optics.dermal_oxygen_saturation;
    const double s = static_cast<double>(i) / (kBloodNodes - 1);
    in.blood_fraction = maxBlood_ * s * s;
    for (int j = 0; j < kSurfaceNodes; ++j) {
      in.surface_blood_um = j <= kPatchNodes
                                ? patchUm_ * j / kPatchNodes
                                : patchUm_ * std::exp((j - kPatchNodes) / logNodesPerUnit_);
      const Lab lab = labFromReflectance(model.spectrum(in));
      const Srgb rgb = toSrgb(lab);
      nodes_[static_cast<std::size_t>(i * kSurfaceNodes + j)] = {static_cast<float>(lab.L),
                                                                 static_cast<float>(lab.a),
                                                                 static_cast<float>(lab.b),
                                                                 rgb.r,
                                                                 rgb.g,
                                                                 rgb.b};
    }
  }
}

SkinColourTable::Node SkinColourTable::interpolate(double bloodFraction,
                                                   double surfaceBloodUm) const {
  const double s = std::sqrt(std::clamp(bloodFraction / maxBlood_, 0.0, 1.0)) * (kBloodNodes - 1);
  const double t = std::clamp(surfaceBloodUm, 0.0, maxSurface_);
  const double v = t <= patchUm_ ? t / patchUm_ * kPatchNodes
                                 : kPatchNodes + std::log(t / patchUm_) * logNodesPerUnit_;
  const int i = std::min(static_cast<int>(s), kBloodNodes - 2);
  const int j = std::min(static_cast<int>(v), kSurfaceNodes - 2);
  const auto u = static_cast<float>(s - i);
  const auto w = static_cast<float>(v - j);
  const Node* row0 = &nodes_[static_cast<std::size_t>(i * kSurfaceNodes + j)];
  const Node* row1 = row0 + kSurfaceNodes;
  const float w00 = (1 - u) * (1 - w), w01 = (1 - u) * w, w10 = u * (1 - w), w11 = u * w;
  const auto mix = [&](float Node::*m) {
    return w00 * row0[0].*m + w01 * row0[1].*m + w10 * row1[0].*m + w11 * row1[1].*m;
  };
  return {mix(&Node::L), mix(&Node::a), mix(&Node::b),
          mix(&Node::r), mix(&Node::g), mix(&Node::blue)};
}

Lab SkinColourTable::lab(double bloodFraction, double surfaceBloodUm) const {
  const Node n = interpolate(bloodFraction, surfaceBloodUm);
  return {static_cast<double>(n.L), static_cast<double>(n.a), static_cast<double>(n.b)};
}

Srgb SkinColourTable::srgb(double bloodFraction, double surfaceBloodUm) const {
  const Node n = interpolate(bloodFraction, surfaceBloodUm);
  return {n.r, n.g, n.blue};
}

}  // namespace dermasim
