#pragma once
// The sensitivity of a scenario's main outcomes to the model parameters, for
// `dermasim sensitivity`: Morris's elementary effects (core/numerics/ElementaryEffects) with each
// parameter moved across its documented range, the runs spread over the cores, each effect
// ranked per outcome. The same scenario, parameters, trajectories and seed give the same numbers
// on any number of threads: every run is single-threaded and lands in its own slot.
//
//   const auto parameters = sensitivityParameters({"healing."});  // InputError if none match
//   const SensitivityResult result =
//       analyseSensitivity(scenario, parameters, {.trajectories = 4, .seed = scenario.seed});
//   std::fputs(sensitivityTable(result, 5).c_str(), stdout);

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/Simulation.hpp"
#include "core/numerics/ElementaryEffects.hpp"
#include "core/parameters/ModelParameters.hpp"
#include "core/scenario/Scenario.hpp"

namespace dermasim {

// A main outcome of a run, as summary.json names it.
struct SensitivityOutcome {
  std::string_view name;
  std::string_view unit;
  double (*read)(const RunResult&);
};

// improvement_pct, downtime_days, collagen_rel (and pih_risk once runs report it), in order.
const std::vector<SensitivityOutcome>& sensitivityOutcomes();

// The model parameters to vary, in table order: every row but the solver controls
// (`numerics.*`), or, given prefixes, the rows starting with any of them. Throws InputError for
// a prefix that matches no model parameter.
std::vector<const ParameterSpec*> sensitivityParameters(const std::vector<std::string>& prefixes);

struct SensitivityPlan {
  std::size_t trajectories = 2;
  std::uint64_t seed = 0;
  int workers = 1;  // simulations at once, each on one thread
  // Called after each run with the count done and the total, from the thread that ran it,
  // one call at a time.
  std::function<void(std::size_t done, std::size_t total)> progress;
};

struct ParameterEffect {
  const ParameterSpec* parameter = nullptr;
  EffectSummary effect;  // in the outcome's unit, per full range of the parameter
  int rank = 0;          // 1 = largest mu*; ties keep table order
};

struct OutcomeEffects {
  const SensitivityOutcome* outcome = nullptr;
  std::vector<ParameterEffect> ranked;  // by rank
};

struct SensitivityResult {
  std::size_t parameters = 0, trajectories = 0, runs = 0;
  std::uint64_t seed = 0;
  std::vector<OutcomeEffects> outcomes;  // in sensitivityOutcomes() order
};

// Runs the scenario at every point of the design (trajectories x (parameters + 1) runs). A run
// that throws stops the analysis: the exception is rethrown, naming the run, once the runs
// under way have ended.
SensitivityResult analyseSensitivity(const Scenario& scenario,
                                     const std::vector<const ParameterSpec*>& parameters,
                                     const SensitivityPlan& plan);

// Runs the analysis will simulate.
std::size_t sensitivityRuns(std::size_t parameters, std::size_t trajectories);

}  // namespace dermasim
