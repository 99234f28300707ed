#pragma once
// The sum of a run of floats in double, in an order fixed by the data alone: eight lanes, each
// adding every eighth value in turn, combined pairwise. However the compiler vectorises it (SSE2,
// AVX2, AVX-512), every lane adds the same values in the same order, so the result is bitwise
// the same on any x86-64 and for any thread count. A run may be added in pieces: the lanes
// carry on where the last piece stopped, so the total is the one pass's, bit for bit, which
// lets a sum follow a kernel through a plane while the data is still in cache.
//
//   const double total = orderedSum(field.data() + plane * columns, columns);
//
//   OrderedSum sum;
//   for (std::ptrdiff_t c = 0; c < columns; c += chunk)
//     sum.add(field.data() + plane * columns + c, std::min(chunk, columns - c));
//   const double same = sum.total();

#include <algorithm>
#include <cstddef>
#include <cstring>

#include "core/numerics/CpuDispatch.hpp"

namespace dermasim {

class OrderedSum {
 public:
  static constexpr std::ptrdiff_t kLanes = 8;

  void add(const float* x, std::ptrdiff_t n) {
    OrderedSum* const self[1] = {this};
    const float* const run[1] = {x};
    addEach(self, run, n);
  }

  // Adds n values of each of N runs to its sum, all in one pass: the same sums, bit for bit,
  // as N calls of add() (which is the case N = 1). Each sum is one chain of dependent additions,
  // so N of them side by side run up to N times as fast. The sums must have been added the same
  // counts so far.
  // Always inlined, so that it takes the instruction set of the kernel that calls it.
  template <int N>
  DERMASIM_CPU_KERNEL static void addEach(OrderedSum* const (&sums)[N], const float* const (&x)[N],
                                          std::ptrdiff_t n) {
    double lane[N][kLanes];
    for (int f = 0; f < N; ++f)
      for (std::ptrdiff_t l = 0; l < kLanes; ++l) lane[f][l] = sums[f]->lane_[l];
    std::ptrdiff_t c = 0, next = sums[0]->next_;
    // Finish the lanes the last piece left part-way, so that the body starts at lane 0.
    for (; next != 0 && c < n; ++c) {
      for (int f = 0; f < N; ++f) lane[f][next] += static_cast<double>(x[f][c]);
      next = (next + 1) % kLanes;
    }
    // The body in vectors of the eight lanes (GCC's vector extension, split into whatever
    // registers the instruction set has), each loaded whole: plain loops came out as eight
    // scalar loads per vector. The same additions in the same lanes.
    using Floats = float __attribute__((vector_size(kLanes * sizeof(float))));
    using Doubles = double __attribute__((vector_size(kLanes * sizeof(double))));
    Doubles acc[N];
    for (int f = 0; f < N; ++f) std::memcpy(&acc[f], lane[f], sizeof(Doubles));
    for (; c + kLanes <= n; c += kLanes)
      for (int f = 0; f < N; ++f) {
        Floats v;
        std::memcpy(&v, x[f] + c, sizeof(Floats));
        acc[f] += __builtin_convertvector(v, Doubles);
      }
    for (int f = 0; f < N; ++f) std::memcpy(lane[f], &acc[f], sizeof(Doubles));
    // Fewer than kLanes values are left, and they start on lane 0: the head loop ended there,
    // or took every value. (Bounded explicitly: GCC could not see it and warned of a ninth.)
    if (c < n) {
      const std::ptrdiff_t left = std::min<std::ptrdiff_t>(n - c, kLanes - 1);
      for (std::ptrdiff_t t = 0; t < left; ++t)
        for (int f = 0; f < N; ++f) lane[f][t] += static_cast<double>(x[f][c + t]);
      next = left;
    }
    for (int f = 0; f < N; ++f) {
      for (std::ptrdiff_t l = 0; l < kLanes; ++l) sums[f]->lane_[l] = lane[f][l];
      sums[f]->next_ = next;
    }
  }

  double total() const {
    return ((lane_[0] + lane_[1]) + (lane_[2] + lane_[3])) +
           ((lane_[4] + lane_[5]) + (lane_[6] + lane_[7]));
  }

 private:
  double lane_[kLanes] = {};
  std::ptrdiff_t next_ = 0;  // the lane the next value goes to
};

inline double orderedSum(const float* x, std::ptrdiff_t n) {
  OrderedSum sum;
  sum.add(x, n);
  return sum.total();
}

}  // namespace dermasim
