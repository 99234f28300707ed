#pragma once
// A run's outcome as JSON, shared by summary.json and comparison.json so both name the final
// values alike, and the fields a run's and a cohort's summary.json share. Inside io only: it
// exposes nlohmann's types.
//
//   j["outcome"] = outcomeJson(result.outcome);
//   dropNegativeZeros(j);

#include <nlohmann/json.hpp>

#include <vector>

#include "core/Simulation.hpp"
#include "core/scenario/Scenario.hpp"
#include "guidance/Advisories.hpp"

namespace dermasim {

nlohmann::ordered_json outcomeJson(const Outcome& o);

// What every summary.json begins with: `program`, `scenario` (every resolved value) and `seed`.
nlohmann::ordered_json summaryHeadJson(const Scenario& scenario);
// summary.json's `warnings`: level, code, message and source (knowledge-table row and grade)
// of each finding.
nlohmann::ordered_json warningsJson(const std::vector<Advisory>& advisories);

// JSON writes numbers exactly, so only a zero can show as "-0.0": written as 0.0, like every
// other output that rounds a value to zero.
void dropNegativeZeros(nlohmann::ordered_json& j);

}  // namespace dermasim
