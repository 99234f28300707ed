#include "core/Simulation.hpp"

#include <string>

namespace dermasim {

RunResult simulate(const Scenario& scenario, const ProgressFn& progress) {
  RunResult result;
  result.parameters = ModelParameters::withOverrides(scenario.parameter_overrides);
  result.patch = Patch{scenario.model.patch_size_mm};
  result.advisories = adviseOn(scenario);
  const auto total = static_cast<double>(scenario.sessions.size());
  for (std::size_t i = 0; i < scenario.sessions.size(); ++i) {
    const SessionPlan& plan = scenario.sessions[i];
    if (progress)
      progress(static_cast<double>(i) / total,
               "session " + std::to_string(i + 1) + " of " + std::to_string(scenario.sessions.size()));
    SessionResult s;
    s.index = static_cast<int>(i);
    s.day = plan.day;
    s.device = plan.device;
    s.needling = needleSession(plan.device, result.parameters, result.patch, scenario.seed,
                               static_cast<int>(i));
    result.sessions.push_back(std::move(s));
  }
  if (progress) progress(1.0, "done");
  return result;
}

}  // namespace dermasim
