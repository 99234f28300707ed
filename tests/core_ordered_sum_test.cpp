#include "core/numerics/OrderedSum.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <random>
#include <vector>

using namespace dermasim;

namespace {

// Values spread over twelve decades, either sign: their sums in double round, so a sum taken
// in another order comes out different in its last bits.
std::vector<float> wideValues(unsigned seed, std::size_t n) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<float> decade(-6.0F, 6.0F), sign(-1.0F, 1.0F);
  std::vector<float> x(n);
  for (float& v : x) v = std::copysign(std::pow(10.0F, decade(rng)), sign(rng));
  return x;
}

}  // namespace

TEST_CASE("OrderedSum: exact where double is, for any length") {
  for (std::ptrdiff_t n : {0, 1, 7, 8, 9, 100, 40000}) {
    INFO(n << " values");
    std::vector<float> x(static_cast<std::size_t>(n));
    double expected = 0;
    for (std::ptrdiff_t i = 0; i < n; ++i) {
      x[static_cast<std::size_t>(i)] = static_cast<float>(i % 13) * 0.25F;  // exact in binary
      expected += static_cast<double>(i % 13) * 0.25;
    }
    CHECK(orderedSum(x.data(), n) == expected);
  }
}

TEST_CASE("OrderedSum: adds in double, where a float sum drifts") {
  // 40000 values of 0.1: a running float sum is off by ~1e-4 relative, the double lanes by
  // ~1e-12.
  const std::vector<float> x(40000, 0.1F);
  const double exact = 40000.0 * static_cast<double>(0.1F);
  float running = 0;
  for (float v : x) running += v;
  CHECK(std::abs(static_cast<double>(running) - exact) > 1e-5 * exact);
  CHECK(orderedSum(x.data(), 40000) == Approx(exact).epsilon(1e-12));
}

TEST_CASE("OrderedSum: the order is the lanes' and the data's alone") {
  // Lane l adds x[l], x[l + 8], ... in turn; the lanes then combine pairwise, (0 + 1) + (2 + 3)
  // and (4 + 5) + (6 + 7), then the two. Recomputed here the slow way, bit for bit.
  const std::vector<float> x = wideValues(3, 1237);
  double lane[8] = {};
  for (std::size_t i = 0; i < x.size(); ++i) lane[i % 8] += static_cast<double>(x[i]);
  const double expected =
      ((lane[0] + lane[1]) + (lane[2] + lane[3])) + ((lane[4] + lane[5]) + (lane[6] + lane[7]));
  CHECK(orderedSum(x.data(), static_cast<std::ptrdiff_t>(x.size())) == expected);
}

TEST_CASE("OrderedSum: a run added in pieces sums as in one pass") {
  const std::vector<float> x = wideValues(5, 1237);
  const double whole = orderedSum(x.data(), static_cast<std::ptrdiff_t>(x.size()));
  // Pieces aligned to the lanes, and pieces that stop part-way through them.
  for (std::ptrdiff_t piece : {1, 3, 8, 13, 64, 250, 1236}) {
    INFO("pieces of " << piece);
    OrderedSum sum;
    const auto n = static_cast<std::ptrdiff_t>(x.size());
    for (std::ptrdiff_t c = 0; c < n; c += piece) sum.add(x.data() + c, std::min(piece, n - c));
    CHECK(sum.total() == whole);
  }
  // An empty piece changes nothing.
  OrderedSum sum;
  sum.add(x.data(), 5);
  sum.add(x.data(), 0);
  sum.add(x.data() + 5, static_cast<std::ptrdiff_t>(x.size()) - 5);
  CHECK(sum.total() == whole);
}

TEST_CASE("OrderedSum: several runs summed side by side sum as each alone") {
  const std::vector<float> a = wideValues(7, 1237), b = wideValues(8, 1237),
                           c = wideValues(9, 1237);
  const auto n = static_cast<std::ptrdiff_t>(a.size());
  for (std::ptrdiff_t piece : {1, 3, 8, 13, 250, 1237}) {
    INFO("pieces of " << piece);
    OrderedSum sa, sb, sc;
    OrderedSum* const sums[3] = {&sa, &sb, &sc};
    for (std::ptrdiff_t at = 0; at < n; at += piece) {
      const float* const runs[3] = {a.data() + at, b.data() + at, c.data() + at};
      OrderedSum::addEach(sums, runs, std::min(piece, n - at));
    }
    CHECK(sa.total() == orderedSum(a.data(), n));
    CHECK(sb.total() == orderedSum(b.data(), n));
    CHECK(sc.total() == orderedSum(c.data(), n));
  }
}
