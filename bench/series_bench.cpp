// Whole treatment series end to end, the figures issue 11 sets its goals on: the default pen
// series and an Alam-like roller series (3 sessions a month apart, read at 6 months), and how the
// cost per voxel grows with the patch and with the series' length. Each reports its bytes as if
// every step read and wrote the model state once (the reaction kernel's 100 B per voxel): the
// floor a step cannot go below, so bytes_per_second / the triad's (triad.cpp, same run) says how
// far a series is from the memory-bandwidth floor of the bytes it must touch.
#include <benchmark/benchmark.h>
#include <omp.h>

#include "core/Simulation.hpp"
#include "core/healing/HealingModel.hpp"
#include "core/readout/SkinReadout.hpp"
#include "core/tissue/BaselineSkin.hpp"
#include "io/ScenarioFile.hpp"

namespace {

using namespace dermasim;

constexpr std::int64_t kStateBytesPerVoxel = 100;

Scenario seriesScenario(int which) {
  if (which == 0) return loadBuiltinScenario("acne_scars_pen");
  // Alam et al. 2014: three roller sessions four weeks apart, assessed at six months.
  Scenario s = loadBuiltinScenario("acne_scars_roller");
  s.sessions.resize(3);
  return s;
}

void report(benchmark::State& state, const RunResult& r, double days) {
  const auto voxels = static_cast<std::int64_t>(r.grid.voxels());
  const auto steps = static_cast<std::int64_t>(r.step_days.size());
  const std::int64_t voxelSteps = voxels * steps;
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * voxelSteps);
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * voxelSteps *
                          kStateBytesPerVoxel);
  state.counters["voxels"] = static_cast<double>(voxels);
  state.counters["steps"] = static_cast<double>(steps);
  state.counters["ns_per_voxel_step"] = benchmark::Counter(
      static_cast<double>(voxelSteps) * 1e-9,
      benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
  state.counters["ns_per_voxel_day"] = benchmark::Counter(
      static_cast<double>(voxels) * days * 1e-9,
      benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}

// Simulates `scenario` once per iteration and reports its cost per voxel.
void timeSeries(benchmark::State& state, const Scenario& scenario) {
  RunResult r;
  for (auto _ : state) {
    r = simulate(scenario);
    benchmark::DoNotOptimize(r.outcome.improvement_pct);
  }
  report(state, r, scenario.duration_days);
}

// Args: series (0 the default pen series, 1 the Alam-like roller series), threads.
void BM_SeriesEndToEnd(benchmark::State& state) {
  omp_set_num_threads(static_cast<int>(state.range(1)));
  timeSeries(state, seriesScenario(static_cast<int>(state.range(0))));
}
BENCHMARK(BM_SeriesEndToEnd)
    ->ArgNames({"series", "threads"})
    ->Args({0, 1})
    ->Args({0, 2})
    ->Args({1, 1})
    ->Args({1, 2})
    ->Unit(benchmark::kSecond)
    ->UseRealTime()
    ->Iterations(1);

// A series' start, before its first step: the untreated skin, the model over it and the
// readout's references. Paid again by every run and every viewer preview. Arg: threads.
void BM_SeriesStart(benchmark::State& state) {
  omp_set_num_threads(static_cast<int>(state.range(0)));
  const Scenario scenario = seriesScenario(0);
  const ModelParameters params = ModelParameters::withOverrides(scenario.parameter_overrides);
  for (auto _ : state) {
    HealingModel model(makeBaselineSkin(scenario, params), params);
    SkinReadout readout(model, scenario.patient.fitzpatrick, params);
    benchmark::DoNotOptimize(readout.read(model).roughness_um);
  }
}
BENCHMARK(BM_SeriesStart)
    ->ArgNames({"threads"})
    ->Arg(1)
    ->Arg(2)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// Args: patch side in mm, duration in days (sessions past it dropped), one thread.
void BM_SeriesScaling(benchmark::State& state) {
  omp_set_num_threads(1);
  Scenario scenario = seriesScenario(0);
  scenario.model.patch_size_mm = static_cast<double>(state.range(0));
  scenario.duration_days = static_cast<double>(state.range(1));
  std::erase_if(scenario.sessions,
                [&](const SessionPlan& s) { return s.day >= scenario.duration_days; });
  timeSeries(state, scenario);
}
BENCHMARK(BM_SeriesScaling)
    ->ArgNames({"patch_mm", "days"})
    ->Args({5, 180})
    ->Args({10, 180})
    ->Args({15, 180})
    ->Args({15, 60})
    ->Args({15, 120})
    ->Unit(benchmark::kSecond)
    ->UseRealTime()
    ->Iterations(1);

}  // namespace
