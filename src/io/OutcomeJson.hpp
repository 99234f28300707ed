#pragma once
// A run's outcome as JSON, shared by summary.json and comparison.json so both name the final
// values alike. Inside io only: it exposes nlohmann's types.
//
//   j["outcome"] = outcomeJson(result.outcome);
//   dropNegativeZeros(j);

#include <nlohmann/json.hpp>

#include "core/Simulation.hpp"

namespace dermasim {

nlohmann::ordered_json outcomeJson(const Outcome& o);

// JSON writes numbers exactly, so only a zero can show as "-0.0": written as 0.0, like every
// other output that rounds a value to zero.
void dropNegativeZeros(nlohmann::ordered_json& j);

}  // namespace dermasim
