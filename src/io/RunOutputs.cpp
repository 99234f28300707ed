#include "io/RunOutputs.hpp"

#include <cstdio>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>

#include "core/Version.hpp"
#include "core/numerics/NumberText.hpp"
#include "io/AtomicFile.hpp"
#include "io/ScenarioJson.hpp"

namespace dermasim {
namespace {

// A CSV row's numbers, each with its column's decimals.
struct Column {
  double value;
  int decimals;
};
void appendRow(std::string& out, std::initializer_list<Column> columns) {
  bool first = true;
  for (const Column& c : columns) {
    if (!first) out += ',';
    first = false;
    out += fixedNumber(c.value, c.decimals);
  }
  out += '\n';
}

// JSON writes numbers exactly, so only a zero can show as "-0.0": written as 0.0, like every
// other output that rounds a value to zero.
void dropNegativeZeros(nlohmann::ordered_json& j) {
  if (j.is_number_float() && j.get<double>() == 0.0) {
    j = 0.0;
  } else if (j.is_structured()) {
    for (auto& child : j) dropNegativeZeros(child);
  }
}

}  // namespace

std::string summaryJson(const Scenario& scenario, const RunResult& result,
                        const std::vector<Advisory>& advisories) {
  nlohmann::ordered_json j;
  j["program"] = {{"name", kProgramName}, {"version", kVersion}};
  j["scenario"] = toJson(scenario);
  j["seed"] = scenario.seed;

  nlohmann::ordered_json parameters;
  for (const ParameterSpec& spec : parameterTable()) {
    parameters[std::string(spec.key)] = {
        {"value", result.parameters[spec.key]}, {"unit", spec.unit}, {"default", spec.value}};
  }
  j["parameters"] = parameters;

  nlohmann::ordered_json sessions = nlohmann::ordered_json::array();
  for (const SessionResult& s : result.sessions) {
    const PunctureStats& st = s.needling.stats;
    sessions.push_back(
        {{"day", s.day},
         {"device", toString(s.device.type)},
         {"needle_length_mm", s.device.needle_length_mm},
         {"passes", s.device.passes},
         {"punctures", st.count},
         {"punctures_per_cm2", st.per_cm2},
         {"nominal_punctures_per_cm2", s.needling.nominal_per_cm2},
         {"mean_depth_mm", st.mean_depth_mm},
         {"sd_depth_mm", st.sd_depth_mm},
         {"max_depth_mm", st.max_depth_mm},
         {"mean_entry_angle_deg", st.mean_entry_angle_deg},
         {"mean_opening_elongation", st.mean_elongation},
         {"blood_released_ul_per_cm2", s.blood_released_mm3 / result.patch.areaCm2()},
         {"open_surface_fraction", s.open_surface_fraction},
         {"injured_area_fraction", s.injured_area_fraction},
         {"subcutis_reached", s.subcutis_reached},
         {"track_depth_below_dermis_mm", s.track_depth_below_dermis_mm},
         {"subcutis_puncture_fraction", s.subcutis_puncture_fraction},
         {"peak_erythema", s.peak_erythema},
         {"downtime_days", s.downtime_days}});
  }
  j["sessions"] = sessions;
  const Outcome& o = result.outcome;
  j["outcome"] = {{"improvement_pct", o.improvement_pct},
                  {"collagen_rel", o.collagen_rel},
                  {"collagen1_rel", o.collagen1_rel},
                  {"collagen3_rel", o.collagen3_rel},
                  {"elastin_rel", o.elastin_rel},
                  {"papillary_collagen_rel", o.papillary_collagen_rel},
                  {"epidermis_rel", o.epidermis_rel},
                  {"roughness_um", o.roughness_um},
                  {"baseline_roughness_um", o.baseline_roughness_um},
                  {"scar_depth_um", o.scar_depth_um},
                  {"baseline_scar_depth_um", o.baseline_scar_depth_um},
                  {"scar_depth_rolling_um", o.scar_depth_rolling_um},
                  {"baseline_scar_depth_rolling_um", o.baseline_scar_depth_rolling_um},
                  {"scar_depth_boxcar_um", o.scar_depth_boxcar_um},
                  {"baseline_scar_depth_boxcar_um", o.baseline_scar_depth_boxcar_um},
                  {"scar_depth_icepick_um", o.scar_depth_icepick_um},
                  {"baseline_scar_depth_icepick_um", o.baseline_scar_depth_icepick_um},
                  {"scar_volume_rel", o.scar_volume_rel},
                  {"pih_risk", o.pih_risk},
                  {"fibrosis_risk", o.fibrosis_risk},
                  {"peak_inflammation", o.peak_inflammation}};
  j["grid"] = {{"nx", result.grid.nx},
               {"ny", result.grid.ny},
               {"nz", result.grid.nz},
               {"dx_mm", result.grid.dx_mm},
               {"dz_mm", result.grid.dz_mm}};
  nlohmann::ordered_json warnings = nlohmann::ordered_json::array();
  for (const Advisory& a : advisories)
    warnings.push_back({{"level", toString(a.level)}, {"code", a.code}, {"message", a.message}});
  j["warnings"] = warnings;
  dropNegativeZeros(j);
  return j.dump(2) + "\n";
}

std::string timeseriesCsv(const RunResult& result) {
  std::string out =
      "day,redness_a,erythema,barrier_open,roughness_um,scar_depth_um,collagen_rel,collagen1_rel,"
      "collagen3_rel,elastin_rel,improvement_pct,papillary_collagen_rel,epidermis_rel,"
      "fibroblasts_rel,surface_blood_um,lightness_L,channels_open,scar_depth_rolling_um,"
      "scar_depth_boxcar_um,scar_depth_icepick_um,scar_volume_rel,inflammation\n";
  for (const SkinReading& r : result.timeseries) {
    appendRow(out, {{r.day, 6},
                    {r.redness_a, 4},
                    {r.erythema, 5},
                    {r.barrier_open, 5},
                    {r.roughness_um, 4},
                    {r.scar_depth_um, 3},
                    {r.collagen_rel, 6},
                    {r.collagen1_rel, 6},
                    {r.collagen3_rel, 6},
                    {r.elastin_rel, 6},
                    {r.improvement_pct, 3},
                    {r.papillary_collagen_rel, 6},
                    {r.epidermis_rel, 5},
                    {r.fibroblasts_rel, 5},
                    {r.surface_blood_um, 4},
                    {r.lightness_L, 4},
                    {r.channels_open, 5},
                    {r.scar_depth_rolling_um, 3},
                    {r.scar_depth_boxcar_um, 3},
                    {r.scar_depth_icepick_um, 3},
                    {r.scar_volume_rel, 5},
                    {r.inflammation, 5}});
  }
  return out;
}

std::string puncturesCsv(const RunResult& result) {
  std::string out =
      "session,day,pass,x_mm,y_mm,depth_mm,entry_angle_deg,entry_direction_deg,"
      "opening_direction_deg,opening_length_mm,opening_width_mm\n";
  for (const SessionResult& s : result.sessions) {
    const std::string session = std::to_string(s.index) + "," + readableNumber(s.day) + ",";
    for (const Puncture& p : s.needling.punctures) {
      out += session;
      out += std::to_string(p.pass);
      out += ',';
      appendRow(out, {{p.x_mm, 5},
                      {p.y_mm, 5},
                      {p.depth_mm, 5},
                      {p.entry_angle_deg, 3},
                      {p.entry_direction_deg, 3},
                      {p.opening_direction_deg, 3},
                      {p.opening_length_mm, 5},
                      {p.opening_width_mm, 5}});
    }
  }
  return out;
}

const std::vector<std::string>& runOutputNames() {
  static const std::vector<std::string> names{"punctures.csv", "timeseries.csv", "summary.json"};
  return names;
}

StagedFolder stageRunOutputs(const std::filesystem::path& dir, const std::string& option) {
  return StagedFolder(dir, option, runOutputNames());
}

void writeRunOutputs(StagedFolder& staged, const Scenario& scenario, const RunResult& result,
                     const std::vector<Advisory>& advisories) {
  // Everything is formatted before anything is written, so a failure leaves no partial set.
  const std::string summary = summaryJson(scenario, result, advisories);
  const std::string punctures = puncturesCsv(result);
  const std::string timeseries = timeseriesCsv(result);
  staged.write("punctures.csv", punctures);
  staged.write("timeseries.csv", timeseries);
  staged.write("summary.json", summary);
  staged.commit();
}

void writeRunOutputs(const std::filesystem::path& dir, const Scenario& scenario,
                     const RunResult& result, const std::vector<Advisory>& advisories) {
  StagedFolder staged = stageRunOutputs(dir);
  writeRunOutputs(staged, scenario, result, advisories);
}

}  // namespace dermasim
