#pragma once
// The neurogenic (axon-reflex) flare: within a minute of an injury, sensory nerve endings in
// the epidermis and papillary dermis fire, and the impulse runs antidromically along their
// branches to release vasodilating neuropeptides (CGRP, substance P) over millimetres around
// the wound. The flare is part of Lewis's triple response; it fades within an hour or so,
// long before the mediator-driven redness of the wound itself (HealingModel::stepMediators).
//
// Model, per skin column (docs/MODEL.md section 3): a session's freshly injured share of the
// innervated layer is spread sideways over the nerves' reach into a stimulus A, which decays
// with the flare's half-life; the arterioles dilate by F = F_max A / (A + A_half). Because a
// nerve branch covers millimetres, past a modest puncture density every column is already near
// F_max: the flare sets a floor of redness over the treated area that hardly grows with density.
//
//   NeurogenicFlare flare(grid, FlareParameters::from(p), innervation);
//   flare.stimulate(injuryBefore, injuryAfter, state.flare);  // at a session
//   flare.step(dt, state.flare);                                // every time step

#include <vector>

#include "core/numerics/Grid.hpp"
#include "core/numerics/LodDiffusion.hpp"
#include "core/parameters/ModelParameters.hpp"

namespace dermasim {

struct FlareParameters {
  double half_saturation;   // share of the innervated layer injured, spread over the reach
  double reach_mm;          // screening length of the nerves' spread
  double decay_per_day;     // of the stimulus
  double max_vasodilation;  // the flare's dilation at saturation, 0..1
  static FlareParameters from(const ModelParameters& p);
};

class NeurogenicFlare {
 public:
  // `innervation` weighs each depth cell of `grid` by how much of it lies in the innervated
  // upper skin (epidermis and papillary dermis), 0..1.
  NeurogenicFlare(const Grid& grid, const FlareParameters& parameters,
                  std::vector<float> innervation);

  // A session tore the tissue from `injuryBefore` to `injuryAfter` (3-D): the fresh injury
  // fires the nerves around it. `flare` (2-D) is set to the dilation this leaves now.
  void stimulate(const Field& injuryBefore, const Field& injuryAfter, Field& flare);
  // The stimulus fades over dt days; `flare` (2-D) is the dilation at the step's end.
  void step(double dtDays, Field& flare);

  bool active() const { return active_; }
  const Field& stimulus() const { return stimulus_; }

 private:
  void respond(Field& flare) const;

  Grid grid_;  // 3-D, for the injury
  FlareParameters p_;
  std::vector<float> innervation_;
  float innervatedDepth_ = 0;  // sum of the weights
  LodDiffusion spread_;        // on the patch surface (one layer)
  Field stimulus_;             // per column, share of the innervated layer
  bool active_ = false;
};

}  // namespace dermasim
