#pragma once
// Morris's elementary effects: which inputs of an expensive model move an output, screened with
// few runs. Each input is normalised to [0, 1] (its documented range); a trajectory starts at a
// random point of a grid of `levels` values per input and moves one input at a time by +/- delta,
// in random order, so k inputs cost k + 1 runs per trajectory. An input's elementary effect is
// the change of the output over the change of that input: with inputs normalised to their range
// it is the output's change per full range. Over r trajectories, mu* (the mean of |effect|)
// ranks how much an input matters, mu (the mean with its sign) says in which direction, and
// sigma (their spread) says how far the effect depends on the other inputs (interactions or a
// nonlinear response). Morris 1991; mu* after Campolongo, Cariboni & Saltelli 2007.
//
// Pure arithmetic, the same design for the same seed on any machine; the runner that turns
// points into model runs lives with its caller (cli/SensitivityAnalysis).
//
//   const MorrisDesign design = morrisDesign(3, 10, seed);  // 3 inputs, 10 trajectories
//   std::vector<std::vector<double>> outputs;               // [trajectory][point]
//   for (const MorrisTrajectory& t : design.trajectories) {
//     outputs.emplace_back();
//     for (const std::vector<double>& x : t.points) outputs.back().push_back(model(x));
//   }
//   const std::vector<EffectSummary> effects = elementaryEffects(design, outputs);
//   // effects[i].mu_star: input i's mean |change of the output| across its full range

#include <cstddef>
#include <cstdint>
#include <vector>

namespace dermasim {

struct MorrisTrajectory {
  // k + 1 points of k normalised inputs each, on the level grid within [0, 1].
  std::vector<std::vector<double>> points;
  // moved[j]: the one input that differs between points[j] and points[j + 1].
  std::vector<std::size_t> moved;
};

struct MorrisDesign {
  std::size_t inputs = 0;
  int levels = 0;
  double delta = 0;  // the step, in normalised units: levels / (2 (levels - 1))
  std::vector<MorrisTrajectory> trajectories;
};

// `trajectories` random trajectories through `inputs` inputs on `levels` levels (even, at
// least 2). The same arguments give the same design. Throws std::invalid_argument for no input,
// no trajectory or an odd or too small number of levels.
MorrisDesign morrisDesign(std::size_t inputs, std::size_t trajectories, std::uint64_t seed,
                          int levels = 4);

struct EffectSummary {
  double mu_star = 0;  // mean |effect|: how much the input matters
  double mu = 0;       // mean effect: its direction (effects of both signs cancel here)
  double sigma = 0;    // sample standard deviation of the effects; NaN with one trajectory
};

// Per input, in input order, from the output at every point of every trajectory
// (`outputs[t][j]` at `design.trajectories[t].points[j]`); effects are per unit of normalised
// input, that is per full range. Throws std::invalid_argument if `outputs` does not match the
// design's shape.
std::vector<EffectSummary> elementaryEffects(const MorrisDesign& design,
                                             const std::vector<std::vector<double>>& outputs);

}  // namespace dermasim
