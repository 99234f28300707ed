#include "cli/SensitivityCommand.hpp"

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>

#include "cli/ParallelRuns.hpp"
#include "cli/SensitivityAnalysis.hpp"
#include "cli/SensitivityChart.hpp"
#include "cli/SensitivityReport.hpp"
#include "cli/WholeNumber.hpp"
#include "io/AtomicFile.hpp"
#include "io/PrintableText.hpp"
#include "io/ScenarioSource.hpp"

namespace dermasim {
namespace {

// Two is the fewest that measure sigma. The default scenario (163 parameters, 164 runs a
// trajectory, ~4.5 s of one core a run) then takes about 12 minutes on 2 idle cores.
constexpr std::uint64_t kDefaultTrajectories = 2;
constexpr std::uint64_t kMaxTrajectories = 1000;
constexpr std::uint64_t kMaxSeed = std::uint64_t{1} << 53;  // as a scenario's seed
constexpr std::size_t kTableTop = 5;

}  // namespace

CLI::App* addSensitivityCommand(CLI::App& app, SensitivityRequest& request) {
  auto* command = app.add_subcommand(
      "sensitivity",
      "which model parameters drive a scenario's outcomes: Morris elementary effects of every "
      "model parameter across its documented range (the numerics.* solver controls excluded) on "
      "improvement_pct, downtime_days, collagen_rel and pih_risk; top parameters on stdout, "
      "sensitivity.csv and sensitivity.png in --out. The default scenario with the default 2 "
      "trajectories makes 328 runs: about 12 minutes on 2 idle cores; --only makes it shorter");
  command->add_option("scenario", request.scenario, "scenario file or built-in name")->required();
  command
      ->add_option("--out", request.out,
                   "folder for sensitivity.csv and sensitivity.png, replaced as one set (a folder "
                   "holding other files is refused)")
      ->capture_default_str();
  command->add_option("--trajectories", request.trajectories,
                      "Morris trajectories, 2 to 1000 (default " +
                          std::to_string(kDefaultTrajectories) +
                          "); each costs one run per parameter plus one, and more make mu* and "
                          "sigma steadier");
  command->add_option("--seed", request.seed,
                      "seed of the trajectories (default: the scenario's seed); the same seed "
                      "gives the same results on any number of threads");
  command
      ->add_option("--only", request.only,
                   "vary only the parameters whose key starts with this (repeatable, e.g. "
                   "--only healing. --only pen.depth_spread); the rest keep the scenario's "
                   "values")
      ->allow_extra_args(false);  // one key a time: `--only healing. SCENARIO` keeps SCENARIO
  command->add_flag("-q,--quiet", request.quiet, "no progress on stderr");
  return command;
}

int sensitivityCommand(const SensitivityRequest& request) {
  using Clock = std::chrono::steady_clock;
  // Everything that can be wrong with the input is found before the first run.
  const std::uint64_t trajectories =
      request.trajectories.empty()
          ? kDefaultTrajectories
          : wholeNumber(request.trajectories, "--trajectories", 2, kMaxTrajectories);
  const std::vector<const ParameterSpec*> parameters = sensitivityParameters(request.only);
  const Scenario scenario = resolveScenario(request.scenario);
  const std::uint64_t seed =
      request.seed.empty() ? scenario.seed : wholeNumber(request.seed, "--seed", 0, kMaxSeed);
  StagedFolder outputs(request.out, "--out", {"sensitivity.csv", "sensitivity.png"});

  SensitivityPlan plan{trajectories, seed, simulationWorkers(scenario),
                       runsProgress(request.quiet)};
  const std::size_t runs = sensitivityRuns(parameters.size(), trajectories);
  if (!request.quiet)
    std::fprintf(stderr,
                 "dermasim: sensitivity of %s (%s): %zu parameter(s), %zu trajectories, %zu runs "
                 "on %d thread(s); the time left shows as runs finish\n",
                 printable(scenario.name).c_str(), printable(scenario.source).c_str(),
                 parameters.size(), static_cast<std::size_t>(trajectories), runs, plan.workers);
  const auto start = Clock::now();
  const SensitivityResult result = analyseSensitivity(scenario, parameters, plan);

  std::fputs(sensitivityTable(result, kTableTop).c_str(), stdout);
  outputs.write("sensitivity.csv", sensitivityCsv(result));
  const bool drawn =
      writeSensitivityChart(outputs.pathFor("sensitivity.png"), result, printable(scenario.name));
  outputs.commit();
  if (!request.quiet)
    std::fprintf(
        stderr, "dermasim: %zu runs in %s; wrote %s%s\n", runs,
        durationText(std::chrono::duration<double>(Clock::now() - start).count()).c_str(),
        (outputs.target() / "sensitivity.csv").string().c_str(),
        drawn ? " and sensitivity.png" : " (no chart: built without the rendering library)");
  return 0;
}

}  // namespace dermasim
