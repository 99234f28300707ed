#pragma once
// Many whole simulations at once, for whatever runs a scenario many times (a cohort's patients,
// the sensitivity design): the runs go to worker threads, each simulating on one OpenMP thread,
// and each run's result lands in its own slot, so the results do not depend on the thread count.
// Also how many workers memory allows.
//
//   const int workers = simulationWorkers(scenario);
//   runInParallel(total, workers, [&](std::size_t run) { out[run] = simulate(scenarios[run]); },
//                 [](std::size_t done, std::size_t total) { show(done, total); });

#include <cstddef>
#include <functional>

#include "core/scenario/Scenario.hpp"

namespace dermasim {

// Called after each run with the count done and the total, one call at a time.
using RunsProgress = std::function<void(std::size_t done, std::size_t total)>;

// Calls `run(i)` for every i below `total`, on up to `workers` threads. The first exception a run
// throws stops the others from starting new runs and is rethrown here.
void runInParallel(std::size_t total, int workers, const std::function<void(std::size_t)>& run,
                   const RunsProgress& progress = {});

// Simulations at once: one per thread (--threads, default every core), as many as memory holds
// with room for the deepest skin the anatomy ranges allow (about twice the scenario's grid).
int simulationWorkers(const Scenario& scenario);

}  // namespace dermasim
