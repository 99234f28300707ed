#pragma once
// The per-voxel reactions of the healing model, one depth plane at a time: plain loops over
// contiguous floats, compiled for baseline x86-64, AVX2 and AVX-512 and picked at run time.
// Every variant does the same IEEE operations in the same order (no FMA contraction, see
// core/numerics/CpuDispatch.hpp), so results do not depend on which one runs.

#include <algorithm>
#include <cstddef>

#include "core/numerics/CpuDispatch.hpp"
#include "core/numerics/OrderedSum.hpp"

namespace dermasim {

// Values this small no longer matter to any output; flushing them to zero keeps the arithmetic
// out of subnormal floats (~100x slower) and lets empty fields and whole phases be skipped. The
// kernels and the model's own plane passes flush alike.
inline constexpr float kNegligible = 1e-12F;

// What untreated matrix a depth plane holds where nothing is missing or disordered, and how
// disorder (scar, striae) changes it.
struct MatrixMakeup {
  float collagen;            // total collagen, reticular dermis = 1
  float collagen3_share;     // type III share of it
  float elastin;             // reticular dermis = 1
  float disorder_collagen3;  // type III share added per unit of disorder ...
  float max_collagen3;       // ... up to this share
  float disorder_elastin;    // share of elastin lost per unit of disorder
};

struct UntreatedMatrix {
  float collagen1, collagen3, elastin;
};

// A voxel's untreated matrix: the plane's normal density less what atrophy has taken
// (`deficit`), disordered matrix carrying more type III and less elastin. One formula for the
// model's baseline and for the matrix kernel, which finds it again each step rather than read
// three more fields a voxel.
DERMASIM_CPU_KERNEL UntreatedMatrix untreatedMatrix(const MatrixMakeup& m, float deficit,
                                                    float disorder) {
  const float present = 1.0F - deficit;
  const float share3 =
      std::min(m.max_collagen3, m.collagen3_share + m.disorder_collagen3 * disorder);
  const float total = m.collagen * present;
  const float three = total * share3;
  return {total - three, three, m.elastin * present * (1.0F - m.disorder_elastin * disorder)};
}

// Constants for one step and one depth plane.
struct PlaneRates {
  float dt;
  float injury_keep, injury_exposure;
  float signal_release, autocrine, signal_keep;
  float paracrine_release, paracrine_keep, paracrine_potency;
  float resting, activation, growth, inv_capacity, clearance;
  float remodel_gain, remodel_keep;
  // matrix (only where the plane has dermis)
  float inv_cap, synthesis, refill, share3, mature_keep, collagen_keep;
  float crosslink_keep;        // of the volume waiting at the step's start
  float crosslink_new_keep;    // of the volume refilled during the step, on average
  float tolerance, breakdown;  // matrix breakdown by an infiltrate above the tolerance
  float inv_elastin_cap, elastin_rate, elastin_keep;
  // The plane's untreated matrix (untreatedMatrix()); its collagen and elastin are also the
  // normal densities new matrix is laid relative to.
  MatrixMakeup makeup;
};

// Constants for one mediator sub-step of length h and one depth plane, integrated exactly for
// their decay at k (see HealingModel::stepMediators): the share of the starting amount lost,
// 1 - e^(-k h), and what remains of the release per unit of open lumen (mean over the step)
// and per unit of injury at the step's start; and the vessels following the mediators' target
// as a ramp, e^(-h/tau) and the lag share (1 - e^(-h/tau)) tau / h.
struct MediatorRates {
  float lost, open_release, injury_release;
  float vaso_keep, vaso_lag;
  // The infiltrate the mediators recruit, moved on each sub-step of length h with their mean
  // effect over it: recruitment follows the mediators' fall within a long step.
  float h, recruitment, resolution;
  float half_keep;  // e^(-k h / 2): what the mediators keep of their distance to steady state
                    // halfway through the sub-step
};

struct PlaneFields {
  float* injury;
  const float* lumen;
  float* mediators;
  float* vasodilation;
  float* inflammation;
  float* signal;
  float* paracrine;
  float* fibroblasts;
  float* remodelling;
  const float* deficit;
  const float* lining;  // per column (2-D), or null when nothing is lined
  float* collagen1;
  float* collagen3;
  float* refilling;
  float* refilled;
  float* elastin;
  const float* disorder;  // or null where the plane has none
  // The plane's activated fibroblasts averaged over the step (trapezoid), written by
  // reactCells for reactMatrix: matrix laid over a step of days follows the cells present
  // through it, not only those left at its end. Scratch of the plane's size.
  float* fibroblasts_mean;
  // The mediators' change over a sub-step of the plane: their reactions alone
  // (releaseMediators), then with their spread (DouglasSpread::step) for reactMediators.
  // Scratch of the plane's size.
  float* mediator_change;
};

// The same plane from column `first` on, so that a kernel can run over a piece of it. The
// lining is per column, so it moves with the rest; absent pointers stay absent.
inline PlaneFields columnsFrom(const PlaneFields& f, std::ptrdiff_t first) {
  const auto at = [first](auto* p) { return p ? p + first : p; };
  return {at(f.injury),         at(f.lumen),        at(f.mediators),
          at(f.vasodilation),   at(f.inflammation), at(f.signal),
          at(f.paracrine),      at(f.fibroblasts),  at(f.remodelling),
          at(f.deficit),        at(f.lining),       at(f.collagen1),
          at(f.collagen3),      at(f.refilling),    at(f.refilled),
          at(f.elastin),        at(f.disorder),     at(f.fibroblasts_mean),
          at(f.mediator_change)};
}

struct PlaneMaxima {
  float signal = 0, paracrine = 0, fibroblasts = 0;
};

// Injury, signal, fibroblasts and remodelling over `n` voxels.
PlaneMaxima reactCells(const PlaneFields& f, const PlaneRates& r, std::ptrdiff_t n);
// The mediators' change over one sub-step from their release and decay alone, into
// f.mediator_change.
void releaseMediators(const PlaneFields& f, const MediatorRates& r, std::ptrdiff_t n);
// Mediators moved by f.mediator_change, never below zero, and the vessels and the infiltrate
// following them over the sub-step; returns the largest mediator.
float reactMediators(const PlaneFields& f, const MediatorRates& r, std::ptrdiff_t n);
// Collagen I and III and elastin over `n` voxels (planes with dermis only).
void reactMatrix(const PlaneFields& f, const PlaneRates& r, std::ptrdiff_t n);
// A plane's infiltrate (n values), resolving over dt when no mediators recruit it (`resolve`),
// added to `total`; returns its largest value.
float infiltrateOfPlane(float* inflammation, bool resolve, float resolution, float dt,
                        std::ptrdiff_t n, OrderedSum& total);

// Adds n values of each field to its sum, all in one pass (OrderedSum::addEach) with the
// kernels' instruction set: the same sums bit for bit as one add() after another, faster.
constexpr int kSummedFields = 4;
void addToSums(OrderedSum* const (&sums)[kSummedFields],
               const float* const (&fields)[kSummedFields], std::ptrdiff_t n);

}  // namespace dermasim
