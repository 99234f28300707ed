#include "guidance/Findings.hpp"

#include <algorithm>
#include <cmath>

#include "core/numerics/NumberText.hpp"
#include "core/tissue/SkinAnatomy.hpp"
#include "guidance/KnowledgeTable.hpp"

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

std::string dayText(double day) { return fixedNumber(day, day == static_cast<int>(day) ? 0 : 1); }

std::string sessionWhere(const SessionPlan& plan) {
  return "session on day " + dayText(plan.day) + ": ";
}

std::string chartText(const DepthRange& chart) {
  return fixedNumber(chart.min_mm, 2) + "-" + mm(chart.max_mm) + " for " +
         (chart.indication ? std::string(toString(*chart.indication)) : "any indication") +
         " at the " + std::string(toString(chart.site));
}

void addConditions(const Scenario& s, const KnowledgeTable& k, std::vector<Advisory>& out) {
  for (Condition c : s.patient.conditions) {
    const Contraindication& row = k.contraindication(c);
    out.push_back({row.level, row.code,
                   std::string(toString(c)) + ": " + row.advice + " (graded " +
                       std::string(toString(row.level)) + " by the knowledge table)",
                   row.provenance.cite()});
  }
}

// Depth against the site's chart and the site's skin as the model builds it (age-thinned
// epidermis and dermis from the anatomy rows of the parameter table).
void addDepth(const Scenario& s, const SessionPlan& plan, const OpeningCoverage& opened,
              const Layers& layers, const KnowledgeTable& k, std::vector<Advisory>& out) {
  const double needle = plan.device.needle_length_mm;
  const DepthRange& chart = k.depthRange(s.patient.site, s.patient.indication);
  const bool beyondChart = needle > chart.max_mm + 1e-9;
  const bool belowDermis = opened.mean_depth_mm > layers.totalMm() + 1e-9;
  const std::string skin = "the " + std::string(toString(s.patient.site)) + "'s epidermis " +
                           mm(layers.epidermis_mm) + " and dermis " + mm(layers.dermis_mm) +
                           " (model anatomy, age " + fixedNumber(s.patient.age_years, 0) + ")";
  const std::string tracks = "its tracks, about " + mm(opened.mean_depth_mm) +
                             " deep on average, pass through " + skin + " into the subcutis (fat)";
  if (beyondChart && belowDermis)
    out.push_back({AdvisoryLevel::Error, "depth_unsafe_for_site",
                   sessionWhere(plan) + mm(needle) + " is beyond the chart's " + chartText(chart) +
                       ", and " + tracks + "; stay within " + mm(chart.max_mm) + " here",
                   chart.provenance.cite()});
  else if (beyondChart)
    out.push_back({AdvisoryLevel::Warning, "depth_exceeds_site",
                   sessionWhere(plan) + mm(needle) + " exceeds the usual maximum of " +
                       mm(chart.max_mm) + " (chart " + chartText(chart) + ")",
                   chart.provenance.cite()});
  else if (belowDermis)
    out.push_back({AdvisoryLevel::Warning, "track_below_dermis",
                   sessionWhere(plan) + mm(needle) + " is within the chart's " + chartText(chart) +
                       ", but " + tracks + "; a shorter needle keeps the injury in the dermis",
                   chart.provenance.cite()});
}

void addHomeUse(const SessionPlan& plan, const KnowledgeTable& k, std::vector<Advisory>& out) {
  const GuidanceThreshold& home = k.threshold("home_use_max_mm");
  const double needle = plan.device.needle_length_mm;
  if (plan.device.home_use && needle > home.value + 1e-9)
    out.push_back({home.level, "home_use_depth",
                   sessionWhere(plan) + "home use at " + mm(needle) +
                       "; home devices stay at or below " + mm(home.value) +
                       ", deeper needling belongs to a practitioner",
                   home.provenance.cite()});
}

void addConfluence(const SessionPlan& plan, const OpeningCoverage& opened, const KnowledgeTable& k,
                   std::vector<Advisory>& out) {
  const GuidanceThreshold& limit = k.threshold("confluent_injury_fraction");
  if (opened.open_surface_fraction <= limit.value) return;
  out.push_back({limit.level, "confluent_injury",
                 sessionWhere(plan) + "an hour after, open channels would still cover " +
                     estimatedPercent(opened.open_surface_fraction) +
                     " of the skin (the openings " + estimatedPercent(opened.covered_fraction) +
                     " as the needles leave; " + fixedNumber(opened.punctures_per_cm2, 0) +
                     " punctures/cm2, openings " + fixedNumber(opened.opening_width_mm, 2) + " x " +
                     fixedNumber(opened.opening_length_mm, 2) + " mm, from " +
                     densitySettings(plan.device) +
                     "); needling heals from the intact skin between channels, so keep it under " +
                     percent(limit.value) + " with fewer passes" +
                     (plan.device.type == DeviceType::Pen
                          ? ", fewer needles, a lower frequency or a faster glide"
                          : " or fewer needles"),
                 limit.provenance.cite()});
}

