#pragma once
// The sum of a run of floats in double, in an order fixed by the data alone: eight lanes, each
// adding every eighth value in turn, combined pairwise. However the compiler vectorises it (SSE2,
// AVX2, AVX-512), every lane adds the same values in the same order, so the result is bitwise
// the same on any x86-64 and for any thread count.
//
//   const double total = orderedSum(field.data() + plane * columns, columns);

#include <cstddef>

namespace dermasim {

inline double orderedSum(const float* x, std::ptrdiff_t n) {
  constexpr std::ptrdiff_t kLanes = 8;
  double lane[kLanes] = {};
  std::ptrdiff_t c = 0;
  for (; c + kLanes <= n; c += kLanes)
    for (std::ptrdiff_t l = 0; l < kLanes; ++l) lane[l] += static_cast<double>(x[c + l]);
  for (std::ptrdiff_t l = 0; c < n; ++c, ++l) lane[l] += static_cast<double>(x[c]);
  return ((lane[0] + lane[1]) + (lane[2] + lane[3])) + ((lane[4] + lane[5]) + (lane[6] + lane[7]));
}

}  // namespace dermasim
