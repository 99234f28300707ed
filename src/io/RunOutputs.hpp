#pragma once
// What `dermasim run` leaves in its output folder (see README "Outputs").

#include <filesystem>
#include <string>

#include "core/Simulation.hpp"
#include "core/scenario/Scenario.hpp"
#include "guidance/Advisories.hpp"

namespace dermasim {

// `advisories` are what guidance says of the scenario (adviseOn), written as "warnings".
std::string summaryJson(const Scenario& scenario, const RunResult& result,
                        const std::vector<Advisory>& advisories);
std::string puncturesCsv(const RunResult& result);
std::string timeseriesCsv(const RunResult& result);

// Creates `dir` if needed and writes every output file atomically.
void writeRunOutputs(const std::filesystem::path& dir, const Scenario& scenario,
                     const RunResult& result, const std::vector<Advisory>& advisories);

}  // namespace dermasim
