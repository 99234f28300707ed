// One LodDiffusion step (three implicit sweeps + decay) against the triad in the same run.
#include <benchmark/benchmark.h>
#include <omp.h>

#include "core/numerics/LodDiffusion.hpp"

namespace {

using namespace dermasim;

// Arguments: nx, ny, nz, OpenMP threads. The triad is single-threaded, so the 1-thread rows
// are the like-for-like comparison.
void stepLoop(benchmark::State& state, double diffusivity_mm2_per_day, double dt_days) {
  Grid grid;  // dx 0.025 mm, dz 0.05 mm
  grid.nx = static_cast<int>(state.range(0));
  grid.ny = static_cast<int>(state.range(1));
  grid.nz = static_cast<int>(state.range(2));
  const int previous = omp_get_max_threads();
  omp_set_num_threads(static_cast<int>(state.range(3)));
  LodDiffusion solver(grid, diffusivity_mm2_per_day, 0.5);
  Field u = Field::Constant(static_cast<Eigen::Index>(grid.voxels()), 1.0f);
  u[static_cast<Eigen::Index>(grid.index(grid.nx / 2, grid.ny / 2, 0))] = 1000.0f;
  solver.step(u, dt_days);  // coefficients and scratch are set up here, once
  for (auto _ : state) {
    solver.step(u, dt_days);
    benchmark::DoNotOptimize(u.data());
    benchmark::ClobberMemory();
  }
  omp_set_num_threads(previous);
  const auto voxels = static_cast<std::int64_t>(grid.voxels());
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * voxels);
  // Bytes: each of the three sweeps reads every voxel once and writes it once, 3 x (4 + 4) =
  // 24 B per voxel. Of these only 16 B go beyond L2: the y and x sweeps of a plane run back
  // to back while the plane (160 kB at 200 x 200) stays in L2. Not counted: the sweeps'
  // scratch traffic, all cache-resident (the transposed x block, the z chunk's forward
  // results, the double carries).
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * voxels * 24);
}

// A growth factor over an hour: r = D dt / dx^2 ~ 7 across, ~2 in depth.
void BM_LodDiffusionStep(benchmark::State& state) { stepLoop(state, 0.1, 1.0 / 24.0); }
// Fast diffusion over a day, r ~ 1.6e4 across: the periodic solves' coupling terms then span
// whole lines instead of a few dozen cells, so this is the slowest case per voxel.
void BM_LodDiffusionStepStiff(benchmark::State& state) { stepLoop(state, 10.0, 1.0); }

BENCHMARK(BM_LodDiffusionStep)
    ->ArgNames({"nx", "ny", "nz", "threads"})
    ->Args({100, 100, 40, 1})
    ->Args({200, 200, 40, 1})
    ->Args({200, 200, 80, 1})
    ->Args({100, 100, 40, 2})
    ->Args({200, 200, 40, 2})
    ->Args({200, 200, 80, 2})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_LodDiffusionStepStiff)
    ->ArgNames({"nx", "ny", "nz", "threads"})
    ->Args({200, 200, 40, 1})
    ->Args({200, 200, 40, 2})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace
