#pragma once
// What `dermasim run` leaves in its output folder (see README "Outputs").

#include <filesystem>
#include <string>

#include "core/Scenario.hpp"
#include "core/Simulation.hpp"

namespace dermasim {

std::string summaryJson(const Scenario& scenario, const RunResult& result);
std::string puncturesCsv(const RunResult& result);
std::string timeseriesCsv(const RunResult& result);

// Creates `dir` if needed and writes every output file atomically.
void writeRunOutputs(const std::filesystem::path& dir, const Scenario& scenario,
                     const RunResult& result);

}  // namespace dermasim
