#pragma once
// Findings only a simulation can give: a session that lands on skin still healing from the one
// before, judged from the simulated channels and inflammation rather than from the table's
// intervals by depth. The earlier session has healed when its channels have closed at every
// depth and its dermal infiltrate has fallen below a share of its peak (the knowledge table's
// healed_inflammation_share). `run` and `compare` add these to the plan's findings in
// summary.json.
//
//   std::vector<Advisory> all = findingsFor(scenario);
//   for (Advisory& a : healingFindings(scenario, result)) all.push_back(std::move(a));

#include <optional>
#include <vector>

#include "core/Simulation.hpp"
#include "guidance/Advisories.hpp"

namespace dermasim {

// Days after session `i` (0-based) until the simulated skin healed from it; empty when it had
// not healed by the next session (or the end).
std::optional<double> simulatedHealingDays(const RunResult& result, std::size_t i);

std::vector<Advisory> healingFindings(const Scenario& scenario, const RunResult& result);

}  // namespace dermasim
