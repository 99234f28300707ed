#pragma once
// `dermasim run SCENARIO --cohort N --out DIR`: the scenario simulated for N virtual patients
// (core/cohort/VirtualPatients.hpp), spread over the cores one patient per thread
// (core/cohort/CohortRun.hpp, which the viewer's bands run too), and their percentiles and rows
// written as CohortOutputs.hpp says. Patient i is the same whatever N and however many threads
// run, so the files depend on the scenario, its seed and N only.
//
//   if (!cohortText.empty())
//     return cohortRunCommand(scenarioArg, cohortText, shardText, outDir, quiet);

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/ScenarioCheck.hpp"
#include "core/cohort/CohortRun.hpp"
#include "core/scenario/Scenario.hpp"

namespace dermasim {

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
