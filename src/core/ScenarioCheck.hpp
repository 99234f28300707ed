#pragma once
// Everything that must hold before a scenario is simulated: the scenario rules
// (scenario/ScenarioRules.hpp), then what the run would ask of the machine (memory for the grid,
// punctures per session), estimated before anything is allocated. The file reader, the viewer's
// draft check, `dermasim check` and `dermasim validate` use it.
//
//   const ResourceEstimate need = estimateResources(scenario);
//   std::printf("%s\n", describe(need).c_str());  // "grid 200 x 200 x 121 (4.8 M voxels), ..."
//   for (const ScenarioProblem& p : validateScenario(scenario)) ...

#include <cstddef>
#include <string>
#include <vector>

#include "core/numerics/Grid.hpp"
#include "core/scenario/Scenario.hpp"
#include "core/scenario/ScenarioRules.hpp"

namespace dermasim {

struct ResourceEstimate {
  Grid grid;
  std::size_t voxels = 0;
  double memory_bytes = 0;  // peak, for `dermasim run`
  std::size_t time_steps = 0;
  std::size_t readings = 0;          // rows of timeseries.csv, the untreated skin's included
  double max_punctures_per_cm2 = 0;  // the densest session's, all passes
  double max_punctures = 0;          // the same session's count on the patch
  double seconds_one_core = 0;       // rough: the measured cost per voxel and step
};

// What the machine can give a run. The default asks the operating system.
struct MachineLimits {
  double memory_bytes = 0;
  static MachineLimits thisMachine();
};

// Punctures one session may make per square centimetre, all passes together: well beyond any
// clinical setting (a pen session is ~1,000-15,000/cm2), where every square millimetre of skin
// would be hit hundreds of times and the model's channel and bleeding geometry stops meaning
// anything.
inline constexpr double kMaxPuncturesPerCm2PerSession = 50000;

// Needs a scenario that passes checkScenarioRules.
ResourceEstimate estimateResources(const Scenario& scenario);
// "grid 200 x 200 x 121 (4.8 M voxels), about 0.3 GB of memory, 540 time steps, up to 1,300
// punctures/cm2 in a session, about 30 s on one core".
std::string describe(const ResourceEstimate& estimate);

// checkScenarioRules, then (when those pass) the bounds: memory within `limits`, punctures per
// session within kMaxPuncturesPerCm2PerSession. Each problem names the keys that drive it.
std::vector<ScenarioProblem> validateScenario(
    const Scenario& scenario, const MachineLimits& limits = MachineLimits::thisMachine());

}  // namespace dermasim
