#pragma once
// `dermasim compare A B --cohort N [--shard I/N] --out DIR`: both protocols for the same N
// virtual patients, patient i the same person in A and B (which is why A and B must share
// scenario.seed), so B - A is taken patient by patient. Writes the files of
// io/CohortComparison.hpp, or with --shard a shard folder (io/CohortShard.hpp) for `dermasim
// merge`, and prints each main outcome's p50 with its p10 - p90 range for A, B and B - A.
//
//   if (request.cohort_given) return cohortCompareCommand(request);

#include "cli/CompareCommand.hpp"
#include "core/cohort/CohortResult.hpp"
#include "core/scenario/Scenario.hpp"

namespace dermasim {

int cohortCompareCommand(const CompareRequest& request);

// The whole comparison's files into `outDir` as one set (checked, staged and committed here).
void writeCohortComparison(const std::string& outDir, const Scenario& a, const Scenario& b,
                           const CohortResult& cohortA, const CohortResult& cohortB);

// The one-screen table on stdout: per main outcome, p50 (p10 - p90) of A, of B and of the
// paired differences B - A.
void printCohortComparison(const Scenario& a, const Scenario& b, const CohortResult& cohortA,
                           const CohortResult& cohortB);

}  // namespace dermasim
