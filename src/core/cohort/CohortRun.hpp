#pragma once
// A cohort's virtual patients simulated over the cores (ParallelRuns.hpp), one patient per
// thread, each kept as CohortResult.hpp says: the one home of the loop `dermasim run --cohort`
// and the viewer's percentile bands both run. Patient i is the same whatever N and however many
// threads run. Like simulate(), a run given a Progress reports how far it has got and stops
// when asked, each patient within one time step of it.
//
//   const CohortResult cohort = simulateCohort(scenario, 20, simulationWorkers(scenario));
//
//   Progress progress([](double fraction, std::string_view what) { show(fraction, what); });
//   std::optional<CohortResult> c = simulateCohort(scenario, 20, workers, progress);
//   progress.requestCancel();  // from any thread: the run returns std::nullopt

#include <cstddef>
#include <optional>
#include <vector>

#include "core/ParallelRuns.hpp"
#include "core/Simulation.hpp"
#include "core/cohort/CohortResult.hpp"
#include "core/scenario/Scenario.hpp"

namespace dermasim {

// Patients 0 .. patients - 1, on `workers` threads.
CohortResult simulateCohort(const Scenario& scenario, std::size_t patients, int workers,
                            const RunsProgress& progress = {});
// The patients of `indices` only (a shard's), in that order.
CohortResult simulatePatients(const Scenario& scenario, const std::vector<std::size_t>& indices,
                              int workers, const RunsProgress& progress = {});

// As above, reporting the share of patients done ("12 of 20 virtual patients"); std::nullopt
// once `progress` asks to stop. Errors (a patient's bad draw) are still thrown.
std::optional<CohortResult> simulateCohort(const Scenario& scenario, std::size_t patients,
                                           int workers, const Progress& progress);
std::optional<CohortResult> simulatePatients(const Scenario& scenario,
                                             const std::vector<std::size_t>& indices, int workers,
                                             const Progress& progress);

// One run that is part of a larger job `whole` follows: it stops within a step of `whole` being
// asked to (std::nullopt then), and reports nothing to it (a cohort's patients run side by side;
// a part that reports is a Progress(whole, from, to) given to simulate()).
std::optional<RunResult> simulateAsPartOf(const Scenario& scenario, const Progress& whole);

}  // namespace dermasim
