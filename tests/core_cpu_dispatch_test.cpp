#include <catch2/catch.hpp>
#include <cstddef>
#include <vector>

#include "core/numerics/CpuDispatch.hpp"

using namespace dermasim;

namespace {

// A multiply-add chain: contracted into FMAs it would round differently.
DERMASIM_CPU_KERNEL void chainImpl(double* x, const double* a, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) x[i] = x[i] * a[i] + a[(i + 1) % n] * x[i] + 0.1;
}
void chainBaseline(double* x, const double* a, std::size_t n) { chainImpl(x, a, n); }
DERMASIM_FOR_AVX2 void chainAvx2(double* x, const double* a, std::size_t n) { chainImpl(x, a, n); }
DERMASIM_FOR_AVX512 void chainAvx512(double* x, const double* a, std::size_t n) {
  chainImpl(x, a, n);
}

std::vector<double> run(void (*chain)(double*, const double*, std::size_t)) {
  std::vector<double> x(257), a(257);
  for (std::size_t i = 0; i < x.size(); ++i) {
    x[i] = 1.0 / (1.0 + static_cast<double>(i));
    a[i] = 0.3 + 1e-3 * static_cast<double>(i % 17);
  }
  for (int step = 0; step < 50; ++step) chain(x.data(), a.data(), x.size());
  return x;
}

}  // namespace

TEST_CASE("CpuDispatch: picks the variant of the CPU's level", "[cpu]") {
  const int picked = forThisCpu(0, 1, 2);
  switch (cpuLevel()) {
    case CpuLevel::Baseline:
      CHECK(picked == 0);
      break;
    case CpuLevel::Avx2:
      CHECK(picked == 1);
      break;
    case CpuLevel::Avx512:
      CHECK(picked == 2);
      break;
  }
#if defined(DERMASIM_CPU_VARIANTS)
  CHECK((cpuLevel() == CpuLevel::Avx512) == static_cast<bool>(__builtin_cpu_supports("avx512f")));
#else
  CHECK(cpuLevel() == CpuLevel::Baseline);
#endif
}

TEST_CASE("CpuDispatch: every variant this CPU runs gives bitwise the baseline's result", "[cpu]") {
  const std::vector<double> baseline = run(chainBaseline);
  if (cpuLevel() != CpuLevel::Baseline) CHECK(run(chainAvx2) == baseline);
  if (cpuLevel() == CpuLevel::Avx512) CHECK(run(chainAvx512) == baseline);
  CHECK(run(forThisCpu(&chainBaseline, &chainAvx2, &chainAvx512)) == baseline);
}
