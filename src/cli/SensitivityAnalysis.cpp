#include "cli/SensitivityAnalysis.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

#include "cli/ParallelRuns.hpp"
#include "core/cohort/CohortResult.hpp"
#include "io/InputError.hpp"
#include "io/PrintableText.hpp"

namespace dermasim {
namespace {

// Solver controls: they change how finely the model is solved, not what it says.
constexpr std::string_view kSolverPrefix = "numerics.";

// The scenario at one point of the design: each varied parameter at its place in its range.
Scenario scenarioAt(const Scenario& base, const std::vector<const ParameterSpec*>& parameters,
                    const std::vector<double>& point) {
  Scenario s = base;
  for (std::size_t i = 0; i < parameters.size(); ++i) {
    const ParameterSpec& p = *parameters[i];
    // std::lerp gives min and max exactly at 0 and 1, so no value falls outside the range.
    s.parameter_overrides[std::string(p.key)] = std::lerp(p.min, p.max, point[i]);
  }
  return s;
}

// outcomes[run][o] for every point of the design, run = trajectory * (k + 1) + point. Where a
// run lands depends only on its index, so the result does not depend on who ran it.
std::vector<std::vector<double>> runDesign(const Scenario& scenario,
                                           const std::vector<const ParameterSpec*>& parameters,
                                           const MorrisDesign& design,
                                           const SensitivityPlan& plan) {
  const std::size_t perTrajectory = parameters.size() + 1;
  const std::size_t total = design.trajectories.size() * perTrajectory;
  const auto& outcomes = sensitivityOutcomes();
  std::vector<std::vector<double>> values(total, std::vector<double>(outcomes.size()));
  runInParallel(
      total, plan.workers,
      [&](std::size_t run) {
        const std::size_t t = run / perTrajectory, j = run % perTrajectory;
        try {
          const RunResult result =
              simulate(scenarioAt(scenario, parameters, design.trajectories[t].points[j]));
          for (std::size_t o = 0; o < outcomes.size(); ++o)
            values[run][o] = outcomes[o].read(result);
        } catch (const std::exception& e) {
          throw std::runtime_error("sensitivity run " + std::to_string(run + 1) + " of " +
                                   std::to_string(total) + " (trajectory " + std::to_string(t + 1) +
                                   ", point " + std::to_string(j + 1) + "): " + e.what());
        }
      },
      plan.progress);
  return values;
}

// NaN (a run that gave none) ranks last.
bool ranksAbove(const ParameterEffect& a, const ParameterEffect& b) {
  const double x = std::isnan(a.effect.mu_star) ? -1 : a.effect.mu_star;
  const double y = std::isnan(b.effect.mu_star) ? -1 : b.effect.mu_star;
  return x > y;
}

}  // namespace

const std::vector<SensitivityOutcome>& sensitivityOutcomes() {
  static const std::vector<SensitivityOutcome> outcomes{
      {"improvement_pct", "%", [](const RunResult& r) { return r.outcome.improvement_pct; }},
      // The mean over sessions of each session's downtime_days (summary.json).
      {"downtime_days", "days", meanDowntimeDays},
      {"collagen_rel", "1", [](const RunResult& r) { return r.outcome.collagen_rel; }},
      {"pih_risk", "1", [](const RunResult& r) { return r.outcome.pih_risk; }},
  };
  return outcomes;
}

std::vector<const ParameterSpec*> sensitivityParameters(const std::vector<std::string>& prefixes) {
  std::vector<const ParameterSpec*> chosen;
  const auto matches = [&](std::string_view key) {
    return prefixes.empty() ||
           std::any_of(prefixes.begin(), prefixes.end(),
                       [&](const std::string& p) { return key.starts_with(p); });
  };
  for (const ParameterSpec& p : parameterTable())
    if (!p.key.starts_with(kSolverPrefix) && matches(p.key)) chosen.push_back(&p);

  for (const std::string& prefix : prefixes) {
    const bool any = std::any_of(chosen.begin(), chosen.end(), [&](const ParameterSpec* p) {
      return p->key.starts_with(prefix);
    });
    if (!any)
      throw InputError(
          "--only: must be the start of a model parameter's key, such as healing. or "
          "pen.depth_spread; numerics.* are solver controls, not model parameters "
          "(see dermasim params) (got " +
          printable(prefix) + ")");
  }
  return chosen;
}

std::size_t sensitivityRuns(std::size_t parameters, std::size_t trajectories) {
  return trajectories * (parameters + 1);
}

SensitivityResult analyseSensitivity(const Scenario& scenario,
                                     const std::vector<const ParameterSpec*>& parameters,
                                     const SensitivityPlan& plan) {
  const MorrisDesign design = morrisDesign(parameters.size(), plan.trajectories, plan.seed);
  const std::vector<std::vector<double>> values = runDesign(scenario, parameters, design, plan);

  SensitivityResult result;
  result.parameters = parameters.size();
  result.trajectories = plan.trajectories;
  result.runs = values.size();
  result.seed = plan.seed;
  const std::size_t perTrajectory = parameters.size() + 1;
  const auto& outcomes = sensitivityOutcomes();
  for (std::size_t o = 0; o < outcomes.size(); ++o) {
    std::vector<std::vector<double>> outputs(design.trajectories.size());
    for (std::size_t run = 0; run < values.size(); ++run)
      outputs[run / perTrajectory].push_back(values[run][o]);
    const std::vector<EffectSummary> effects = elementaryEffects(design, outputs);

    OutcomeEffects ranked{&outcomes[o], {}};
    for (std::size_t i = 0; i < parameters.size(); ++i)
      ranked.ranked.push_back({parameters[i], effects[i], 0});
    std::stable_sort(ranked.ranked.begin(), ranked.ranked.end(), ranksAbove);
    for (std::size_t i = 0; i < ranked.ranked.size(); ++i)
      ranked.ranked[i].rank = static_cast<int>(i + 1);
    result.outcomes.push_back(std::move(ranked));
  }
  return result;
}

}  // namespace dermasim
