#include "core/devices/Roller.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "core/devices/Strokes.hpp"
#include "core/numerics/Periodic.hpp"

namespace dermasim {
namespace {

constexpr double kDeg = 180.0 / std::numbers::pi;

}  // namespace

Roller::Roller(const DeviceSettings& settings, const ModelParameters& parameters)
    : Roller(settings, RollerParameters::from(parameters)) {}

Roller::Roller(const DeviceSettings& settings, const RollerParameters& parameters)
    : settings_(settings),
      meanFraction_(parameters.penetrationFraction(settings.pressure)),
      spread_(parameters.depth_spread),
      tearCompliance_(parameters.tear_compliance),
      directionJitterDeg_(parameters.direction_jitter_deg),
      tipHalfAngleDeg_(parameters.tip_half_angle_deg) {}

double Roller::nominalDensityPerPassCm2() const {
  // Each needle meets the skin once per turn: needles over the drum's rolled-out surface.
  const double areaMm2 = std::numbers::pi * settings_.drum_diameter_mm * settings_.drum_width_mm;
  return settings_.needles / areaMm2 * 100.0;
}

double Roller::entryAngleRad(double depthMm) const {
  const double r = 0.5 * settings_.drum_diameter_mm;
  return std::acos(r / (r + depthMm));
}

double Roller::rigidSweepMm(double depthMm) const {
  // The radial line through the needle crosses the surface at R (tan a - a) from the contact
  // point when the drum has turned by a; the needle is in the skin for |a| < entry angle.
  const double r = 0.5 * settings_.drum_diameter_mm;
  const double a = entryAngleRad(depthMm);
  return 2.0 * r * (std::tan(a) - a);
}

std::vector<Puncture> Roller::pass(const Patch& patch, int passIndex, CounterRandom rng) const {
  const double radius = 0.5 * settings_.drum_diameter_mm;
  const double circumference = 2.0 * std::numbers::pi * radius;
  const int rows = settings_.rows;
  const int around = settings_.needlesAroundDrum();
  const double direction = passDirectionDeg(passIndex) + rng.normal(0.0, directionJitterDeg_);

  std::vector<Puncture> punctures;
  for (const Stroke& stroke : coverPatch(patch, direction, settings_.drum_width_mm, 0.0, rng)) {
    const double phase = rng.uniform(0.0, circumference);
    const double heading = std::atan2(stroke.uy, stroke.ux) * kDeg;
    for (int row = 0; row < rows; ++row) {
      const double across = ((row + 0.5) / rows - 0.5) * settings_.drum_width_mm;
      // Alternate rows are staggered by half a needle spacing, as on medical drums.
      const double stagger = (row % 2) * 0.5;
      for (int j = 0; j < around; ++j) {
        const double firstContact = phase + (j + stagger) * circumference / around;
        // Every turn of the drum brings this needle down again, one circumference later.
        double along = -stroke.half_length_mm +
                       periodicPosition(firstContact + stroke.half_length_mm, circumference);
        for (; along <= stroke.half_length_mm; along += circumference) {
          const double x = stroke.center_x_mm + along * stroke.ux + across * stroke.nx;
          const double y = stroke.center_y_mm + along * stroke.uy + across * stroke.ny;
          if (!patch.contains(x, y)) continue;
          Puncture p;
          p.x_mm = x;
          p.y_mm = y;
          p.depth_mm = sampleNeedleDepthMm(rng, settings_.needle_length_mm, meanFraction_, spread_);
          p.entry_angle_deg = entryAngleRad(p.depth_mm) * kDeg;
          p.entry_direction_deg = periodicPosition(heading, 360.0);
          p.opening_direction_deg = p.entry_direction_deg;
          p.opening_width_mm =
              openingWidthMm(settings_.needle_diameter_mm, p.depth_mm, tipHalfAngleDeg_);
          p.opening_length_mm = p.opening_width_mm + tearCompliance_ * rigidSweepMm(p.depth_mm);
          p.pass = passIndex;
          punctures.push_back(p);
        }
      }
    }
  }
  return punctures;
}

}  // namespace dermasim
