#pragma once
// The resolved scenario as JSON, every value spelled out, for summary.json.

#include <nlohmann/json.hpp>

#include "core/scenario/Scenario.hpp"

namespace dermasim {

nlohmann::ordered_json toJson(const DeviceSettings& device);
nlohmann::ordered_json toJson(const Scenario& scenario);

}  // namespace dermasim
