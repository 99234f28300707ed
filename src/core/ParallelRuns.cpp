#include "core/ParallelRuns.hpp"

#include <omp.h>

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

#include "core/ScenarioCheck.hpp"

namespace dermasim {

void runInParallel(std::size_t total, int workers, const std::function<void(std::size_t)>& run,
                   const RunsProgress& progress) {
  if (total == 0) return;
  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};
  std::mutex lock;  // guards done, error and the progress callback
  std::size_t done = 0;
  std::exception_ptr error;
  const auto work = [&] {
    omp_set_num_threads(1);  // this thread's own setting: runs in parallel, not steps
    for (std::size_t i = next++; i < total && !failed; i = next++) {
      try {
        run(i);
      } catch (...) {
        const std::scoped_lock guard(lock);
        failed = true;
        if (!error) error = std::current_exception();
        return;
      }
      const std::scoped_lock guard(lock);
      ++done;
      if (progress) progress(done, total);
    }
  };
  {
    const std::size_t count =
        std::clamp<std::size_t>(static_cast<std::size_t>(std::max(workers, 1)), 1, total);
    std::vector<std::jthread> pool;
    for (std::size_t w = 0; w < count; ++w) pool.emplace_back(work);
  }  // joined here
  if (error) std::rethrow_exception(error);
}

int simulationWorkers(const Scenario& scenario) {
  const double perRun = 2 * estimateResources(scenario).memory_bytes;
  const double machine = MachineLimits::thisMachine().memory_bytes;
  const int byMemory = perRun > 0 ? static_cast<int>(machine / perRun) : omp_get_max_threads();
  return std::clamp(byMemory, 1, omp_get_max_threads());
}

}  // namespace dermasim
