#include "guidance/Advisories.hpp"

#include <cmath>
#include <numbers>

#include "core/devices/DeviceParameters.hpp"
#include "core/devices/NeedleDevice.hpp"
#include "core/devices/Roller.hpp"
#include "core/numerics/NumberText.hpp"
#include "guidance/AdvisoryThresholds.hpp"

namespace dermasim {
namespace {

std::string mm(double v) { return fixedNumber(v, 2) + " mm"; }
// Whole weeks read more naturally to a practitioner; other spans stay in days.
std::string span(double days) {
  const double weeks = days / 7.0;
  return weeks == static_cast<int>(weeks) ? fixedNumber(weeks, 0) + " weeks"
                                          : fixedNumber(days, 0) + " days";
}

// The settings behind a session's density, in the words on the device, for messages.
std::string densitySettings(const DeviceSettings& d) {
  const std::string common = ", " + std::to_string(d.passes) +
                             (d.passes == 1 ? " pass" : " passes") + ", " +
                             roundedNumber(d.needle_diameter_mm, 2) + " mm needles";
  if (d.type == DeviceType::Pen)
    return std::to_string(d.needles) + " needles at " + roundedNumber(d.frequency_hz, 1) +
           " Hz gliding " + roundedNumber(d.glide_speed_mm_s, 1) + " mm/s over a " +
           roundedNumber(d.cartridge_width_mm, 1) + " mm cartridge" + common;
  return std::to_string(d.needles) + " needles on a " + roundedNumber(d.drum_diameter_mm, 1) +
         " x " + roundedNumber(d.drum_width_mm, 1) + " mm drum" + common;
}

std::string percent(double fraction) { return fixedNumber(100.0 * fraction, 0) + " %"; }

// An estimate, said as one. Overlapping openings approach full cover without reaching it, so
// "100 %" would claim more than the estimate does.
std::string estimatedPercent(double fraction) {
  return fraction >= 0.995 ? "over 99 %" : "about " + percent(fraction);
}

}  // namespace

OpeningCoverage estimateOpeningCoverage(const DeviceSettings& d, const ModelParameters& p) {
  OpeningCoverage out;
  out.punctures_per_cm2 = makeNeedleDevice(d, p)->nominalDensityPerPassCm2() * d.passes;
  // The opening as the devices draw it at their mean depth (Pen::pass, Roller::pass), without
  // the spread of depths or a pen's small tilt.
  if (d.type == DeviceType::Pen) {
    const PenParameters pen = PenParameters::from(p);
    const double depth = pen.penetration_fraction * d.needle_length_mm;
    out.opening_width_mm = openingWidthMm(d.needle_diameter_mm, depth, pen.tip_half_angle_deg);
    out.opening_length_mm =
        out.opening_width_mm + d.glide_speed_mm_s * pen.contact_fraction / d.frequency_hz;
  } else {
    const RollerParameters roller = RollerParameters::from(p);
    const double depth = roller.penetrationFraction(d.pressure) * d.needle_length_mm;
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

double maxGuidedDepthMm(Site site, Indication indication) {
  // Makers' depth charts (weak evidence, but what practice uses).
  const bool scars = indication == Indication::AcneScars || indication == Indication::SurgicalScar;
  switch (site) {
    case Site::Forehead:
      return 0.75;
    case Site::Periorbital:
      return 0.5;
    case Site::Nose:
      return 0.5;
    case Site::UpperLip:
      return 0.75;
    case Site::Cheek:
    case Site::Chin:
      return scars ? 2.5 : 2.0;
    case Site::Neck:
    case Site::Decollete:
      return 1.0;
    case Site::Hand:
      return 0.75;
    case Site::Scalp:
      return 1.5;
    case Site::Abdomen:
    case Site::Thigh:
    case Site::Back:
      return 2.5;
  }
  return 2.0;
}

std::vector<Advisory> adviseOn(const Scenario& s) {
  std::vector<Advisory> out;
  for (Condition c : s.patient.conditions) {
    const std::string name(toString(c));
    switch (c) {
      case Condition::Pregnancy:
      case Condition::Isotretinoin:
      case Condition::ActiveAcne:
      case Condition::SkinInfection:
      case Condition::OpenWound:
      case Condition::BleedingDisorder:
      case Condition::KeloidHistory:
        out.push_back({AdvisoryLevel::Error, "contraindication",
                       name + ": microneedling is contraindicated; do not treat"});
        break;
      case Condition::Eczema:
      case Condition::Psoriasis:
      case Condition::Rosacea:
        out.push_back(
            {AdvisoryLevel::Warning, "relative_contraindication",
             name + ": treat only skin free of active disease; the model assumes healthy healing"});
        break;
      case Condition::BloodThinners:
        out.push_back({AdvisoryLevel::Warning, "bleeding_risk",
                       name + ": expect more bleeding and bruising than simulated"});
        break;
      case Condition::RecentLaserOrPeel:
        out.push_back(
            {AdvisoryLevel::Warning, "recent_procedure",
             name + ": wait until the skin has fully healed; the model assumes intact skin"});
        break;
    }
  }
  const AdvisoryThresholds& limits = AdvisoryThresholds::standard();
  const ModelParameters parameters = ModelParameters::withOverrides(s.parameter_overrides);
  const double maxDepth = maxGuidedDepthMm(s.patient.site, s.patient.indication);
  double previousDay = -1e9;
  for (std::size_t i = 0; i < s.sessions.size(); ++i) {
    const SessionPlan& plan = s.sessions[i];
    const double needle = plan.device.needle_length_mm;
    const std::string where =
        "session on day " + fixedNumber(plan.day, plan.day == static_cast<int>(plan.day) ? 0 : 1) +
        ": ";
    if (needle > maxDepth + 1e-9)
      out.push_back({AdvisoryLevel::Warning, "depth_exceeds_site",
                     where + mm(needle) + " exceeds the usual maximum of " + mm(maxDepth) +
                         " for " + std::string(toString(s.patient.site))});
    if (plan.device.home_use && needle > limits.home_use_max_mm + 1e-9)
      out.push_back({AdvisoryLevel::Warning, "home_use_depth",
                     where + "home use at " + mm(needle) + "; home devices stay at or below " +
                         mm(limits.home_use_max_mm)});
    const double interval = plan.day - previousDay;
    if (i > 0 && needle >= limits.deep_needle_mm && interval < limits.deep_min_interval_days)
      out.push_back({AdvisoryLevel::Warning, "interval_short",
                     where + fixedNumber(interval, 1) + " days after the previous session; at " +
                         mm(needle) + " allow at least " + span(limits.deep_min_interval_days) +
                         " between sessions"});
    const OpeningCoverage opened = estimateOpeningCoverage(plan.device, parameters);
    if (opened.open_surface_fraction > limits.confluent_injury_fraction)
      out.push_back({AdvisoryLevel::Warning, "confluent_injury",
                     where + "an hour after, open channels would still cover " +
                         estimatedPercent(opened.open_surface_fraction) +
                         " of the skin (the openings " + estimatedPercent(opened.covered_fraction) +
                         " as the needles leave; " + fixedNumber(opened.punctures_per_cm2, 0) +
                         " punctures/cm2, openings " + fixedNumber(opened.opening_width_mm, 2) +
                         " x " + fixedNumber(opened.opening_length_mm, 2) + " mm, from " +
                         densitySettings(plan.device) +
                         "); needling heals from the intact skin between " +
                         "channels, so keep it under " + percent(limits.confluent_injury_fraction) +
                         " with fewer passes" +
                         (plan.device.type == DeviceType::Pen
                              ? ", fewer needles, a lower frequency or a faster glide"
                              : " or fewer needles")});
    previousDay = plan.day;
  }
  return out;
}

}  // namespace dermasim
