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

#include <cstddef>

namespace dermasim {

class OrderedSum {
 public:
  static constexpr std::ptrdiff_t kLanes = 8;

  void add(const float* x, std::ptrdiff_t n) {
    // The lanes in a local copy, so that the compiler keeps them in registers.
    double lane[kLanes];
    for (std::ptrdiff_t l = 0; l < kLanes; ++l) lane[l] = lane_[l];
    std::ptrdiff_t c = 0, next = next_;
    // Finish the lanes the last piece left part-way, so that the body starts at lane 0.
    for (; next != 0 && c < n; ++c) {
      lane[next] += static_cast<double>(x[c]);
      next = (next + 1) % kLanes;
    }
    for (; c + kLanes <= n; c += kLanes)
      for (std::ptrdiff_t l = 0; l < kLanes; ++l) lane[l] += static_cast<double>(x[c + l]);
    for (; c < n; ++c) lane[next++] += static_cast<double>(x[c]);
    for (std::ptrdiff_t l = 0; l < kLanes; ++l) lane_[l] = lane[l];
    next_ = next;
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
