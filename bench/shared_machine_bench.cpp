// A run on a shared machine: the default scenario, shortened, while another thread keeps one
// core busy, timed on 2 threads and on 1 in the same iteration. The ratio 2 / 1 is the figure:
// above 1 the second thread costs time (issue 11: OpenMP threads spinning at barriers for a
// thread the busy core has descheduled). Started as is, the program runs with the short spin
// every dermasim program sets (core/numerics/OpenMpWaiting.hpp); GOMP_SPINCOUNT=300000 in its
// environment gives libgomp's default for comparison. The triad (triad.cpp) shows the load.
#include <benchmark/benchmark.h>
#include <omp.h>
#include <pthread.h>
#include <sched.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <thread>

#include "core/Simulation.hpp"
#include "io/ScenarioFile.hpp"

namespace {

using namespace dermasim;

// The last processor this program may use, or -1 if it may use only one.
int lastAllowedCpu() {
  cpu_set_t set;
  CPU_ZERO(&set);
  if (sched_getaffinity(0, sizeof(set), &set) != 0 || CPU_COUNT(&set) < 2) return -1;
  int last = -1;
  for (int cpu = 0; cpu < CPU_SETSIZE; ++cpu)
    if (CPU_ISSET(cpu, &set)) last = cpu;
  return last;
}

// Another program's work: spins on one processor until destroyed.
class BusyCore {
 public:
  explicit BusyCore(int cpu)
      : thread_([this] {
          while (!stop_.load(std::memory_order_relaxed)) {
          }
        }) {
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(cpu, &set);
    pthread_setaffinity_np(thread_.native_handle(), sizeof(set), &set);
  }
  ~BusyCore() {
    stop_ = true;
    thread_.join();
  }
  BusyCore(const BusyCore&) = delete;
  BusyCore& operator=(const BusyCore&) = delete;

 private:
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

double secondsOn(int threads, const Scenario& scenario) {
  omp_set_num_threads(threads);
  const auto start = std::chrono::steady_clock::now();
  const RunResult r = simulate(scenario);
  benchmark::DoNotOptimize(r.outcome.improvement_pct);
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

void BM_SharedMachineTwoVsOneThread(benchmark::State& state) {
  const int cpu = lastAllowedCpu();
  if (cpu < 0) {
    state.SkipWithError("needs at least 2 processors");
    return;
  }
  // The first session and three weeks of healing: a few seconds, every kind of step.
  Scenario scenario = loadBuiltinScenario("acne_scars_pen");
  scenario.duration_days = 21;
  std::erase_if(scenario.sessions, [&](const SessionPlan& s) { return s.day >= 21; });
  double one = 0, two = 0;
  {
    const BusyCore busy(cpu);
    for (auto _ : state) {
      one += secondsOn(1, scenario);
      two += secondsOn(2, scenario);
    }
  }
  omp_set_num_threads(omp_get_num_procs());
  const auto n = static_cast<double>(state.iterations());
  state.counters["s_1_thread"] = one / n;
  state.counters["s_2_threads"] = two / n;
  state.counters["ratio_2_vs_1"] = two / one;
}
BENCHMARK(BM_SharedMachineTwoVsOneThread)->Unit(benchmark::kSecond)->Iterations(3);

}  // namespace
