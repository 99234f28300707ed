#pragma once
// The colour of skin from what is in it: melanin in the epidermis, haemoglobin in the dermis
// and blood lying on the surface, carried through a spectral reflectance model to CIELAB
// (for the redness output a*) and to sRGB (for rendering). See docs/OPTICS.md. The model's
// numbers are the `optics.*` rows of the parameter table, read once into OpticsParameters.

#include <array>
#include <vector>

#include "core/optics/Cielab.hpp"
#include "core/parameters/ModelParameters.hpp"

namespace dermasim {

// The spectral grid: CIE tables at 5 nm from 380 to 780 nm.
inline constexpr int kSpectralBands = 81;
inline constexpr double kFirstWavelengthNm = 380.0;
inline constexpr double kWavelengthStepNm = 5.0;
using Spectrum = std::array<double, kSpectralBands>;

constexpr double bandWavelengthNm(int band) {
  return kFirstWavelengthNm + kWavelengthStepNm * band;
}

// The `optics.*` rows of the parameter table.
struct OpticsParameters {
  std::array<double, 6> melanin_fraction;  // of the epidermis, Fitzpatrick type I..VI
  double baseline_blood_fraction, max_erythema_blood_fraction;  // of the dermis
  double haemoglobin_g_per_l;
  double dermal_oxygen_saturation, surface_blood_oxygen_saturation;
  double vessel_radius_um;
  double dermis_scattering_500nm_per_cm, dermis_rayleigh_fraction, dermis_mie_power;
  double diffuse_path_factor;
  double refractive_index;
  double surface_blood_patch_um;
  static OpticsParameters from(const ModelParameters& p);
};

struct SkinOpticalInputs {
  double melanin_fraction = 0;   // melanosome volume fraction of the epidermis
  double epidermis_mm = 0.1;     // epidermal thickness
  double blood_fraction = 0;     // blood volume fraction of the dermis
  double oxygen_saturation = 0;  // of the dermal blood
  // Blood lying on the surface, as volume per area (1 um = 1 nL/mm2), the pixel's mean. Less
  // than `optics.surface_blood_patch_um` lies in patches of that thickness covering part of
  // the pixel; more forms a continuous film.
  double surface_blood_um = 0;
};

// Gamma-encoded sRGB in [0, 1].
struct Srgb {
  float r = 0, g = 0, b = 0;
};

// Melanosome volume fraction for Fitzpatrick type 1..6; throws std::invalid_argument otherwise.
double melaninFraction(int fitzpatrick, const OpticsParameters& optics);
// Dermal blood fraction for an erythema level: 0 is resting skin, 1 full vasodilation.
// Levels above 1 extrapolate (congestion beyond what the parameters call full).
double erythemaBloodFraction(double erythema, const OpticsParameters& optics);
// Resting skin of a Fitzpatrick type: its melanin, baseline blood and saturation, no
// surface blood.
SkinOpticalInputs restingSkin(int fitzpatrick, double epidermisMm, const OpticsParameters& optics);

// Diffuse reflectance of the skin (specular surface reflection excluded), per band.
Spectrum skinReflectance(const SkinOpticalInputs& inputs, const OpticsParameters& optics);
// CIELAB (CIE 1931 2-degree observer, illuminant D65, white kD65White) of a reflectance
// spectrum.
Lab labFromReflectance(const Spectrum& reflectance);
Lab skinLab(const SkinOpticalInputs& inputs, const OpticsParameters& optics);
// Through XYZ with kD65White to linear sRGB, clamped to the gamut, then gamma-encoded.
Srgb toSrgb(const Lab& lab);

// Skin colour for one melanin content and epidermal thickness, precomputed on a grid of
// (dermal blood fraction, surface blood) for per-pixel use: bilinear in transformed
// coordinates, within ~0.05 a* of skinLab. Values beyond the grid are clamped to its edge.
class SkinColourTable {
 public:
  SkinColourTable(double melanin, double epidermisMm, const OpticsParameters& optics,
                  double maxBloodFraction = 0.15, double maxSurfaceBloodUm = 200.0);

  Lab lab(double bloodFraction, double surfaceBloodUm) const;
  Srgb srgb(double bloodFraction, double surfaceBloodUm) const;

  double maxBloodFraction() const { return maxBlood_; }
  double maxSurfaceBloodUm() const { return maxSurface_; }

 private:
  struct Node {
    float L, a, b, r, g, blue;
  };
  Node interpolate(double bloodFraction, double surfaceBloodUm) const;

  static constexpr int kBloodNodes = 48;
  static constexpr int kSurfaceNodes = 72;
  static constexpr int kPatchNodes = 24;  // surface nodes up to the patch thickness
  double maxBlood_;
  double maxSurface_;
  double patchUm_;
  double logNodesPerUnit_ = 0;  // surface nodes per unit of log(t) above the patch thickness
  std::vector<Node> nodes_;     // kBloodNodes x kSurfaceNodes, surface index fastest
};

}  // namespace dermasim
