#include "cli/SensitivityAnalysis.hpp"

#include <omp.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <exception>
#include <mutex>
#include <numeric>
#include <stdexcept>
#include <thread>

#include "io/InputError.hpp"
#include "io/PrintableText.hpp"

namespace dermasim {
namespace {

double meanDowntimeDays(const RunResult& r) {
  if (r.sessions.empty()) return 0;
  double sum = 0;
  for (const SessionResult& s : r.sessions) sum += s.downtime_days;
  return sum / static_cast<double>(r.sessions.size());
}

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

// outcomes[run][o] for every point of the design, run = trajectory * (k + 1) + point. The runs
// go to `plan.workers` threads, each simulating on one OpenMP thread; where a run lands depends
// only on its index, so the result does not depend on who ran it.
std::vector<std::vector<double>> runDesign(const Scenario& scenario,
                                           const std::vector<const ParameterSpec*>& parameters,
                                           const MorrisDesign& design,
                                           const SensitivityPlan& plan) {
  const std::size_t perTrajectory = parameters.size() + 1;
  const std::size_t total = design.trajectories.size() * perTrajectory;
  const auto& outcomes = sensitivityOutcomes();
  std::vector<std::vector<double>> values(total, std::vector<double>(outcomes.size()));

  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};
  std::mutex lock;  // guards done, error and the progress callback
  std::size_t done = 0;
  std::exception_ptr error;
  const auto work = [&] {
    omp_set_num_threads(1);  // this thread's own setting: runs in parallel, not steps
    for (std::size_t run = next++; run < total && !failed; run = next++) {
      const std::size_t t = run / perTrajectory, j = run % perTrajectory;
      try {
        const RunResult result =
            simulate(scenarioAt(scenario, parameters, design.trajectories[t].points[j]));
        for (std::size_t o = 0; o < outcomes.size(); ++o) values[run][o] = outcomes[o].read(result);
      } catch (const std::exception& e) {
        const std::scoped_lock guard(lock);
        failed = true;
        if (!error)
          error = std::make_exception_ptr(
              std::runtime_error("sensitivity run " + std::to_string(run + 1) + " of " +
                                 std::to_string(total) + " (trajectory " + std::to_string(t + 1) +
                                 ", point " + std::to_string(j + 1) + "): " + e.what()));
        return;
      }
      const std::scoped_lock guard(lock);
      ++done;
      if (plan.progress) plan.progress(done, total);
    }
  };
  {
    const std::size_t workers =
        std::clamp<std::size_t>(static_cast<std::size_t>(std::max(plan.workers, 1)), 1, total);
    std::vector<std::jthread> pool;
    for (std::size_t w = 0; w < workers; ++w) pool.emplace_back(work);
  }  // joined here
  if (error) std::rethrow_exception(error);
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
