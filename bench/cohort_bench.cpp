// A cohort of the default scenario (`run acne_scars_pen --cohort 8`) as `run --cohort` runs it:
// one whole simulation per worker thread (core/ParallelRuns.hpp), on 1 and on 2 workers. Reports
// patients per minute, and on 2 workers the throughput relative to the 1-worker run just before
// it (`speedup_vs_1`; the goal is at least 1.8 on 2 cores). Eight patients keep one run of the
// program to about a minute on 2 cores while giving each worker several patients, so a slow
// last patient weighs little; the triad (triad.cpp) runs in the same program as the yardstick
// of how busy the machine was, and `cores_busy` (the process's CPU time over the wall time) says
// how many cores the cohort actually got.
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <chrono>
#include <vector>

#include "core/ParallelRuns.hpp"
#include "core/Simulation.hpp"
#include "core/cohort/CohortResult.hpp"
#include "core/cohort/VirtualPatients.hpp"
#include "io/ScenarioFile.hpp"

namespace {

using namespace dermasim;

constexpr double kSecondsPerMinute = 60;

// CPU time of the whole process, every thread, so far.
double processCpuSeconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  const auto seconds = [](const timeval& t) {
    return static_cast<double>(t.tv_sec) + 1e-6 * static_cast<double>(t.tv_usec);
  };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

// Patients per minute of the last 1-worker run, for the 2-worker run's ratio.
double oneWorkerRate = 0;

// Args: patients, workers. Times itself, so the 2-worker run can report its ratio to the 1.
void BM_CohortThroughput(benchmark::State& state) {
  const Scenario scenario = loadBuiltinScenario("acne_scars_pen");
  const auto patients = static_cast<std::size_t>(state.range(0));
  const int workers = static_cast<int>(state.range(1));
  std::vector<PatientRecord> records(patients);
  double seconds = 0, cpuSeconds = 0;
  for (auto _ : state) {
    const double cpuBefore = processCpuSeconds();
    const auto start = std::chrono::steady_clock::now();
    runInParallel(patients, workers, [&](std::size_t i) {
      const VirtualPatient patient = virtualPatient(scenario, i);
      records[i] = recordPatient(patient, simulate(patient.scenario));
    });
    benchmark::DoNotOptimize(records.data());
    const double took =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    state.SetIterationTime(took);
    seconds += took;
    cpuSeconds += processCpuSeconds() - cpuBefore;
  }
  const double rate = static_cast<double>(patients) * static_cast<double>(state.iterations()) *
                      kSecondsPerMinute / seconds;
  state.counters["patients_per_min"] = rate;
  // Cores this process actually had: under 2 on 2 workers means the machine's other work, not
  // the cohort, held the throughput back.
  state.counters["cores_busy"] = cpuSeconds / seconds;
  if (workers == 1) oneWorkerRate = rate;
  if (workers == 2 && oneWorkerRate > 0) state.counters["speedup_vs_1"] = rate / oneWorkerRate;
}
BENCHMARK(BM_CohortThroughput)
    ->ArgNames({"patients", "workers"})
    ->Args({8, 1})
    ->Args({8, 2})
    ->Unit(benchmark::kSecond)
    ->UseManualTime()
    ->Iterations(1);

}  // namespace
