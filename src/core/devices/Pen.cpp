#include "core/devices/Pen.hpp"

#include <cmath>
#include <numbers>

#include "core/devices/Strokes.hpp"
#include "core/numerics/Periodic.hpp"

namespace dermasim {
namespace {

constexpr double kDeg = 180.0 / std::numbers::pi;

std::vector<Pen::Offset> discFootprint(int needles, double widthMm) {
  // Vogel's sunflower spiral: equal area per needle, no preferred direction.
  const double golden = std::numbers::pi * (3.0 - std::sqrt(5.0));
  std::vector<Pen::Offset> out;
  for (int i = 0; i < needles; ++i) {
    const double r = 0.5 * widthMm * std::sqrt((i + 0.5) / needles);
    out.push_back({r * std::cos(i * golden), r * std::sin(i * golden)});
  }
  return out;
}

}  // namespace

Pen::Pen(const DeviceSettings& settings, const ModelParameters& parameters)
    : Pen(settings, PenParameters::from(parameters)) {}

Pen::Pen(const DeviceSettings& settings, const PenParameters& parameters)
    : settings_(settings),
      footprint_(discFootprint(settings.needles, settings.cartridge_width_mm)),
      meanFraction_(parameters.penetration_fraction),
      spread_(parameters.depth_spread),
      tiltSdDeg_(parameters.tilt_sd_deg),
      contactFraction_(parameters.contact_fraction),
      lateralJitterMm_(parameters.lateral_jitter_mm),
      tipHalfAngleDeg_(parameters.tip_half_angle_deg) {}

double Pen::nominalDensityPerPassCm2() const {
  return settings_.needles * settings_.frequency_hz /
         (settings_.cartridge_width_mm * settings_.glide_speed_mm_s) * 100.0;
}

std::vector<Puncture> Pen::pass(const Patch& patch, int passIndex, CounterRandom rng) const {
  const double step = settings_.glide_speed_mm_s / settings_.frequency_hz;  // between stamps
  const double drag = settings_.glide_speed_mm_s * contactFraction_ / settings_.frequency_hz;
  const double margin = 0.5 * settings_.cartridge_width_mm + 4.0 * lateralJitterMm_;

  std::vector<Puncture> punctures;
  for (const Stroke& stroke :
       coverPatch(patch, passDirectionDeg(passIndex), settings_.cartridge_width_mm, margin, rng)) {
    const double heading = periodicPosition(std::atan2(stroke.uy, stroke.ux) * kDeg, 360.0);
    for (double along = -stroke.half_length_mm + rng.uniform(0.0, step);
         along <= stroke.half_length_mm; along += step) {
      const double wander = rng.normal(0.0, lateralJitterMm_);
      const double cx = stroke.center_x_mm + along * stroke.ux + wander * stroke.nx;
      const double cy = stroke.center_y_mm + along * stroke.uy + wander * stroke.ny;
      // A stamp whose cartridge cannot reach the patch leaves nothing on it.
      const double r = 0.5 * settings_.cartridge_width_mm;
      if (cx < -r || cy < -r || cx > patch.size_mm + r || cy > patch.size_mm + r) continue;
      const double tiltDeg = std::abs(rng.normal(0.0, tiltSdDeg_));
      const double tiltAzimuth = rng.uniform(0.0, 360.0);
      for (const Offset& o : footprint_) {
        const double x = cx + o.along_mm * stroke.ux + o.across_mm * stroke.nx;
        const double y = cy + o.along_mm * stroke.uy + o.across_mm * stroke.ny;
        if (!patch.contains(x, y)) continue;
        Puncture p;
        p.x_mm = x;
        p.y_mm = y;
        p.depth_mm = sampleNeedleDepthMm(rng, settings_.needle_length_mm, meanFraction_, spread_);
        p.entry_angle_deg = tiltDeg;
        p.entry_direction_deg = tiltAzimuth;
        p.opening_direction_deg = heading;
        p.opening_width_mm =
            openingWidthMm(settings_.needle_diameter_mm, p.depth_mm, tipHalfAngleDeg_);
        p.opening_length_mm = p.opening_width_mm / std::cos(tiltDeg / kDeg) + drag;
        p.pass = passIndex;
        punctures.push_back(p);
      }
    }
  }
  return punctures;
}

}  // namespace dermasim
