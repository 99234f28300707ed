#pragma once
// Percentiles of a sample as R's default (Hyndman & Fan 1996, type 7) and NumPy's "linear"
// define them: sorted values x[0..n-1], position h = (n - 1) p, and linear interpolation
// between x[floor h] and x[floor h + 1]. p = 0 and p = 1 give the smallest and largest value,
// one value is every percentile of itself, and p10 <= p50 <= p90 always.
//
//   const double median = percentile({3, 1, 2}, 0.5);  // 2

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <vector>

namespace dermasim {

// `fraction` in 0..1 (0.1 for the 10th percentile). Throws std::invalid_argument for an empty
// sample.
inline double percentile(std::vector<double> values, double fraction) {
  if (values.empty()) throw std::invalid_argument("percentile of no values");
  std::sort(values.begin(), values.end());
  const double h = static_cast<double>(values.size() - 1) * std::clamp(fraction, 0.0, 1.0);
  const auto below = static_cast<std::size_t>(std::floor(h));
  if (below + 1 >= values.size()) return values.back();
  return std::lerp(values[below], values[below + 1], h - static_cast<double>(below));
}

}  // namespace dermasim
