#pragma once
// The spread of a short-lived substance near its screened steady state, in a form whose steady
// state carries no splitting error at any step length.
//
// For du/dt = s - k u + D lap(u), a step that lets the substance decay and be released and then
// spreads it with LodDiffusion over tau (the time it lives within the step) settles on a wrong
// steady state: the product of the directions' factors adds terms in tau^2 D^2 d_x^2 d_y^2 that
// the true operator lacks. For the vasoactive mediators (reach sqrt(D / k) ~ 0.85 mm, eleven
// grid cells) a redness read off that flare lasted 2 % too long at an eighth of a lifetime per
// step and 9 % at half. Here the model passes the change its reactions alone would make over
// the step, c = release - (1 - e^(-k h)) u, and step() turns it into the change with the
// spread: the change x that solves (1 + tau A) x = w, w = c - tau A u, approximated by
//
//   x0 = P^-1 w,  P = (1 + tau A_x)(1 + tau A_y)(1 + tau A_z)     (Douglas's correction)
//   x  = x0 + omega D^-1 (w - (1 + tau A) x0)                      (one weighted Jacobi sweep)
//
// with A = -D lap on the grid (the operator LodDiffusion inverts: periodic across, no flux at
// the top and bottom faces) and D its diagonal. With tau = (1 - e^(-k h)) / k the change is
// zero exactly where (k + A) u = s: the steady state is exact for any step. The two stages
// set how fast each Fourier mode approaches it. P alone is exact for a mode varying along one
// direction but barely moves one varying quickly along two or three (its cross terms swamp
// tau A): such modes crept toward their steady state by ~1 % a step, and spikes at the
// punctures outlived their real life. Jacobi damps exactly those. Computed mode by mode for the
// tissue grid (75 um across, 50 um deep; the mediators have since moved to cells twice as wide,
// HealingModel), every mode's factor per step lies in (-1/3, 1)
// (the fastest ones change sign, damped), the smooth ones decay at the exact e^(-k h), and the
// slowest, about 1.2 mm long in two directions, still loses 13 % per lifetime at half a
// lifetime per step (34 % at a quarter, 5 % at a whole).
// The result can dip below zero next to a fresh source; callers clamp. Not thread-safe per
// object; bitwise the same for any thread count.
//
// The reactions come in and the change goes out one depth plane at a time, each while the
// plane's stencil pass has it in cache (a plane of scratch per thread, no field of it):
//
//   DouglasSpread spread(grid, 4.0);                      // mm^2/day
//   spread.step(u, tau,
//       [&](int k, float* c) { /* c = release - lost * u on plane k */ },
//       [&](int k, float* x) { /* u += x on plane k, clamped at 0 */ });

#include <functional>

#include "core/numerics/Grid.hpp"
#include "core/numerics/LodDiffusion.hpp"

namespace dermasim {

class DouglasSpread {
 public:
  // The weight of the Jacobi sweep: the usual smoothing weight, which takes the fastest modes
  // to a third or less of what they were.
  static constexpr float kJacobiWeight = 2.0F / 3.0F;

  DouglasSpread(const Grid& grid, double diffusivity_mm2_per_day);

  // The reactions' change c over the step of one depth plane k, written into its columns.
  using PlaneReactions = std::function<void(int k, float* change)>;
  // The step's change of plane k with the spread, for the caller to apply (it may change that
  // plane of `u`: the stencil has read it by then).
  using PlaneChange = std::function<void(int k, float* change)>;

  // One step of a substance now at `u` that lives `tau_days` within the step: `reactions` is
  // called once per plane, then `change` once per plane, each in parallel over the planes.
  // Throws std::invalid_argument on a wrongly sized field or a negative or non-finite tau.
  void step(const Field& u, double tau_days, const PlaneReactions& reactions,
            const PlaneChange& change);

  const Grid& grid() const { return lod_.grid(); }

 private:
  LodDiffusion lod_;
  Field defect_, change_;  // w and x, kept between steps
};

}  // namespace dermasim
