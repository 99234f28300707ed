// STREAM-style triad a = b + s c, the memory-bandwidth yardstick measured in the same run as
// every kernel, so figures are reported as ratios rather than bare times.
#include <benchmark/benchmark.h>

#include <vector>

namespace {

void BM_StreamTriad(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  std::vector<double> a(n, 0.0), b(n, 1.0), c(n, 2.0);
  const double s = 3.0;
  for (auto _ : state) {
    double* __restrict pa = a.data();
    const double* __restrict pb = b.data();
    const double* __restrict pc = c.data();
    for (std::size_t i = 0; i < n; ++i) pa[i] = pb[i] + s * pc[i];
    benchmark::DoNotOptimize(a.data());
    benchmark::ClobberMemory();
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(3 * n * sizeof(double)));
}
// 3 x 32 MB: well beyond the caches.
BENCHMARK(BM_StreamTriad)->Arg(1 << 22)->Unit(benchmark::kMillisecond);

}  // namespace