// One finding for the plan rather than one per session: the advice is the same for each.
void addPigmentation(const Scenario& s, const std::vector<OpeningCoverage>& opened,
                     const KnowledgeTable& k, std::vector<Advisory>& out) {
  const PigmentationAdvice& skin = k.pigmentationFor(s.patient.fitzpatrick);
  if (!skin.raised()) return;
  const GuidanceThreshold& deep = k.threshold("pih_deep_needle_mm");
  const GuidanceThreshold& dense = k.threshold("pih_dense_punctures_per_cm2");
  std::size_t risky = 0;
  std::string first;
  for (std::size_t i = 0; i < s.sessions.size(); ++i) {
    const double needle = s.sessions[i].device.needle_length_mm;
    const double density = opened[i].punctures_per_cm2;
    const bool isDeep = needle >= deep.value - 1e-9;
    const bool isDense = density >= dense.value;
    if (!isDeep && !isDense) continue;
    if (risky++ == 0)
      first = "day " + dayText(s.sessions[i].day) + ": " + mm(needle) +
              (isDeep ? " (deep from " + mm(deep.value) + ")" : std::string()) + ", " +
              fixedNumber(density, 0) + " punctures/cm2" +
              (isDense ? " (dense from " + fixedNumber(dense.value, 0) + ")" : std::string());
  }
  if (risky == 0) return;
  out.push_back({deep.level, "pih_risk",
                 "Fitzpatrick type " + std::to_string(s.patient.fitzpatrick) +
                     ": risk of post-inflammatory hyperpigmentation in " + std::to_string(risky) +
                     " of " + std::to_string(s.sessions.size()) + " sessions (first " + first +
                     "); " + skin.advice,
                 skin.provenance.cite() + "; " + deep.provenance.cite()});
}

}  // namespace

std::optional<Advisory> intervalFinding(const Scenario& s, std::size_t session) {
  if (session == 0 || session >= s.sessions.size()) return std::nullopt;
  const SessionPlan& previous = s.sessions[session - 1];
  const SessionPlan& plan = s.sessions[session];
  const double interval = plan.day - previous.day;
  // The deeper of the two decides: the earlier injury must heal, and a deep session should not
  // land on skin still healing.
  const double needle = std::max(previous.device.needle_length_mm, plan.device.needle_length_mm);
  const IntervalRule& rule = knowledgeTable().interval(s.patient.indication, needle);
  if (interval >= rule.min_interval_days - 1e-9) return std::nullopt;
  return Advisory{AdvisoryLevel::Warning, "interval_short",
                  sessionWhere(plan) + fixedNumber(interval, 1) +
                      " days after the previous session; at " + mm(needle) + " allow at least " +
                      span(rule.min_interval_days) +
                      " between sessions (usual: " + rule.usual_interval + ")",
                  rule.provenance.cite()};
}

std::vector<Advisory> findingsFor(const Scenario& s) {
  const KnowledgeTable& k = knowledgeTable();
  std::vector<Advisory> out;
  addConditions(s, k, out);
  const ModelParameters parameters = ModelParameters::withOverrides(s.parameter_overrides);
  const Layers layers =
      layersFor(s.patient.site, s.patient.age_years, AnatomyParameters::from(parameters));
  std::vector<OpeningCoverage> opened;
  for (std::size_t i = 0; i < s.sessions.size(); ++i) {
    const SessionPlan& plan = s.sessions[i];
    opened.push_back(estimateOpeningCoverage(plan.device, parameters));
    addDepth(s, plan, opened.back(), layers, k, out);
    addHomeUse(plan, k, out);
    if (auto interval = intervalFinding(s, i)) out.push_back(std::move(*interval));
    addConfluence(plan, opened.back(), k, out);
  }
  addPigmentation(s, opened, k, out);
  return out;
}

bool anyError(const std::vector<Advisory>& findings) {
  return std::any_of(findings.begin(), findings.end(),
                     [](const Advisory& a) { return a.level == AdvisoryLevel::Error; });
}

std::string refusalSummary(const std::vector<Advisory>& findings) {
  std::string line;
  for (const Advisory& a : findings)
    if (a.level == AdvisoryLevel::Error)
      line += (line.empty() ? "" : "; ") + a.code + ": " + a.message;
  return line;
}

}  // namespace dermasim
