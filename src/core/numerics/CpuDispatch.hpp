#pragma once
// Hot loops compiled for baseline x86-64 (SSE2), AVX2 and AVX-512F and picked once at run time
// for the CPU they run on. The build targets generic x86-64, and the numerics are compute bound
// (AVX-512 runs a diffusion step ~1.6x faster than SSE2). Results must not depend on the
// machine, so every variant does the same IEEE operations in the same order: AVX-512F brings
// FMA, and floating-point contraction is switched off per variant, not left to the build flags.
// The variants need GCC's target and optimize attributes on x86-64; elsewhere (clang, other
// CPUs) the "variants" are baseline code and only the baseline one is picked.
//
//   DERMASIM_CPU_KERNEL void decayImpl(float* f, int n) { for (...) f[i] *= 0.5F; }
//   void decayBaseline(float* f, int n) { decayImpl(f, n); }
//   DERMASIM_FOR_AVX2 void decayAvx2(float* f, int n) { decayImpl(f, n); }
//   DERMASIM_FOR_AVX512 void decayAvx512(float* f, int n) { decayImpl(f, n); }
//   static const auto decay = forThisCpu(&decayBaseline, &decayAvx2, &decayAvx512);

#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__)
#define DERMASIM_CPU_VARIANTS 1
// Inlined into each variant, so that its body is compiled for that variant's instructions.
#define DERMASIM_CPU_KERNEL [[gnu::always_inline]] inline
#define DERMASIM_FOR_AVX2 [[gnu::target("avx2"), gnu::optimize("fp-contract=off")]]
#define DERMASIM_FOR_AVX512 [[gnu::target("avx512f"), gnu::optimize("fp-contract=off")]]
#else
#define DERMASIM_CPU_KERNEL inline
#define DERMASIM_FOR_AVX2
#define DERMASIM_FOR_AVX512
#endif

namespace dermasim {

enum class CpuLevel { Baseline, Avx2, Avx512 };

// The widest variant this CPU runs; Baseline wherever variants are not compiled.
inline CpuLevel cpuLevel() {
#if defined(DERMASIM_CPU_VARIANTS)
  if (__builtin_cpu_supports("avx512f")) return CpuLevel::Avx512;
  if (__builtin_cpu_supports("avx2")) return CpuLevel::Avx2;
#endif
  return CpuLevel::Baseline;
}

// One of three equivalent things (functions, or a struct of them) for this CPU. Callers keep
// the result in a static so the CPU is asked once.
template <class Variant>
Variant forThisCpu(Variant baseline, Variant avx2, Variant avx512) {
  switch (cpuLevel()) {
    case CpuLevel::Avx512:
      return avx512;
    case CpuLevel::Avx2:
      return avx2;
    case CpuLevel::Baseline:
      break;
  }
  return baseline;
}

}  // namespace dermasim
