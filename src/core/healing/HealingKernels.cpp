#include "core/healing/HealingKernels.hpp"

#include <algorithm>

#include "core/numerics/CpuDispatch.hpp"

namespace dermasim {
namespace {

DERMASIM_CPU_KERNEL float flush(float x) { return x < kNegligible ? 0.0F : x; }

// e^(-x) for x >= 0, as 1 / (1 + x + x^2/2 + x^3/6): what is left of a quantity relaxing at a
// rate that differs voxel by voxel, after x of its lifetimes. Positive, falling to 0, within
// 0.2 % of e^(-x) up to x = 0.5 and 2 % at x = 1, where implicit Euler's 1 / (1 + x) is 36 %
// off: the quiet weeks' steps of several days stay accurate (numerics.max_step_days). No exp
// call, so the loops stay vectorised.
DERMASIM_CPU_KERNEL float remaining(float x) {
  return 1.0F / (1.0F + x * (1.0F + x * (0.5F + x * (1.0F / 6.0F))));
}

// What mediators at M do to the vessels and to recruitment: M/(1 + M), at half its full
// effect at M = 1.
DERMASIM_CPU_KERNEL float effect(float m) { return m / (1.0F + m); }

// The infiltrate after `dt` days under a mediators' effect `drive` (their M/(1 + M), or its
// mean over the step): dI/dt = a (1 - I) - k I with a = recruitment x drive relaxes toward
// a / (a + k) at the rate a + k.
DERMASIM_CPU_KERNEL float infiltrateAfter(float infiltrate, float drive, float recruitment,
                                          float resolution, float dt) {
  const float recruit = recruitment * drive;
  const float settle = recruit + resolution;
  const float toward = recruit / settle;
  return flush(toward + (infiltrate - toward) * remaining(dt * settle));
}

DERMASIM_CPU_KERNEL PlaneMaxima cellsImpl(const PlaneFields& f, const PlaneRates& r,
                                          std::ptrdiff_t n) {
  float* __restrict injury = f.injury;
  float* __restrict signal = f.signal;
  float* __restrict paracrine = f.paracrine;
  float* __restrict fibroblasts = f.fibroblasts;
  float* __restrict remodelling = f.remodelling;
  float* __restrict fibroMean = f.fibroblasts_mean;
  const float* __restrict deficit = f.deficit;
  float maxSignal = 0, maxParacrine = 0, maxFibroblasts = 0;
#pragma omp simd reduction(max : maxSignal, maxParacrine, maxFibroblasts)
  for (std::ptrdiff_t c = 0; c < n; ++c) {
    const float exposure = injury[c] * r.injury_exposure;
    const float hurt = flush(injury[c] * r.injury_keep);
    injury[c] = hurt;

    // The growth signal comes from injured tissue (mediators have their own sub-steps, see
    // mediatorsImpl); it decays here and spreads in the diffusion step.
    float fibro = fibroblasts[c];
    const float sig =
        flush((signal[c] + r.signal_release * exposure + r.autocrine * fibro) * r.signal_keep);
    signal[c] = sig;
    maxSignal = std::max(maxSignal, sig);
    // Matrix-bound growth factors, released by injured tissue and decaying over days; they add
    // a weaker drive wherever they reach.
    const float par = flush(paracrine[c] * r.paracrine_keep + r.paracrine_release * exposure);
    paracrine[c] = par;
    maxParacrine = std::max(maxParacrine, par);
    const float drive =
        std::min(1.0F, sig / (1.0F + sig) + r.paracrine_potency * par / (1.0F + par));

    // Fibroblasts: recruited from resting cells and dividing under the signal, up to a
    // crowding limit; cleared by apoptosis as the signal fades. Atrophic tissue has lost its
    // cells with its matrix, so fewer are there to recruit.
    const float here = r.resting * (1.0F - deficit[c]);
    const float room = std::max(0.0F, 1.0F - (here + fibro) * r.inv_capacity);
    // Recruitment and division (at the step's start: growth slows as the signal fades, and
    // the crowding limit holds it) against clearance at x = rate x dt: the cells there keep
    // e^(-x), the cells gained over the step keep (1 - e^(-x)) / x on average.
    const float gain = r.activation * here * drive + r.growth * fibro * drive * room;
    const float cleared = r.clearance * (1.0F - drive);
    const float keep = remaining(cleared);
    const float gainedKept = cleared > 1e-4F ? (1.0F - keep) / cleared : 1.0F - 0.5F * cleared;
    const float before = fibro;
    fibro = flush(fibro * keep + r.dt * gain * gainedKept);
    fibroblasts[c] = fibro;
    maxFibroblasts = std::max(maxFibroblasts, fibro);
    const float mean = 0.5F * (before + fibro);
    fibroMean[c] = mean;
    remodelling[c] = flush((remodelling[c] + r.remodel_gain * mean) * r.remodel_keep);
  }
  return {maxSignal, maxParacrine, maxFibroblasts};
}

DERMASIM_CPU_KERNEL void releaseImpl(const PlaneFields& f, const MediatorRates& r,
                                     std::ptrdiff_t n) {
  const float* __restrict injury = f.injury;
  const float* __restrict lumen = f.lumen;
  const float* __restrict mediators = f.mediators;
  float* __restrict change = f.mediator_change;
#pragma omp simd
  for (std::ptrdiff_t c = 0; c < n; ++c)
    // An open channel keeps releasing mediators, unrepaired tissue a little; they decay
    // exactly over the sub-step (see HealingModel::stepMediators).
    change[c] = r.open_release * lumen[c] + r.injury_release * injury[c] - r.lost * mediators[c];
}

DERMASIM_CPU_KERNEL float mediatorsImpl(const PlaneFields& f, const MediatorRates& r,
                                        std::ptrdiff_t n) {
  const float* __restrict change = f.mediator_change;
  float* __restrict mediators = f.mediators;
  float* __restrict vaso = f.vasodilation;
  float* __restrict inflammation = f.inflammation;
  float maxMediators = 0;
#pragma omp simd reduction(max : maxMediators)
  for (std::ptrdiff_t c = 0; c < n; ++c) {
    const float before = mediators[c];
    // The spread step is stable but not positive: near a fresh source it may ask for more
    // than is there.
    const float m = flush(std::max(0.0F, before + change[c]));
    mediators[c] = m;
    maxMediators = std::max(maxMediators, m);
    // The vessels chase a target that moves over the step; exact for a linear move.
    const float from = effect(before), to = effect(m);
    vaso[c] = flush(std::max(0.0F, to + (vaso[c] - from) * r.vaso_keep - (to - from) * r.vaso_lag));
    // The infiltrate, recruited by the mediators' mean effect over the sub-step, by Simpson's
    // rule on their path: within it M relaxes at e^(-k t) toward the level M* that takes it
    // from `before` to m, M* = (m - e before) / (1 - e) with e = e^(-k h), so it passes
    // M* + (before - M*) e^(-k h / 2) halfway. The effect of the mean of the ends overstated
    // both a falling M's mean and, M/(1 + M) being concave, the effect of a varying one: the
    // infiltrate and the harm doses grew with the sub-step.
    const float settled = r.lost > 0.0F ? (m - (1.0F - r.lost) * before) / r.lost : m;
    const float halfway = std::max(0.0F, settled + (before - settled) * r.half_keep);
    const float drive = (from + 4.0F * effect(halfway) + to) * (1.0F / 6.0F);
    inflammation[c] = infiltrateAfter(inflammation[c], drive, r.recruitment, r.resolution, r.h);
  }
  return maxMediators;
}

template <bool kLined, bool kDisordered>
DERMASIM_CPU_KERNEL void matrixImpl(const PlaneFields& f, const PlaneRates& r, std::ptrdiff_t n) {
  const float* __restrict fibroblasts = f.fibroblasts_mean;
  const float* __restrict remodelling = f.remodelling;
  float* __restrict c1 = f.collagen1;
  float* __restrict c3 = f.collagen3;
  float* __restrict refilling = f.refilling;
  float* __restrict refilled = f.refilled;
  float* __restrict elastin = f.elastin;
  const float* __restrict disorder = f.disorder;
  const float* __restrict deficit = f.deficit;
  const float* __restrict lining = f.lining;
  const float* __restrict inflammation = f.inflammation;
  // Excess type III matures to type I over months; remodelling lays down elastin; all of it
  // turns over in years.
#pragma omp simd
  for (std::ptrdiff_t c = 0; c < n; ++c) {
    const UntreatedMatrix untreated =
        untreatedMatrix(r.makeup, deficit[c], kDisordered ? disorder[c] : 0.0F);
    float one = c1[c], three = c3[c];
    const float total = one + three;
    // Activated cells make the tissue they sit in denser, up to its capacity. Remodelling
    // refills missing volume, at a rate that saturates with its activity: the cells' turnover of
    // matrix, not the number of injuries, sets how fast a deficit can close. An epithelium-lined
    // tract is no room for matrix: only the rest of the deficit can fill.
    float fillable = deficit[c];
    if constexpr (kLined) fillable *= 1.0F - lining[c];
    const float space = std::max(0.0F, 1.0F - total * r.inv_cap);
    const float gap = std::max(0.0F, fillable - refilling[c] - refilled[c]);
    const float remodel = remodelling[c];
    const float fill = gap * (1.0F - remaining(r.dt * r.refill * remodel / (1.0F + remodel)));
    const float normal = r.makeup.collagen;
    const float laid = r.dt * normal * r.synthesis * fibroblasts[c] * space + normal * fill;
    three += r.share3 * laid;
    one += (1.0F - r.share3) * laid;
    const float matured = std::max(0.0F, three - untreated.collagen3) * (1.0F - r.mature_keep);
    three -= matured;
    one += matured;
    // An infiltrate that does not resolve (injury again before it has, or confluent injury)
    // releases proteases that break down the new matrix and the refilled volume (implicit).
    const float harm =
        1.0F / (1.0F + r.dt * r.breakdown * std::max(0.0F, inflammation[c] - r.tolerance));
    const float new1 = one - untreated.collagen1, new3 = three - untreated.collagen3;
    c1[c] = untreated.collagen1 + new1 * (new1 > 0.0F ? harm : 1.0F) * r.collagen_keep;
    c3[c] = untreated.collagen3 + new3 * (new3 > 0.0F ? harm : 1.0F) * r.collagen_keep;
    // Refilled volume holds the surface up only once it is cross-linked into the matrix, and
    // turns over with the rest of the collagen.
    // Volume refilled during the step has had less time to cross-link than the volume waiting
    // at its start.
    const float pending = (refilling[c] + fill) * harm;
    const float waiting =
        flush((refilling[c] * r.crosslink_keep + fill * r.crosslink_new_keep) * harm);
    refilling[c] = waiting;
    refilled[c] = (refilled[c] * harm + pending - waiting) * r.collagen_keep;

    const float e = elastin[c];
    const float room = std::max(0.0F, 1.0F - e * r.inv_elastin_cap);
    const float grown = e + r.elastin_rate * r.makeup.elastin * remodelling[c] * room;
    elastin[c] = untreated.elastin + (grown - untreated.elastin) * r.elastin_keep;
  }
}

// Columns with a lined tract read the lining, planes with disordered matrix the disorder; the
// rest skip them.
template <bool kLined>
DERMASIM_CPU_KERNEL void matrixAnyDisorder(const PlaneFields& f, const PlaneRates& r,
                                           std::ptrdiff_t n) {
  if (f.disorder)
    matrixImpl<kLined, true>(f, r, n);
  else
    matrixImpl<kLined, false>(f, r, n);
}
DERMASIM_CPU_KERNEL void matrixAnyLining(const PlaneFields& f, const PlaneRates& r,
                                         std::ptrdiff_t n) {
  if (f.lining)
    matrixAnyDisorder<true>(f, r, n);
  else
    matrixAnyDisorder<false>(f, r, n);
}

PlaneMaxima cellsBase(const PlaneFields& f, const PlaneRates& r, std::ptrdiff_t n) {
  return cellsImpl(f, r, n);
}
void matrixBase(const PlaneFields& f, const PlaneRates& r, std::ptrdiff_t n) {
  matrixAnyLining(f, r, n);
}

DERMASIM_FOR_AVX2 PlaneMaxima cellsAvx2(const PlaneFields& f, const PlaneRates& r,
                                        std::ptrdiff_t n) {
  return cellsImpl(f, r, n);
}
DERMASIM_FOR_AVX2 void matrixAvx2(const PlaneFields& f, const PlaneRates& r, std::ptrdiff_t n) {
  matrixAnyLining(f, r, n);
}
DERMASIM_FOR_AVX512 PlaneMaxima cellsAvx512(const PlaneFields& f, const PlaneRates& r,
                                            std::ptrdiff_t n) {
  return cellsImpl(f, r, n);
}
DERMASIM_FOR_AVX512 void matrixAvx512(const PlaneFields& f, const PlaneRates& r, std::ptrdiff_t n) {
  matrixAnyLining(f, r, n);
}

float mediatorsBase(const PlaneFields& f, const MediatorRates& r, std::ptrdiff_t n) {
  return mediatorsImpl(f, r, n);
}
void releaseBase(const PlaneFields& f, const MediatorRates& r, std::ptrdiff_t n) {
  releaseImpl(f, r, n);
}
DERMASIM_FOR_AVX2 float mediatorsAvx2(const PlaneFields& f, const MediatorRates& r,
                                      std::ptrdiff_t n) {
  return mediatorsImpl(f, r, n);
}
DERMASIM_FOR_AVX2 void releaseAvx2(const PlaneFields& f, const MediatorRates& r, std::ptrdiff_t n) {
  releaseImpl(f, r, n);
}
DERMASIM_FOR_AVX512 float mediatorsAvx512(const PlaneFields& f, const MediatorRates& r,
                                          std::ptrdiff_t n) {
  return mediatorsImpl(f, r, n);
}
DERMASIM_FOR_AVX512 void releaseAvx512(const PlaneFields& f, const MediatorRates& r,
                                       std::ptrdiff_t n) {
  releaseImpl(f, r, n);
}

// The plane sums of the four fields react() totals follow the kernels through a plane, side
// by side and compiled with the kernels' instruction sets: one sum after another in the
// baseline build, each a chain of dependent additions, took a fifth of react()'s time. The
// lanes are fixed by OrderedSum, so the sums are the same bit for bit in every variant.
DERMASIM_CPU_KERNEL void sumsImpl(OrderedSum* const (&sums)[kSummedFields],
                                  const float* const (&fields)[kSummedFields], std::ptrdiff_t n) {
  OrderedSum::addEach(sums, fields, n);
}
void sumsBase(OrderedSum* const (&sums)[kSummedFields], const float* const (&fields)[kSummedFields],
              std::ptrdiff_t n) {
  sumsImpl(sums, fields, n);
}
DERMASIM_FOR_AVX2 void sumsAvx2(OrderedSum* const (&sums)[kSummedFields],
                                const float* const (&fields)[kSummedFields], std::ptrdiff_t n) {
  sumsImpl(sums, fields, n);
}
DERMASIM_FOR_AVX512 void sumsAvx512(OrderedSum* const (&sums)[kSummedFields],
                                    const float* const (&fields)[kSummedFields], std::ptrdiff_t n) {
  sumsImpl(sums, fields, n);
}

DERMASIM_CPU_KERNEL float infiltrateImpl(float* inflammation, bool resolve, float resolution,
                                         float dt, std::ptrdiff_t n, OrderedSum& total) {
  float most = 0;
  if (resolve) {
    // The infiltrate the mediators recruited resolves over days once they are gone (while
    // there are any, their sub-steps move it).
    // (std::max's references to the lanes' copies of `most` kept these loops scalar.)
#pragma omp simd reduction(max : most)
    for (std::ptrdiff_t c = 0; c < n; ++c) {
      const float left = infiltrateAfter(inflammation[c], 0.0F, 0.0F, resolution, dt);
      inflammation[c] = left;
      most = left > most ? left : most;
    }
  } else {
#pragma omp simd reduction(max : most)
    for (std::ptrdiff_t c = 0; c < n; ++c) most = inflammation[c] > most ? inflammation[c] : most;
  }
  total.add(inflammation, n);
  return most;
}
float infiltrateBase(float* f, bool resolve, float k, float dt, std::ptrdiff_t n, OrderedSum& t) {
  return infiltrateImpl(f, resolve, k, dt, n, t);
}
DERMASIM_FOR_AVX2 float infiltrateAvx2(float* f, bool resolve, float k, float dt, std::ptrdiff_t n,
                                       OrderedSum& t) {
  return infiltrateImpl(f, resolve, k, dt, n, t);
}
DERMASIM_FOR_AVX512 float infiltrateAvx512(float* f, bool resolve, float k, float dt,
                                           std::ptrdiff_t n, OrderedSum& t) {
  return infiltrateImpl(f, resolve, k, dt, n, t);
}

struct Kernels {
  decltype(&cellsBase) cells = cellsBase;
  decltype(&matrixBase) matrix = matrixBase;
  decltype(&mediatorsBase) mediators = mediatorsBase;
  decltype(&releaseBase) release = releaseBase;
  decltype(&sumsBase) sums = sumsBase;
  decltype(&infiltrateBase) infiltrate = infiltrateBase;
};

const Kernels& kernels() {
  static const Kernels chosen = forThisCpu(
      Kernels{cellsBase, matrixBase, mediatorsBase, releaseBase, sumsBase, infiltrateBase},
      Kernels{cellsAvx2, matrixAvx2, mediatorsAvx2, releaseAvx2, sumsAvx2, infiltrateAvx2},
      Kernels{cellsAvx512, matrixAvx512, mediatorsAvx512, releaseAvx512, sumsAvx512,
              infiltrateAvx512});
  return chosen;
}

}  // namespace

PlaneMaxima reactCells(const PlaneFields& f, const PlaneRates& r, std::ptrdiff_t n) {
  return kernels().cells(f, r, n);
}

void reactMatrix(const PlaneFields& f, const PlaneRates& r, std::ptrdiff_t n) {
  kernels().matrix(f, r, n);
}

void releaseMediators(const PlaneFields& f, const MediatorRates& r, std::ptrdiff_t n) {
  kernels().release(f, r, n);
}

float reactMediators(const PlaneFields& f, const MediatorRates& r, std::ptrdiff_t n) {
  return kernels().mediators(f, r, n);
}

float infiltrateOfPlane(float* inflammation, bool resolve, float resolution, float dt,
                        std::ptrdiff_t n, OrderedSum& total) {
  return kernels().infiltrate(inflammation, resolve, resolution, dt, n, total);
}

void addToSums(OrderedSum* const (&sums)[kSummedFields],
               const float* const (&fields)[kSummedFields], std::ptrdiff_t n) {
  kernels().sums(sums, fields, n);
}

}  // namespace dermasim
