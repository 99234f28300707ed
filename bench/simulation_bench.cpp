// The healing model: the default scenario end to end, and its per-voxel kernel at three grid
// sizes, next to the memory-bandwidth triad (triad.cpp) measured in the same run.
#include <benchmark/benchmark.h>
#include <omp.h>
#include <sys/resource.h>

#include "core/Simulation.hpp"
#include "core/devices/NeedlingSession.hpp"
#include "core/healing/HealingModel.hpp"
#include "core/tissue/BaselineSkin.hpp"
#include "io/ScenarioFile.hpp"

namespace {

using namespace dermasim;

double peakResidentMb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

// The acne-scar default (5 x 5 mm, 4 sessions, 180 days, 25 x 50 um grid) as a user runs it.
void BM_DefaultScenarioEndToEnd(benchmark::State& state) {
  omp_set_num_threads(static_cast<int>(state.range(0)));
  const Scenario scenario = loadBuiltinScenario("acne_scars_pen");
  std::size_t voxels = 0;
  for (auto _ : state) {
    const RunResult r = simulate(scenario);
    voxels = r.grid.voxels();
    benchmark::DoNotOptimize(r.outcome.improvement_pct);
  }
  state.counters["voxels"] = static_cast<double>(voxels);
  state.counters["peak_MB"] = peakResidentMb();
}
BENCHMARK(BM_DefaultScenarioEndToEnd)
    ->ArgName("threads")
    ->Arg(1)
    ->Arg(2)
    ->Unit(benchmark::kSecond)
    ->Iterations(1);

// A model two days after a pen session, when every field is alive.
HealingModel modelAtResolution(double lateralUm) {
  Scenario scenario = loadBuiltinScenario("acne_scars_pen");
  scenario.model.lateral_resolution_um = lateralUm;
  const ModelParameters params;
  HealingModel model(makeBaselineSkin(scenario, params), params);
  const auto session = needleSession(scenario.sessions[1].device, params,
                                     Patch{model.grid().sizeXMm()}, scenario.seed, 1);
  model.applySession(session.punctures);
  for (int i = 0; i < 20; ++i) model.step(0.1);
  return model;
}

// The per-voxel reactions: 25 float streams per voxel (14 read, 11 written) = 100 B.
void BM_ReactKernel(benchmark::State& state) {
  omp_set_num_threads(static_cast<int>(state.range(1)));
  HealingModel model = modelAtResolution(static_cast<double>(state.range(0)));
  for (auto _ : state) {
    model.react(0.01, false);
    benchmark::ClobberMemory();
  }
  const auto voxels = static_cast<std::int64_t>(model.grid().voxels());
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * voxels);
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * voxels * 100);
  state.counters["voxels"] = static_cast<double>(voxels);
}
// Lateral resolutions 50, 35 and 25 um: 1x, 2x and 4x the voxels.
BENCHMARK(BM_ReactKernel)
    ->ArgNames({"dx_um", "threads"})
    ->Args({50, 1})
    ->Args({35, 1})
    ->Args({25, 1})
    ->Args({25, 2})
    ->Unit(benchmark::kMillisecond);

// One whole time step: channels, reactions, three diffusion solves.
void BM_HealingStep(benchmark::State& state) {
  omp_set_num_threads(static_cast<int>(state.range(1)));
  HealingModel model = modelAtResolution(static_cast<double>(state.range(0)));
  for (auto _ : state) {
    model.step(0.01);
    benchmark::ClobberMemory();
  }
  const auto voxels = static_cast<std::int64_t>(model.grid().voxels());
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * voxels);
  state.counters["voxels"] = static_cast<double>(voxels);
}
BENCHMARK(BM_HealingStep)
    ->ArgNames({"dx_um", "threads"})
    ->Args({50, 1})
    ->Args({35, 1})
    ->Args({25, 1})
    ->Args({25, 2})
    ->Unit(benchmark::kMillisecond);

}  // namespace
