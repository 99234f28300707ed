#pragma once
// Counter-based random numbers: the n-th number of a stream depends only on (seed, stream
// key, n), never on which thread draws it or in what order streams are visited. That keeps
// results identical whatever the thread count.

#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <numbers>

namespace dermasim {

constexpr std::uint64_t mix64(std::uint64_t z) {
  // SplitMix64 finalizer: a bijection with full avalanche.
  z += 0x9E3779B97F4A7C15ULL;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

class CounterRandom {
 public:
  // `path` names the stream, e.g. {session, pass, stroke}.
  CounterRandom(std::uint64_t seed, std::initializer_list<std::uint64_t> path) : key_(mix64(seed)) {
    for (std::uint64_t p : path) key_ = mix64(key_ ^ mix64(p + 0x632BE59BD9B4E019ULL));
  }

  std::uint64_t next() { return mix64(key_ ^ mix64(counter_++)); }

  // Uniform on [0, 1).
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }

  double normal() {
    // Box-Muller without caching the second value, so every call costs two draws.
    const double u1 = 1.0 - uniform();  // (0, 1]
    const double u2 = uniform();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
  }
  double normal(double mean, double sd) { return mean + sd * normal(); }

 private:
  std::uint64_t key_;
  std::uint64_t counter_ = 0;
};

}  // namespace dermasim
