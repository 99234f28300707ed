#include "guidance/Advisories.hpp"

#include <cmath>
#include <memory>
#include <numbers>

#include "core/devices/DeviceParameters.hpp"
#include "core/devices/NeedleDevice.hpp"
#include "core/devices/Roller.hpp"

namespace dermasim {

OpeningCoverage estimateOpeningCoverage(const DeviceSettings& d, const ModelParameters& p) {
  OpeningCoverage out;
  const std::unique_ptr<NeedleDevice> device = makeNeedleDevice(d, p);
  out.punctures_per_cm2 = device->nominalDensityPerPassCm2() * d.passes;
  const double depth = device->meanDepthMm();
  out.mean_depth_mm = depth;
  // The opening as the devices draw it at their mean depth (Pen::pass, Roller::pass), without
  // the spread of depths or a pen's small tilt.
  if (d.type == DeviceType::Pen) {
    const PenParameters pen = PenParameters::from(p);
    out.opening_width_mm = openingWidthMm(d.needle_diameter_mm, depth, pen.tip_half_angle_deg);
    out.opening_length_mm =
        out.opening_width_mm + d.glide_speed_mm_s * pen.contact_fraction / d.frequency_hz;
  } else {
    const RollerParameters roller = RollerParameters::from(p);
    out.opening_width_mm = openingWidthMm(d.needle_diameter_mm, depth, roller.tip_half_angle_deg);
    out.opening_length_mm =
        out.opening_width_mm + roller.tear_compliance * Roller(d, roller).rigidSweepMm(depth);
  }
  const double areaCm2 =
      std::numbers::pi / 4.0 * out.opening_width_mm * out.opening_length_mm / 100.0;
  out.covered_fraction = 1.0 - std::exp(-out.punctures_per_cm2 * areaCm2);
  // As NeedleChannels closes them: semi-axes times the recoil, less an hour of wall closure.
  const double recoil = p["tracks.lumen_recoil"];
  const double closedMm = p["healing.channel_wall_closure_um_h"] / 1000.0;
  const double a = std::max(0.0, 0.5 * recoil * out.opening_length_mm - closedMm);
  const double b = std::max(0.0, 0.5 * recoil * out.opening_width_mm - closedMm);
  out.open_surface_fraction =
      1.0 - std::exp(-out.punctures_per_cm2 * std::numbers::pi * a * b / 100.0);
  return out;
}

std::string_view toString(AdvisoryLevel level) {
  switch (level) {
    case AdvisoryLevel::Note:
      return "note";
    case AdvisoryLevel::Warning:
      return "warning";
    case AdvisoryLevel::Error:
      return "error";
  }
  return "?";
}

}  // namespace dermasim
