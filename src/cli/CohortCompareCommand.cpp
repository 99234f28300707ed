#include "cli/CohortCompareCommand.hpp"

#include <algorithm>
#include <cstdio>
#include <optional>
#include <stdexcept>

#include "cli/CohortCommand.hpp"
#include "cli/ParallelRuns.hpp"
#include "cli/ShardOption.hpp"
#include "cli/WholeNumber.hpp"
#include "core/Version.hpp"
#include "core/numerics/NumberText.hpp"
#include "guidance/Advisories.hpp"
#include "guidance/Findings.hpp"
#include "io/CohortComparison.hpp"
#include "io/CohortShard.hpp"
#include "io/Comparison.hpp"
#include "io/InputError.hpp"
#include "io/PrintableText.hpp"
#include "io/ScenarioSource.hpp"

namespace dermasim {
namespace {

// Patient i's draws come from (seed, i): two seeds would be two different people.
void checkOneSeed(const Scenario& a, const Scenario& b) {
  if (a.seed != b.seed)
    throw InputError(printable(b.source) +
                     ": scenario.seed: compare --cohort pairs patient i of "
                     "A with patient i of B, so B needs A's seed " +
                     std::to_string(a.seed) + " (got " + std::to_string(b.seed) + ")");
}

// The shard's folder, or the whole comparison's: checked before anything is simulated.
StagedFolder stageOutputs(const std::string& outDir, bool shard) {
  if (shard) return StagedFolder(outDir, "--out", shardOutputNames(shardFolders(true)));
  return StagedFolder(outDir, "--out", comparisonOutputNames());
}

struct PairedCohorts {
  CohortResult a, b;
};

// Each patient under A and under B, all 2 x patients runs spread over the workers alike.
PairedCohorts simulatePaired(const Scenario& a, const Scenario& b,
                             const std::vector<std::size_t>& indices, int workers, bool quiet) {
  PairedCohorts out{{cohortParameters(a), std::vector<PatientRecord>(indices.size())},
                    {cohortParameters(b), std::vector<PatientRecord>(indices.size())}};
  runInParallel(
      2 * indices.size(), workers,
      [&](std::size_t run) {
        const bool isB = run % 2 == 1;
        const std::size_t slot = run / 2;
        const VirtualPatient patient = virtualPatient(isB ? b : a, indices[slot]);
        try {
          (isB ? out.b : out.a).patients[slot] = recordPatient(patient, simulate(patient.scenario));
        } catch (const std::exception& e) {
          throw std::runtime_error(std::string(isB ? "B" : "A") + " cohort patient " +
                                   std::to_string(indices[slot]) + ": " + e.what());
        }
      },
      runsProgress(quiet));
  return out;
}

std::string range(const std::array<double, 3>& q, bool asChange) {
  const auto shown = [&](double v) {
    const std::string text = readableNumber(v, 3);
    return asChange && v > 0 && text.find_first_not_of("0.") != std::string::npos ? "+" + text
                                                                                  : text;
  };
  return shown(q[1]) + " (" + shown(q[0]) + " to " + shown(q[2]) + ")";
}

}  // namespace

void writeCohortComparison(const std::string& outDir, const Scenario& a, const Scenario& b,
                           const CohortResult& cohortA, const CohortResult& cohortB) {
  StagedFolder outputs = stageOutputs(outDir, false);
  stageCohortComparisonFiles(outputs, {a, cohortA}, {b, cohortB}, findingsFor(a), findingsFor(b));
  outputs.commit();
}

void printCohortComparison(const Scenario& a, const Scenario& b, const CohortResult& cohortA,
                           const CohortResult& cohortB) {
  std::printf("A: %s (%s)\nB: %s (%s)\n%zu virtual patients, each treated both ways\n\n",
              printable(a.name).c_str(), printable(a.source).c_str(), printable(b.name).c_str(),
              printable(b.source).c_str(), cohortA.patients.size());
  std::printf("%-18s %-26s %-26s %s\n", "p50 (p10 to p90)", "A", "B", "B - A, paired");
  for (const PairedOutcome& o : pairedOutcomes(cohortA, cohortB))
    std::printf("%-18s %-26s %-26s %s\n", o.name.c_str(), range(o.a, false).c_str(),
                range(o.b, false).c_str(), range(o.difference, true).c_str());
  std::printf(
      "\nB - A: the percentiles of each patient's own difference, not the difference of the\n"
      "percentiles. downtime_days: the mean over the sessions.\n");
}

int cohortCompareCommand(const CompareRequest& request) {
  const Scenario a = resolveScenario(request.a);
  const Scenario b = resolveScenario(request.b);
  const std::size_t patients = wholeNumber(request.cohort, "--cohort", 1, kMaxCohort);
  checkOneSeed(a, b);
  const std::optional<ShardId> shard = shardOption(request.shard, patients);
  const std::vector<std::size_t> indices = shardPatients(shard.value_or(ShardId{}), patients);
  const ResourceEstimate needA = estimateResources(a), needB = estimateResources(b);
  checkCohortFits(needA.readings > needB.readings ? needA : needB, indices.size(), 2);
  StagedFolder outputs = stageOutputs(request.out, shard.has_value());
  const int workers = std::min(simulationWorkers(a), simulationWorkers(b));
  if (!request.quiet)
    std::fprintf(
        stderr,
        "dermasim: comparing A %s with B %s for %zu virtual patients%s on %d "
        "thread(s)\n",
        printable(a.source).c_str(), printable(b.source).c_str(), indices.size(),
        shard ? (" (shard " + toString(*shard) + " of " + std::to_string(patients) + ")").c_str()
              : "",
        workers);
  PairedCohorts cohorts = simulatePaired(a, b, indices, workers, request.quiet);
  if (shard) {
    CohortShard written{*shard, patients, {}, kVersion};
    written.parts.push_back({"a", a, std::move(cohorts.a)});
    written.parts.push_back({"b", b, std::move(cohorts.b)});
    stageShardFiles(outputs, written);
    outputs.commit();
    if (!request.quiet)
      std::fprintf(stderr, "dermasim: wrote shard %s to %s; join the shards with dermasim merge\n",
                   toString(*shard).c_str(), printable(request.out).c_str());
    return 0;
  }
  stageCohortComparisonFiles(outputs, {a, cohorts.a}, {b, cohorts.b}, findingsFor(a),
                             findingsFor(b));
  outputs.commit();
  printCohortComparison(a, b, cohorts.a, cohorts.b);
  if (!request.quiet)
    std::fprintf(stderr, "dermasim: wrote %s/a/, b/, comparison.csv and comparison.json\n",
                 printable(request.out).c_str());
  return 0;
}

}  // namespace dermasim
