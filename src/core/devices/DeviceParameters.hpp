#pragma once
// What the parameter table says about how a pen and a roller meet the skin, read once per
// device into typed fields, so the devices themselves never look a key up.
//
//   const PenParameters pen = PenParameters::from(ModelParameters{});
//   const double meanDepthMm = pen.penetration_fraction * settings.needle_length_mm;

#include <array>

#include "core/parameters/ModelParameters.hpp"
#include "core/scenario/Scenario.hpp"

namespace dermasim {

struct PenParameters {
  double penetration_fraction;  // mean effective depth / depth setting
  double depth_spread;          // sd of depth / mean depth
  double tilt_sd_deg;
  double contact_fraction;  // of each stamping cycle, needles in the skin
  double lateral_jitter_mm;
  double tip_half_angle_deg;
  static PenParameters from(const ModelParameters& p);
};

struct RollerParameters {
  // Mean effective depth / needle length, by hand pressure (Light, Medium, Firm).
  std::array<double, 3> penetration_fraction;
  double depth_spread;     // sd of depth / mean depth
  double tear_compliance;  // share of the rigid-drum sweep that tears the opening
  double direction_jitter_deg;
  double tip_half_angle_deg;
  double penetrationFraction(Pressure pressure) const;
  static RollerParameters from(const ModelParameters& p);
};

}  // namespace dermasim
