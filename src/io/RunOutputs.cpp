#include "io/RunOutputs.hpp"

#include <cstdio>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>

#include "core/Version.hpp"
#include "io/AtomicFile.hpp"
#include "io/ScenarioJson.hpp"

namespace dermasim {

std::string summaryJson(const Scenario& scenario, const RunResult& result) {
  nlohmann::ordered_json j;
  j["program"] = {{"name", kProgramName}, {"version", kVersion}};
  j["scenario"] = toJson(scenario);
  j["seed"] = scenario.seed;

  nlohmann::ordered_json parameters;
  for (const ParameterSpec& spec : parameterTable()) {
    parameters[std::string(spec.key)] = {{"value", result.parameters[spec.key]},
                                         {"unit", spec.unit},
                                         {"default", spec.value}};
  }
  j["parameters"] = parameters;

  nlohmann::ordered_json sessions = nlohmann::ordered_json::array();
  for (const SessionResult& s : result.sessions) {
    const PunctureStats& st = s.needling.stats;
    sessions.push_back({{"day", s.day},
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
                        {"mean_opening_elongation", st.mean_elongation}});
  }
  j["sessions"] = sessions;
  j["model_stage"] = "punctures";  // the healing model and its outcome are not simulated yet
  nlohmann::ordered_json warnings = nlohmann::ordered_json::array();
  for (const Advisory& a : result.advisories)
    warnings.push_back({{"level", toString(a.level)}, {"code", a.code}, {"message", a.message}});
  j["warnings"] = warnings;
  return j.dump(2) + "\n";
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

void writeRunOutputs(const std::filesystem::path& dir, const Scenario& scenario,
                     const RunResult& result) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) throw std::runtime_error(dir.string() + ": cannot create output folder (" + ec.message() + ")");
  // Everything is formatted before anything is written, so a failure leaves no partial set.
  const std::string summary = summaryJson(scenario, result);
  const std::string punctures = puncturesCsv(result);
  writeFileAtomically(dir / "punctures.csv", punctures);
  writeFileAtomically(dir / "summary.json", summary);
}

}  // namespace dermasim
