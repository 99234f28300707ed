#include "io/OutcomeJson.hpp"

#include "core/Version.hpp"
#include "io/ScenarioJson.hpp"

namespace dermasim {

nlohmann::ordered_json summaryHeadJson(const Scenario& scenario) {
  nlohmann::ordered_json j;
  j["program"] = {{"name", kProgramName}, {"version", kVersion}};
  j["scenario"] = toJson(scenario);
  j["seed"] = scenario.seed;
  return j;
}

nlohmann::ordered_json warningsJson(const std::vector<Advisory>& advisories) {
  nlohmann::ordered_json warnings = nlohmann::ordered_json::array();
  for (const Advisory& a : advisories)
    warnings.push_back({{"level", toString(a.level)},
                        {"code", a.code},
                        {"message", a.message},
                        {"source", a.source}});
  return warnings;
}

nlohmann::ordered_json outcomeJson(const Outcome& o) {
  return {{"improvement_pct", o.improvement_pct},
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
}

void dropNegativeZeros(nlohmann::ordered_json& j) {
  if (j.is_number_float() && j.get<double>() == 0.0) {
    j = 0.0;
  } else if (j.is_structured()) {
    for (auto& child : j) dropNegativeZeros(child);
  }
}

}  // namespace dermasim
