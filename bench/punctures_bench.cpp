// Puncture generation: how long a device takes to needle the patch, per puncture made.
#include <benchmark/benchmark.h>

#include "core/devices/NeedlingSession.hpp"
#include "core/scenario/ScenarioSchema.hpp"

namespace {

using namespace dermasim;

DeviceSettings device(DeviceType type) {
  DeviceSettings d = defaultDevice(type);
  d.needle_length_mm = 1.5;
  d.passes = type == DeviceType::Roller ? 15 : 4;
  return d;
}

void needle(benchmark::State& state, DeviceType type) {
  const Patch patch{static_cast<double>(state.range(0))};
  const ModelParameters params;
  std::size_t made = 0;
  for (auto _ : state) {
    const auto s = needleSession(device(type), params, patch, 1, 0);
    made += s.punctures.size();
    benchmark::DoNotOptimize(s.punctures.data());
  }
  state.counters["punctures/s"] =
      benchmark::Counter(static_cast<double>(made), benchmark::Counter::kIsRate);
}

void BM_PenSession(benchmark::State& state) { needle(state, DeviceType::Pen); }
void BM_RollerSession(benchmark::State& state) { needle(state, DeviceType::Roller); }

BENCHMARK(BM_PenSession)->Arg(5)->Arg(20)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RollerSession)->Arg(5)->Arg(60)->Unit(benchmark::kMillisecond);

}  // namespace
