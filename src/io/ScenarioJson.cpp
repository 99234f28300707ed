#include "io/ScenarioJson.hpp"

namespace dermasim {

nlohmann::ordered_json toJson(const DeviceSettings& d) {
  nlohmann::ordered_json j;
  j["type"] = toString(d.type);
  j["needle_length_mm"] = d.needle_length_mm;
  j["needles"] = d.needles;
  j["passes"] = d.passes;
  j["needle_diameter_mm"] = d.needle_diameter_mm;
  j["pressure"] = toString(d.pressure);
  j["home_use"] = d.home_use;
  if (d.type == DeviceType::Pen) {
    j["frequency_hz"] = d.frequency_hz;
    j["glide_speed_mm_s"] = d.glide_speed_mm_s;
    j["cartridge_width_mm"] = d.cartridge_width_mm;
  } else {
    j["drum_diameter_mm"] = d.drum_diameter_mm;
    j["drum_width_mm"] = d.drum_width_mm;
    j["rows"] = d.rows;
  }
  return j;
}

nlohmann::ordered_json toJson(const Scenario& s) {
  nlohmann::ordered_json j;
  j["scenario"] = {{"name", s.name},
                   {"description", s.description},
                   {"seed", s.seed},
                   {"duration_days", s.duration_days},
                   {"source", s.source}};
  nlohmann::ordered_json conditions = nlohmann::ordered_json::array();
  for (Condition c : s.patient.conditions) conditions.push_back(toString(c));
  j["patient"] = {{"site", toString(s.patient.site)},
                  {"fitzpatrick", s.patient.fitzpatrick},
                  {"age", s.patient.age_years},
                  {"indication", toString(s.patient.indication)},
                  {"conditions", conditions},
                  {"scars",
                   {{"count_per_cm2", s.patient.scars.count_per_cm2},
                    {"mean_depth_mm", s.patient.scars.mean_depth_mm},
                    {"mix",
                     {{"rolling", s.patient.scars.mix.rolling},
                      {"boxcar", s.patient.scars.mix.boxcar},
                      {"icepick", s.patient.scars.mix.icepick}}}}}};
  j["device"] = toJson(s.device);
  nlohmann::ordered_json sessions = nlohmann::ordered_json::array();
  for (const SessionPlan& plan : s.sessions) {
    nlohmann::ordered_json e;
    e["day"] = plan.day;
    e["device"] = toJson(plan.device);
    sessions.push_back(e);
  }
  j["sessions"] = sessions;
  j["adjuncts"] = {{"serum", toString(s.adjuncts.serum)}, {"prp", s.adjuncts.prp}};
  j["model"] = {{"patch_size_mm", s.model.patch_size_mm},
                {"lateral_resolution_um", s.model.lateral_resolution_um},
                {"depth_resolution_um", s.model.depth_resolution_um},
                {"time_step_scale", s.model.time_step_scale}};
  return j;
}

}  // namespace dermasim
