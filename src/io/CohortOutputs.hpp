#pragma once
// What `dermasim run --cohort N` leaves in its output folder (see README "Outputs"): in place of
// a single run's files, timeseries.csv holds the 10th, 50th and 90th percentile over the
// patients of every metric at every output time (`day`, then `METRIC_p10,METRIC_p50,METRIC_p90`
// for each column of TimeseriesColumns), cohort.csv one row per patient (its drawn values and
// main outcomes), and summary.json the cohort's size, its spreads and the outcomes' percentiles.
// Percentiles are type 7 (core/numerics/Percentile.hpp).
//
//   StagedFolder staged = stageRunOutputs(dir);  // the folder of a run or of a cohort
//   writeCohortOutputs(staged, scenario, cohort, findingsFor(scenario));

#include <string>
#include <vector>

#include "core/cohort/CohortResult.hpp"
#include "core/scenario/Scenario.hpp"
#include "guidance/Advisories.hpp"
#include "io/AtomicFile.hpp"

namespace dermasim {

// The percentiles every cohort output gives, with their suffixes.
struct CohortPercentile {
  const char* suffix;  // "_p10"
  double fraction;     // 0.1
};
const std::vector<CohortPercentile>& cohortPercentiles();

std::string cohortTimeseriesCsv(const CohortResult& cohort);
std::string cohortCsv(const CohortResult& cohort);
std::string cohortSummaryJson(const Scenario& scenario, const CohortResult& cohort,
                              const std::vector<Advisory>& advisories);

// Writes the three files into `staged` and puts the set in place in one step.
void writeCohortOutputs(StagedFolder& staged, const Scenario& scenario, const CohortResult& cohort,
                        const std::vector<Advisory>& advisories);
// Writes them into sub-folder `folder` of `staged` ("" for the top), leaving the commit to the
// caller, whose set holds more than one cohort (as stageRunFiles does for runs).
void stageCohortFiles(StagedFolder& staged, const std::string& folder, const Scenario& scenario,
                      const CohortResult& cohort, const std::vector<Advisory>& advisories);

}  // namespace dermasim
