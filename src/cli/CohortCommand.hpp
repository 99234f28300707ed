#pragma once
// `dermasim run SCENARIO --cohort N --out DIR`: the scenario simulated for N virtual patients
// (core/cohort/VirtualPatients.hpp), spread over the cores one patient per thread, and their
// percentiles and rows written as CohortOutputs.hpp says. Patient i is the same whatever N and
// however many threads run, so the files depend on the scenario, its seed and N only.
//
//   if (!cohortText.empty())
//     return cohortRunCommand(scenarioArg, cohortText, shardText, outDir, quiet);

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "cli/ParallelRuns.hpp"
#include "core/ScenarioCheck.hpp"
#include "core/cohort/CohortResult.hpp"
#include "core/scenario/Scenario.hpp"

namespace dermasim {

// Patients 0 .. patients - 1, on `workers` threads.
CohortResult simulateCohort(const Scenario& scenario, std::size_t patients, int workers,
                            const RunsProgress& progress = {});
// The patients of `indices` only (a shard's), in that order.
CohortResult simulatePatients(const Scenario& scenario, const std::vector<std::size_t>& indices,
                              int workers, const RunsProgress& progress = {});

// Refuses (InputError) a cohort whose readings would not fit in memory; `scenarios` is how many
// scenarios' cohorts are kept at once (2 for compare).
void checkCohortFits(const ResourceEstimate& need, std::size_t patients, std::size_t scenarios = 1);

// `cohortText` and `shardText` are the --cohort and --shard options as given (nullopt without
// --shard); a bad value or a cohort that would not fit in memory is an InputError (exit 2), found
// before anything is simulated. With a shard, `outDir` gets the shard's files (io/CohortShard.hpp)
// for `dermasim merge`.
int cohortRunCommand(const std::string& scenarioArg, const std::string& cohortText,
                     const std::optional<std::string>& shardText, const std::string& outDir,
                     bool quiet);

}  // namespace dermasim
