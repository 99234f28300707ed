#pragma once
// `dermasim run SCENARIO --cohort N --out DIR`: the scenario simulated for N virtual patients
// (core/cohort/VirtualPatients.hpp), spread over the cores one patient per thread, and their
// percentiles and rows written as CohortOutputs.hpp says. Patient i is the same whatever N and
// however many threads run, so the files depend on the scenario, its seed and N only.
//
//   if (!cohortText.empty()) return cohortRunCommand(scenarioArg, cohortText, outDir, quiet);

#include <cstddef>
#include <string>

#include "cli/ParallelRuns.hpp"
#include "core/cohort/CohortResult.hpp"
#include "core/scenario/Scenario.hpp"

namespace dermasim {

// Patients one cohort may have: 10,000 of the default scenario take about 8 h on 2 cores, and
// the 10th and 90th percentiles are long steady by then; a larger N is far more likely a typo.
inline constexpr std::size_t kMaxCohort = 10000;

// Patients 0 .. patients - 1, on `workers` threads.
CohortResult simulateCohort(const Scenario& scenario, std::size_t patients, int workers,
                            const RunsProgress& progress = {});

// `cohortText` is the --cohort option as given; a bad value or a cohort that would not fit in
// memory is an InputError (exit 2), found before anything is simulated.
int cohortRunCommand(const std::string& scenarioArg, const std::string& cohortText,
                     const std::string& outDir, bool quiet);

}  // namespace dermasim
