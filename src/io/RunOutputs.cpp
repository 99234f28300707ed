#include "io/RunOutputs.hpp"

#include <cstdio>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>

#include "core/Version.hpp"
#include "io/AtomicFile.hpp"
#include "io/ScenarioJson.hpp"

namespace dermasim {

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
                  {"baseline_scar_depth_um", o.baseline_scar_depth_um}};
  j["grid"] = {{"nx", result.grid.nx},
               {"ny", result.grid.ny},
               {"nz", result.grid.nz},
               {"dx_mm", result.grid.dx_mm},
               {"dz_mm", result.grid.dz_mm}};
  nlohmann::ordered_json warnings = nlohmann::ordered_json::array();
  for (const Advisory& a : advisories)
    warnings.push_back({{"level", toString(a.level)}, {"code", a.code}, {"message", a.message}});
  j["warnings"] = warnings;
  return j.dump(2) + "\n";
}

std::string timeseriesCsv(const RunResult& result) {
  std::string out =
      "day,redness_a,erythema,barrier_open,roughness_um,scar_depth_um,collagen_rel,collagen1_rel,"
      "collagen3_rel,elastin_rel,improvement_pct,papillary_collagen_rel,epidermis_rel,"
      "fibroblasts_rel,surface_blood_um,lightness_L\n";
  char line[512];
  for (const SkinReading& r : result.timeseries) {
    std::snprintf(
        line, sizeof line,
        "%.6f,%.4f,%.5f,%.5f,%.4f,%.3f,%.6f,%.6f,%.6f,%.6f,%.3f,%.6f,%.5f,%.5f,%.4f,%.4f\n", r.day,
        r.redness_a, r.erythema, r.barrier_open, r.roughness_um, r.scar_depth_um, r.collagen_rel,
        r.collagen1_rel, r.collagen3_rel, r.elastin_rel, r.improvement_pct,
        r.papillary_collagen_rel, r.epidermis_rel, r.fibroblasts_rel, r.surface_blood_um,
        r.lightness_L);
    out += line;
  }
  return out;
}

std::string puncturesCsv(const RunResult& result) {
  std::string out =
      "session,day,pass,x_mm,y_mm,depth_mm,entry_angle_deg,entry_direction_deg,"
      "opening_direction_deg,opening_length_mm,opening_width_mm\n";
  char line[256];
  for (const SessionResult& s : result.sessions) {
    for (const Puncture& p : s.needling.punctures) {
      std::snprintf(line, sizeof line, "%d,%.6g,%d,%.5f,%.5f,%.5f,%.3f,%.3f,%.3f,%.5f,%.5f\n",
                    s.index, s.day, p.pass, p.x_mm, p.y_mm, p.depth_mm, p.entry_angle_deg,
                    p.entry_direction_deg, p.opening_direction_deg, p.opening_length_mm,
                    p.opening_width_mm);
      out += line;
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
