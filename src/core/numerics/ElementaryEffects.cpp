#include "core/numerics/ElementaryEffects.hpp"

#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <string>

#include "core/numerics/CounterRandom.hpp"

namespace dermasim {
namespace {

// Stream names under the seed: a trajectory's start and its order draw from streams of their
// own, so neither depends on how many numbers the other took.
constexpr std::uint64_t kStartStream = 1;
constexpr std::uint64_t kOrderStream = 2;

// Uniform on 0 .. n - 1; the modulo's bias is below 2^-50 for any n here.
std::size_t below(CounterRandom& random, std::size_t n) { return random.next() % n; }

MorrisTrajectory trajectory(std::size_t inputs, int levels, std::uint64_t seed, std::uint64_t t) {
  // Levels 0 .. levels/2 - 1 step up by levels/2, the rest step down by as much: every point
  // stays on the grid inside [0, 1], and each input moves by the same delta.
  const int half = levels / 2;
  CounterRandom start(seed, {t, kStartStream});
  std::vector<int> level(inputs);
  for (int& l : level) l = static_cast<int>(below(start, static_cast<std::size_t>(levels)));

  // Fisher-Yates: the order in which the inputs move.
  CounterRandom shuffle(seed, {t, kOrderStream});
  std::vector<std::size_t> order(inputs);
  std::iota(order.begin(), order.end(), std::size_t{0});
  for (std::size_t i = inputs; i > 1; --i) std::swap(order[i - 1], order[below(shuffle, i)]);

  const auto point = [&] {
    std::vector<double> x(inputs);
    // A division, not a product with 1 / (levels - 1): the top level is exactly 1.
    for (std::size_t i = 0; i < inputs; ++i) x[i] = static_cast<double>(level[i]) / (levels - 1);
    return x;
  };
  MorrisTrajectory result;
  result.points.push_back(point());
  for (const std::size_t i : order) {
    level[i] += level[i] < half ? half : -half;
    result.points.push_back(point());
    result.moved.push_back(i);
  }
  return result;
}

}  // namespace

MorrisDesign morrisDesign(std::size_t inputs, std::size_t trajectories, std::uint64_t seed,
                          int levels) {
  if (inputs == 0) throw std::invalid_argument("morrisDesign: needs at least one input");
  if (trajectories == 0) throw std::invalid_argument("morrisDesign: needs at least one trajectory");
  if (levels < 2 || levels % 2 != 0)
    throw std::invalid_argument("morrisDesign: levels must be even and at least 2 (got " +
                                std::to_string(levels) + ")");
  MorrisDesign design;
  design.inputs = inputs;
  design.levels = levels;
  design.delta = levels / (2.0 * (levels - 1));
  for (std::size_t t = 0; t < trajectories; ++t)
    design.trajectories.push_back(trajectory(inputs, levels, seed, t));
  return design;
}

std::vector<EffectSummary> elementaryEffects(const MorrisDesign& design,
                                             const std::vector<std::vector<double>>& outputs) {
  const std::size_t r = design.trajectories.size();
  if (outputs.size() != r)
    throw std::invalid_argument("elementaryEffects: one row of outputs per trajectory expected");
  // effects[i][t]: input i's effect in trajectory t.
  std::vector<std::vector<double>> effects(design.inputs);
  for (std::size_t t = 0; t < r; ++t) {
    const MorrisTrajectory& path = design.trajectories[t];
    const std::vector<double>& y = outputs[t];
    if (y.size() != path.points.size())
      throw std::invalid_argument("elementaryEffects: one output per point expected");
    for (std::size_t j = 0; j < path.moved.size(); ++j) {
      const std::size_t i = path.moved[j];
      // The step as taken, not the nominal delta: exact for a response linear in the input.
      const double step = path.points[j + 1][i] - path.points[j][i];
      effects[i].push_back((y[j + 1] - y[j]) / step);
    }
  }

  std::vector<EffectSummary> summary(design.inputs);
  const double n = static_cast<double>(r);
  for (std::size_t i = 0; i < design.inputs; ++i) {
    double sum = 0, sumAbs = 0;
    for (const double e : effects[i]) {
      sum += e;
      sumAbs += std::abs(e);
    }
    EffectSummary& s = summary[i];
    s.mu = sum / n;
    s.mu_star = sumAbs / n;
    double squares = 0;
    for (const double e : effects[i]) squares += (e - s.mu) * (e - s.mu);
    s.sigma = r > 1 ? std::sqrt(squares / (n - 1)) : std::numeric_limits<double>::quiet_NaN();
  }
  return summary;
}

}  // namespace dermasim
