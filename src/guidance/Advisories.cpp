#include "guidance/Advisories.hpp"

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

}  // namespace

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
    previousDay = plan.day;
  }
  return out;
}

}  // namespace dermasim
