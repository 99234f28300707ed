#include "cli/CohortCommand.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <optional>

#include "cli/ParallelRuns.hpp"
#include "cli/ShardOption.hpp"
#include "cli/WholeNumber.hpp"
#include "core/ScenarioCheck.hpp"
#include "core/Version.hpp"
#include "core/numerics/NumberText.hpp"
#include "core/numerics/Percentile.hpp"
#include "guidance/Advisories.hpp"
#include "guidance/Findings.hpp"
#include "io/CohortOutputs.hpp"
#include "io/CohortShard.hpp"
#include "io/InputError.hpp"
#include "io/PrintableText.hpp"
#include "io/RunOutputs.hpp"
#include "io/ScenarioSource.hpp"

namespace dermasim {

// The readings every patient keeps until the percentiles are taken: refused when they would
// take more than half the machine's memory, the other half left to the simulations running.
void checkCohortFits(const ResourceEstimate& need, std::size_t patients, std::size_t scenarios) {
  const double perPatient = static_cast<double>(scenarios) * static_cast<double>(need.readings) *
                            static_cast<double>(sizeof(SkinReading));
  const double room = MachineLimits::thisMachine().memory_bytes / 2;
  if (perPatient * static_cast<double>(patients) > room)
    throw InputError("--cohort: " + std::to_string(patients) + " patients would keep about " +
                     readableNumber(perPatient * static_cast<double>(patients) / 1e9, 2) +
                     " GB of readings; this machine has room for about " +
                     std::to_string(static_cast<std::size_t>(room / perPatient)) +
                     " with this scenario (fewer patients, or a shorter duration_days)");
}

namespace {

void printCohortSummary(const CohortResult& cohort, const std::string& outDir) {
  const auto& outcomes = patientOutcomes();
  for (std::size_t o = 0; o < outcomes.size(); ++o) {
    std::vector<double> values;
    for (const PatientRecord& p : cohort.patients) values.push_back(p.outcomes[o]);
    std::fprintf(stderr, "  %-18s p10 %s, p50 %s, p90 %s\n", std::string(outcomes[o].name).c_str(),
                 readableNumber(percentile(values, 0.1), 3).c_str(),
                 readableNumber(percentile(values, 0.5), 3).c_str(),
                 readableNumber(percentile(values, 0.9), 3).c_str());
  }
  std::fprintf(stderr,
               "dermasim: wrote %s/timeseries.csv (percentiles), cohort.csv and summary.json\n",
               outDir.c_str());
}

// One shard's patients, written for `dermasim merge` rather than as percentiles.
int shardRunCommand(const Scenario& scenario, std::size_t patients, const ShardId& shard,
                    const std::string& outDir, bool quiet) {
  const std::vector<std::size_t> indices = shardPatients(shard, patients);
  checkCohortFits(estimateResources(scenario), indices.size());
  StagedFolder outputs(outDir, "--out", shardOutputNames(shardFolders(false)));
  const int workers = simulationWorkers(scenario);
  if (!quiet)
    std::fprintf(stderr,
                 "dermasim: %s (%s), shard %s of a cohort of %zu: %zu virtual patients on %d "
                 "thread(s)\n",
                 printable(scenario.name).c_str(), printable(scenario.source).c_str(),
                 toString(shard).c_str(), patients, indices.size(), workers);
  CohortShard written{shard, patients, {}, kVersion};
  written.parts.push_back(
      {"", scenario, simulatePatients(scenario, indices, workers, runsProgress(quiet))});
  stageShardFiles(outputs, written);
  outputs.commit();
  if (!quiet)
    std::fprintf(stderr, "dermasim: wrote shard %s to %s; join the shards with dermasim merge\n",
                 toString(shard).c_str(), printable(outDir).c_str());
  return 0;
}

}  // namespace

int cohortRunCommand(const std::string& scenarioArg, const std::string& cohortText,
                     const std::optional<std::string>& shardText, const std::string& outDir,
                     bool quiet) {
  const Scenario scenario = resolveScenario(scenarioArg);
  const std::size_t patients = wholeNumber(cohortText, "--cohort", 1, kMaxCohort);
  const std::optional<ShardId> shard = shardOption(shardText, patients);
  if (shard) return shardRunCommand(scenario, patients, *shard, outDir, quiet);
  const ResourceEstimate need = estimateResources(scenario);
  checkCohortFits(need, patients);
  // The output folder is checked before simulating: a bad --out is found in a moment.
  StagedFolder outputs = stageRunOutputs(outDir);
  const int workers = simulationWorkers(scenario);
  if (!quiet)
    std::fprintf(stderr,
                 "dermasim: %s (%s), %zu session(s) over %g days, for %zu virtual patients on %d "
                 "thread(s): about %s by the resource estimate; the time left shows as patients "
                 "finish\n",
                 printable(scenario.name).c_str(), printable(scenario.source).c_str(),
                 scenario.sessions.size(), scenario.duration_days, patients, workers,
                 durationText(need.seconds_one_core * static_cast<double>(patients) /
                              static_cast<double>(std::min<std::size_t>(
                                  static_cast<std::size_t>(workers), patients)))
                     .c_str());
  using Clock = std::chrono::steady_clock;
  const auto start = Clock::now();
  const CohortResult cohort = simulateCohort(scenario, patients, workers, runsProgress(quiet));
  writeCohortOutputs(outputs, scenario, cohort, findingsFor(scenario));
  if (!quiet) {
    std::fprintf(stderr, "dermasim: %zu patients in %s\n", patients,
                 durationText(std::chrono::duration<double>(Clock::now() - start).count()).c_str());
    printCohortSummary(cohort, outDir);
  }
  return 0;
}

}  // namespace dermasim
