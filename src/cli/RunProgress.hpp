#pragma once
// Simulating with progress on stderr, for the commands that run whole scenarios (`run`,
// `compare`): a line per session and per tenth of the run, not one per time step. A label tells
// apart the runs of one command that go side by side.
//
//   const RunResult result = simulateReporting(scenario, quiet, "B ");  // "  B [ 40%] day ..."

#include <string>

#include "core/Simulation.hpp"
#include "core/scenario/Scenario.hpp"

namespace dermasim {

RunResult simulateReporting(const Scenario& scenario, bool quiet, const std::string& label = "");

}  // namespace dermasim
