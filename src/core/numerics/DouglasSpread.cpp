#include "core/numerics/DouglasSpread.hpp"

#include <cmath>
#include <stdexcept>
#include <vector>

#include "core/numerics/CpuDispatch.hpp"

namespace dermasim {

namespace {

// Below this many voxels the threads cost more than they save.
constexpr std::size_t kParallelVoxels = 32768;

// One depth plane of the stencil pass: the plane itself, the ones above and below (the plane
// itself at the top and bottom faces, so that no flux crosses them), and the weights
// r = D tau / h^2 across and in depth.
struct StencilPlane {
  const float* here;
  const float* above;
  const float* below;
  int nx, ny;
  float rx, rz;
};

// out = keep u + take (target - tau A u) over one plane, A = -D lap with the second differences
// LodDiffusion's lines invert (periodic across). With keep = 0, take = 1 it is the defect
// target - tau A u; with keep = 1 - w, take = w it is a Jacobi sweep of (1 + tau A) x = target
// weighted by w = omega / diag. `copy`, when given, receives out as well.
template <bool kCopy>
DERMASIM_CPU_KERNEL void stencilImpl(const StencilPlane& p, const float* __restrict target,
                                     float keep, float take, float* __restrict out,
                                     float* __restrict copy) {
  const int nx = p.nx, ny = p.ny;
  const float rx = p.rx, rz = p.rz;
  for (int j = 0; j < ny; ++j) {
    const std::size_t row = static_cast<std::size_t>(j) * static_cast<std::size_t>(nx);
    const float* __restrict mid = p.here + row;
    const float* __restrict south =
        p.here + static_cast<std::size_t>((j + ny - 1) % ny) * static_cast<std::size_t>(nx);
    const float* __restrict north =
        p.here + static_cast<std::size_t>((j + 1) % ny) * static_cast<std::size_t>(nx);
    const float* __restrict up = p.above + row;
    const float* __restrict down = p.below + row;
    const float* __restrict t = target + row;
    float* __restrict o = out + row;
    float* __restrict o2 = kCopy ? copy + row : nullptr;
    const auto cell = [&](int i, int west, int east) {
      const float u = mid[i];
      const float spread = rx * ((u - mid[west]) + (u - mid[east])) +
                           rx * ((u - south[i]) + (u - north[i])) +
                           rz * ((u - up[i]) + (u - down[i]));
      const float v = keep * u + take * (t[i] - spread);
      o[i] = v;
      if constexpr (kCopy) o2[i] = v;
    };
    cell(0, nx - 1, nx > 1 ? 1 : 0);
#pragma omp simd
    for (int i = 1; i < nx - 1; ++i) cell(i, i - 1, i + 1);
    if (nx > 1) cell(nx - 1, nx - 2, 0);
  }
}

void defectBase(const StencilPlane& p, const float* target, float* out, float* copy) {
  stencilImpl<true>(p, target, 0.0F, 1.0F, out, copy);
}
void sweepBase(const StencilPlane& p, const float* target, float keep, float take, float* out) {
  stencilImpl<false>(p, target, keep, take, out, nullptr);
}
DERMASIM_FOR_AVX2 void defectAvx2(const StencilPlane& p, const float* target, float* out,
                                  float* copy) {
  stencilImpl<true>(p, target, 0.0F, 1.0F, out, copy);
}
DERMASIM_FOR_AVX2 void sweepAvx2(const StencilPlane& p, const float* target, float keep, float take,
                                 float* out) {
  stencilImpl<false>(p, target, keep, take, out, nullptr);
}
DERMASIM_FOR_AVX512 void defectAvx512(const StencilPlane& p, const float* target, float* out,
                                      float* copy) {
  stencilImpl<true>(p, target, 0.0F, 1.0F, out, copy);
}
DERMASIM_FOR_AVX512 void sweepAvx512(const StencilPlane& p, const float* target, float keep,
                                     float take, float* out) {
  stencilImpl<false>(p, target, keep, take, out, nullptr);
}

struct Kernels {
  decltype(&defectBase) defect = defectBase;
  decltype(&sweepBase) sweep = sweepBase;
};

const Kernels& kernels() {
  static const Kernels chosen =
      forThisCpu(Kernels{defectBase, sweepBase}, Kernels{defectAvx2, sweepAvx2},
                 Kernels{defectAvx512, sweepAvx512});
  return chosen;
}

StencilPlane stencilPlane(const Grid& g, const float* field, int k, float rx, float rz) {
  const std::size_t plane = g.columns();
  const float* here = field + static_cast<std::size_t>(k) * plane;
  return {here, k > 0 ? here - plane : here, k < g.nz - 1 ? here + plane : here, g.nx, g.ny, rx,
          rz};
}

// The diagonal of 1 + tau A in plane k: a direction of a single cell has no neighbour to differ
// from, and the top and bottom planes have one neighbour in depth.
float diagonal(const Grid& g, int k, float rx, float rz) {
  const int across = (g.nx > 1 ? 2 : 0) + (g.ny > 1 ? 2 : 0);
  const int depth = (k > 0 ? 1 : 0) + (k < g.nz - 1 ? 1 : 0);
  return 1.0F + static_cast<float>(across) * rx + static_cast<float>(depth) * rz;
}

}  // namespace

DouglasSpread::DouglasSpread(const Grid& grid, double diffusivity_mm2_per_day)
    : lod_(grid, diffusivity_mm2_per_day, 0.0) {}

void DouglasSpread::step(const Field& u, double tau, const PlaneReactions& reactions,
                         const PlaneChange& change) {
  const Grid& g = lod_.grid();
  if (static_cast<std::size_t>(u.size()) != g.voxels())
    throw std::invalid_argument("DouglasSpread::step: field size does not match the grid");
  if (!(tau >= 0.0) || !std::isfinite(tau))
    throw std::invalid_argument("DouglasSpread::step: tau must be finite and >= 0");
  const double d = lod_.diffusivityMm2PerDay();
  const auto rx = static_cast<float>(d * tau / (g.dx_mm * g.dx_mm));
  const auto rz = static_cast<float>(d * tau / (g.dz_mm * g.dz_mm));
  if (static_cast<std::size_t>(defect_.size()) != g.voxels()) {
    defect_ = g.zeros3();
    change_ = g.zeros3();
  }
  const std::size_t plane = g.columns();
  const Kernels& kernel = kernels();
  const bool parallel = g.voxels() >= kParallelVoxels;
  // One plane of scratch per thread, kept between steps.
  const auto scratch = [plane]() {
    thread_local std::vector<float> mine;
    if (mine.size() < plane) mine.resize(plane);
    return mine.data();
  };

  // The defect w = c - tau A u, kept for the sweep, and the start of the solve.
#pragma omp parallel for schedule(static) if (parallel)
  for (int k = 0; k < g.nz; ++k) {
    const std::size_t o = static_cast<std::size_t>(k) * plane;
    float* c = scratch();
    reactions(k, c);
    kernel.defect(stencilPlane(g, u.data(), k, rx, rz), c, defect_.data() + o, change_.data() + o);
  }
  // x ~ (1 + tau A)^-1 w: the split solves, exact for a variation along one direction, then one
  // weighted Jacobi sweep, which damps what varies quickly along several directions at once,
  // where the split solves' products leave it almost untouched.
  if (tau > 0.0) lod_.step(change_, tau);
#pragma omp parallel for schedule(static) if (parallel)
  for (int k = 0; k < g.nz; ++k) {
    const std::size_t o = static_cast<std::size_t>(k) * plane;
    float* x = scratch();
    const float take = kJacobiWeight / diagonal(g, k, rx, rz);
    kernel.sweep(stencilPlane(g, change_.data(), k, rx, rz), defect_.data() + o, 1.0F - take, take,
                 x);
    change(k, x);
  }
}

}  // namespace dermasim
