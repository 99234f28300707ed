// Morris's elementary effects: the design moves one input at a time by +/- delta inside [0, 1],
// effects of a linear response are its slopes across the range, interactions show as spread, and
// the same seed gives the same design.

#include <catch2/catch.hpp>
#include <cmath>
#include <functional>
#include <set>
#include <vector>

#include "core/numerics/ElementaryEffects.hpp"

using namespace dermasim;

namespace {

using Response = std::function<double(const std::vector<double>&)>;

std::vector<std::vector<double>> evaluate(const MorrisDesign& design, const Response& model) {
  std::vector<std::vector<double>> outputs;
  for (const MorrisTrajectory& t : design.trajectories) {
    outputs.emplace_back();
    for (const std::vector<double>& x : t.points) outputs.back().push_back(model(x));
  }
  return outputs;
}

}  // namespace

TEST_CASE("ElementaryEffects: each step moves one input by delta, on the grid from 0 to 1",
          "[elementary_effects]") {
  const std::size_t k = 7;
  const MorrisDesign design = morrisDesign(k, 20, 42);
  CHECK(design.delta == Approx(2.0 / 3.0));
  REQUIRE(design.trajectories.size() == 20);
  for (const MorrisTrajectory& t : design.trajectories) {
    REQUIRE(t.points.size() == k + 1);
    REQUIRE(t.moved.size() == k);
    // Every input moves exactly once.
    CHECK(std::set<std::size_t>(t.moved.begin(), t.moved.end()).size() == k);
    for (const std::vector<double>& x : t.points)
      for (const double v : x) {
        CHECK(v >= 0.0);
        CHECK(v <= 1.0);
        // On the four levels 0, 1/3, 2/3, 1.
        CHECK(std::abs(v * 3 - std::round(v * 3)) < 1e-12);
      }
    for (std::size_t j = 0; j < k; ++j)
      for (std::size_t i = 0; i < k; ++i) {
        const double change = t.points[j + 1][i] - t.points[j][i];
        if (i == t.moved[j])
          CHECK(std::abs(change) == Approx(design.delta));
        else
          CHECK(change == 0.0);
      }
  }
}

TEST_CASE("ElementaryEffects: a linear response's effects are its slopes across each range",
          "[elementary_effects]") {
  // y = sum a_i v_i with v_i = min_i + x_i (max_i - min_i): the effect per full range is
  // a_i (max_i - min_i), the same at every point, so sigma is 0.
  const std::vector<double> a{3.0, -2.0, 0.0, 0.5};
  const std::vector<double> lo{0.0, 10.0, -1.0, 100.0};
  const std::vector<double> hi{1.0, 30.0, 1.0, 400.0};
  const Response linear = [&](const std::vector<double>& x) {
    double y = 0;
    for (std::size_t i = 0; i < a.size(); ++i) y += a[i] * (lo[i] + x[i] * (hi[i] - lo[i]));
    return y;
  };
  const MorrisDesign design = morrisDesign(a.size(), 8, 7);
  const std::vector<EffectSummary> effects = elementaryEffects(design, evaluate(design, linear));
  REQUIRE(effects.size() == a.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    const double slope = a[i] * (hi[i] - lo[i]);
    CHECK(effects[i].mu == Approx(slope).margin(1e-9));
    CHECK(effects[i].mu_star == Approx(std::abs(slope)).margin(1e-9));
    CHECK(effects[i].sigma == Approx(0).margin(1e-9));
  }
}

TEST_CASE("ElementaryEffects: an interaction or a curve shows as spread, and inert inputs as 0",
          "[elementary_effects]") {
  // y = x0 x1 + x2^2: x0's effect depends on x1 (and back), x2's on where it starts; x3 is inert.
  const Response model = [](const std::vector<double>& x) { return x[0] * x[1] + x[2] * x[2]; };
  const MorrisDesign design = morrisDesign(4, 30, 3);
  const std::vector<EffectSummary> effects = elementaryEffects(design, evaluate(design, model));
  CHECK(effects[0].sigma > 0.1);
  CHECK(effects[1].sigma > 0.1);
  CHECK(effects[2].sigma > 0.1);
  CHECK(effects[0].mu_star > 0.1);
  CHECK(effects[3].mu_star == 0.0);
  CHECK(effects[3].sigma == 0.0);
  // mu* counts effects of either sign; mu lets them cancel: y = (x0 - 1/2)^2 is symmetric.
  const Response valley = [](const std::vector<double>& x) { return (x[0] - 0.5) * (x[0] - 0.5); };
  const MorrisDesign one = morrisDesign(1, 40, 11);
  const EffectSummary v = elementaryEffects(one, evaluate(one, valley))[0];
  CHECK(v.mu_star == Approx(1.0 / 3.0));
  CHECK(std::abs(v.mu) < v.mu_star);
}

TEST_CASE("ElementaryEffects: the same seed gives the same design, another seed another",
          "[elementary_effects]") {
  const MorrisDesign a = morrisDesign(12, 5, 2024);
  const MorrisDesign b = morrisDesign(12, 5, 2024);
  const MorrisDesign c = morrisDesign(12, 5, 2025);
  bool sameAsB = true, sameAsC = true;
  for (std::size_t t = 0; t < a.trajectories.size(); ++t) {
    sameAsB = sameAsB && a.trajectories[t].points == b.trajectories[t].points &&
              a.trajectories[t].moved == b.trajectories[t].moved;
    sameAsC = sameAsC && a.trajectories[t].points == c.trajectories[t].points &&
              a.trajectories[t].moved == c.trajectories[t].moved;
  }
  CHECK(sameAsB);
  CHECK_FALSE(sameAsC);
  // Trajectories differ from each other too.
  CHECK(a.trajectories[0].points != a.trajectories[1].points);
}

TEST_CASE("ElementaryEffects: bad designs and mismatched outputs are refused",
          "[elementary_effects]") {
  CHECK_THROWS_AS(morrisDesign(0, 3, 1), std::invalid_argument);
  CHECK_THROWS_AS(morrisDesign(3, 0, 1), std::invalid_argument);
  CHECK_THROWS_AS(morrisDesign(3, 2, 1, 3), std::invalid_argument);
  const MorrisDesign design = morrisDesign(2, 2, 1);
  CHECK_THROWS_AS(elementaryEffects(design, {{1, 2, 3}}), std::invalid_argument);
  CHECK_THROWS_AS(elementaryEffects(design, {{1, 2, 3}, {1, 2}}), std::invalid_argument);
  // With one trajectory there is no spread to measure.
  const MorrisDesign single = morrisDesign(2, 1, 1);
  CHECK(std::isnan(elementaryEffects(single, {{1, 2, 3}})[0].sigma));
}
