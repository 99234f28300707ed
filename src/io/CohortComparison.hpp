#pragma once
// Two cohorts side by side, as `dermasim compare A B --cohort N` writes them: the same N virtual
// patients treated with protocol A and with protocol B (patient i is one person in both: same
// seed, same draws), so B - A can be taken patient by patient.
//
//   DIR/a/, DIR/b/     each as `run --cohort N` writes it (CohortOutputs.hpp)
//   comparison.csv     `day`, then for every timeseries column METRIC (TimeseriesColumns.hpp),
//                      in order: METRIC_p10_a, METRIC_p10_b, METRIC_p50_a, METRIC_p50_b,
//                      METRIC_p90_a, METRIC_p90_b: each column of a cohort's timeseries.csv
//                      twice. Rows are the union of both cohorts' days, as for a plain compare
//                      (Comparison.hpp): a cohort's own days carry its percentiles exactly,
//                      days between two of its readings the percentiles linearly interpolated,
//                      days past its end are empty.
//   comparison.json    `program`; `cohort` (patients, how percentiles are taken); `a` and `b`
//                      (scenario, name, seed, duration_days, sessions, and `outcome` with
//                      OUTCOME_p10/_p50/_p90 of every main outcome of cohort.csv); and
//                      `paired_difference`: OUTCOME_p10/_p50/_p90 of B_i - A_i over the
//                      patients i, which is not the difference of the two medians.
//
//   StagedFolder staged(dir, "--out", comparisonOutputNames());
//   stageCohortComparisonFiles(staged, {scenarioA, cohortA}, {scenarioB, cohortB},
//                              findingsFor(scenarioA), findingsFor(scenarioB));
//   staged.commit();

#include <array>
#include <string>
#include <vector>

#include "core/cohort/CohortResult.hpp"
#include "core/scenario/Scenario.hpp"
#include "guidance/Advisories.hpp"
#include "io/AtomicFile.hpp"

namespace dermasim {

struct ComparedCohort {
  const Scenario& scenario;
  const CohortResult& cohort;  // every patient, ascending by index
};

// The cohort's series at one percentile (0.1 for p10): at each output day, each timeseries
// column's percentile over the patients.
std::vector<SkinReading> percentileSeries(const CohortResult& cohort, double fraction);

// One main outcome (patientOutcomes()) at p10, p50 and p90: for A, for B, and of the paired
// differences B_i - A_i.
struct PairedOutcome {
  std::string name;
  std::array<double, 3> a, b, difference;
};
// Throws std::logic_error unless both cohorts hold the same patients in the same order.
std::vector<PairedOutcome> pairedOutcomes(const CohortResult& a, const CohortResult& b);

std::string cohortComparisonCsv(const CohortResult& a, const CohortResult& b);
std::string cohortComparisonJson(const ComparedCohort& a, const ComparedCohort& b);

// Writes a/, b/ and the comparison files into `staged` (whose names are
// comparisonOutputNames()); the caller commits.
void stageCohortComparisonFiles(StagedFolder& staged, const ComparedCohort& a,
                                const ComparedCohort& b, const std::vector<Advisory>& advisoriesA,
                                const std::vector<Advisory>& advisoriesB);

}  // namespace dermasim
