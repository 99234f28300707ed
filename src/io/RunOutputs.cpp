#include "io/RunOutputs.hpp"

#include <cstdio>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>

#include "core/numerics/NumberText.hpp"
#include "guidance/Aftercare.hpp"
#include "io/AtomicFile.hpp"
#include "io/CsvField.hpp"
#include "io/OutcomeJson.hpp"
#include "io/TimeseriesColumns.hpp"

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

}  // namespace

std::string summaryJson(const Scenario& scenario, const RunResult& result,
                        const std::vector<Advisory>& advisories) {
  nlohmann::ordered_json j = summaryHeadJson(scenario);

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
    // Only what went on the skin: a session without adjuncts keeps its fields as they were.
    if (scenario.adjuncts.serum != Serum::None)
      sessions.back()["serum"] = {{"name", toString(scenario.adjuncts.serum)},
                                  {"taken_in_ul_per_cm2", s.serum.taken_ul_cm2},
                                  {"mean_depth_mm", s.serum.mean_depth_mm},
                                  {"depth_95_mm", s.serum.deepest_mm},
                                  {"reach_from_channel_um", s.serum.reach_um},
                                  {"covered_fraction", s.serum.covered_fraction},
                                  {"openings_open_hours", s.serum.open_hours}};
    if (s.prp) sessions.back()["prp"] = true;
  }
  j["sessions"] = sessions;
  j["outcome"] = outcomeJson(result.outcome);
  j["grid"] = {{"nx", result.grid.nx},
               {"ny", result.grid.ny},
               {"nz", result.grid.nz},
               {"dx_mm", result.grid.dx_mm},
               {"dz_mm", result.grid.dz_mm}};
  j["warnings"] = warningsJson(advisories);
  dropNegativeZeros(j);
  return j.dump(2) + "\n";
}

std::string timeseriesCsv(const RunResult& result) {
  std::string out = "day";
  for (const TimeseriesColumn& c : timeseriesColumns()) out += "," + c.name;
  out += '\n';
  for (const SkinReading& r : result.timeseries) {
    out += fixedNumber(r.day, kDayDecimals);
    for (const TimeseriesColumn& c : timeseriesColumns()) {
      out += ',';
      out += fixedNumber(r.*c.value, c.decimals);
    }
    out += '\n';
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

std::string aftercareCsv(const RunResult& result) {
  std::string out = "session,item,from_day,until_day,hours,instruction,reason,basis,source,grade\n";
  for (const AftercareStep& step : aftercarePlan(result)) {
    const AftercareRule& rule = *step.rule;
    out += std::to_string(step.session) + "," + step.item + "," + fixedNumber(step.from_day, 3) +
           "," + fixedNumber(step.until_day, 3) + "," + fixedNumber(step.hours, 1) + "," +
           csvField(rule.instruction) + "," + csvField(rule.reason) + "," + csvField(step.basis) +
           "," + csvField(rule.provenance.source) + "," + rule.provenance.grade + "\n";
  }
  return out;
}

const std::vector<std::string>& runOutputNames() {
  // cohort.csv is a cohort's (CohortOutputs.hpp): either kind of set may replace the other.
  static const std::vector<std::string> names{"punctures.csv", "timeseries.csv", "summary.json",
                                              "aftercare.csv", "cohort.csv"};
  return names;
}

StagedFolder stageRunOutputs(const std::filesystem::path& dir, const std::string& option) {
  return StagedFolder(dir, option, runOutputNames());
}

std::vector<std::string> runOutputNames(const std::string& folder) {
  std::vector<std::string> names;
  for (const std::string& name : runOutputNames()) names.push_back(folder + "/" + name);
  return names;
}

void stageFormattedFiles(StagedFolder& staged, const std::string& folder,
                         const std::vector<std::pair<std::string, std::string>>& files) {
  const std::string prefix = folder.empty() ? "" : folder + "/";
  for (const auto& [name, text] : files) staged.write(prefix + name, text);
}

void stageRunFiles(StagedFolder& staged, const std::string& folder, const Scenario& scenario,
                   const RunResult& result, const std::vector<Advisory>& advisories) {
  stageFormattedFiles(staged, folder,
                      {{"punctures.csv", puncturesCsv(result)},
                       {"timeseries.csv", timeseriesCsv(result)},
                       {"summary.json", summaryJson(scenario, result, advisories)},
                       {"aftercare.csv", aftercareCsv(result)}});
}

void writeRunOutputs(StagedFolder& staged, const Scenario& scenario, const RunResult& result,
                     const std::vector<Advisory>& advisories) {
  stageRunFiles(staged, "", scenario, result, advisories);
  staged.commit();
}

void writeRunOutputs(const std::filesystem::path& dir, const Scenario& scenario,
                     const RunResult& result, const std::vector<Advisory>& advisories) {
  StagedFolder staged = stageRunOutputs(dir);
  writeRunOutputs(staged, scenario, result, advisories);
}

}  // namespace dermasim
