// One LodDiffusion step (three implicit sweeps + decay) against the triad in the same run.
#include <benchmark/benchmark.h>
#include <omp.h>

#include "core/LodDiffusion.hpp"

namespace {

using namespace dermasim;

// Arguments: nx, ny, nz, OpenMP threads (the triad is single-threaded, so the 1-thread rows
// are the like-for-like comparison).
void BM_LodDiffusionStep(benchmark::State& state) {
  Grid grid;
  grid.nx = static_cast<int>(state.range(0));
  grid.ny = static_cast<int>(state.range(1));
  grid.nz = static_cast<int>(state.range(2));
  const int previous = omp_get_max_threads();
  omp_set_num_threads(static_cast<int>(state.range(3)));
  // A growth factor over an hour-long step: r = D dt / dx^2 ~ 7 across, ~2 in depth.
  LodDiffusion solver(grid, 0.1, 0.5);
  Field u = Field::Constant(static_cast<Eigen::Index>(grid.voxels()), 1.0f);
  u[static_cast<Eigen::Index>(grid.index(grid.nx / 2, grid.ny / 2, 0))] = 1000.0f;
  const double dt = 1.0 / 24.0;
  solver.step(u, dt);  // coefficients are computed here, once
  for (auto _ : state) {
    solver.step(u, dt);
    benchmark::DoNotOptimize(u.data());
    benchmark::ClobberMemory();
  }
  omp_set_num_threads(previous);
  const auto voxels = static_cast<std::int64_t>(grid.voxels());
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * voxels);
  // Bytes that cross the memory side of the caches per step: the x and y sweeps run plane
  // by plane (a 200 x 200 plane is 160 kB, L2-resident through both sweeps and their forward
  // and back passes), reading and writing each voxel once; the z sweep runs on column chunks
  // whose full depth stays in L2 between its forward and back passes, again one read and one
  // write. So 2 x (4 B read + 4 B write) = 16 B per voxel; the passes inside L1/L2 (transposes,
  // forward/back elimination) are not counted.
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * voxels * 16);
}

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

}  // namespace
