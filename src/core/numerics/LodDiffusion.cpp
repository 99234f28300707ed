#include "core/numerics/LodDiffusion.hpp"

#include <omp.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

#if defined(__SSE__)
#include <xmmintrin.h>
#endif

#include "core/numerics/CpuDispatch.hpp"

namespace dermasim {

namespace {

using Line = LodDiffusion::Line;
using Real = double;

// The x lines are contiguous, so their recurrences cannot be vectorized in place: blocks of
// up to kXLanes rows are transposed into a buffer and solved lane-parallel. Wide blocks
// measured faster than L1-sized ones (32 or 64 rows): the row loops are longer.
constexpr int kXLanes = 256;
// The z sweep works on chunks of columns whose forward results (kZChunkBytes) stay in L2 until
// the back pass; 128-256 kB measured best for 40 and 80 layers.
constexpr std::size_t kZChunkBytes = 256 * 1024;
// Coupling coefficients of the periodic solve (g, q <= 1) below this are dropped: what they
// carry is < 1e-11 of the line's largest value, and for moderate r most of a line's terms
// fall below it, which saves a multiply-add per voxel. Dropping only non-negative terms keeps
// the result non-negative.
constexpr double kNegligible = 1e-13;
// Below this many voxels a step takes a few tens of microseconds and OpenMP's fork, barriers
// and join would cost more than they save.
constexpr std::size_t kParallelVoxels = 32768;

// Thomas factors of a no-flux line of n cells: diagonal 1 + 2r (1 + r at the two ends),
// off-diagonals -r. `scale` multiplies the solution (the decay factor rides on it).
Line neumannLine(int n, double r, double scale) {
  Line line;
  line.n = n;
  line.active = n > 0 && (r > 0.0 || scale != 1.0);
  if (!line.active) return line;
  line.m.resize(static_cast<std::size_t>(n));
  line.e.resize(static_cast<std::size_t>(n));
  double e_prev = 0.0;
  for (int i = 0; i < n; ++i) {
    const int neighbours = (i > 0 ? 1 : 0) + (i < n - 1 ? 1 : 0);
    const double m = 1.0 / (1.0 + neighbours * r - r * e_prev);
    e_prev = r * m;
    line.m[static_cast<std::size_t>(i)] = scale * m;
    line.e[static_cast<std::size_t>(i)] = e_prev;
  }
  return line;
}

// A periodic line of n cells is cyclic tridiagonal. Sherman-Morrison would subtract a
// correction and could make tiny negative values; instead cell 0 is eliminated last. With
// T the tridiagonal block of cells 1..n-1 (Dirichlet-like ends), u_i = p_i + u_0 q_i for
// i >= 1, p = T^-1 f, q = T^-1 r (e_1 + e_(n-1)) >= 0, and the row of cell 0 gives
// u_0 = (f_0 + r (p_1 + p_(n-1))) / S with the Schur complement S = 1 + r (w_1 + w_(n-1)),
// w = T^-1 1 (from T 1 = 1 + r (e_1 + e_(n-1)), so no cancellation in S either).
// p_1 is accumulated during forward elimination (p_1 = sum_i g_i d_i, g_i = e_1...e_(i-1)),
// so u_0 is known before back substitution and q is added during it: two passes, all terms
// non-negative.
Line periodicLine(int n, double r) {
  Line line;
  line.n = n;
  line.active = n > 1 && r > 0.0;
  if (!line.active) return line;
  const auto size = static_cast<std::size_t>(n);
  std::vector<double> m(size, 0.0), e(size, 0.0), g(size, 0.0), dq(size, 0.0), dw(size, 0.0);
  for (int i = 1; i < n; ++i) {
    const auto u = static_cast<std::size_t>(i);
    m[u] = 1.0 / (1.0 + 2.0 * r - (i > 1 ? r * e[u - 1] : 0.0));
    e[u] = r * m[u];
    g[u] = i == 1 ? 1.0 : g[u - 1] * e[u - 1];
    const double coupling = r * ((i == 1 ? 1.0 : 0.0) + (i == n - 1 ? 1.0 : 0.0));
    dq[u] = m[u] * coupling + (i > 1 ? e[u] * dq[u - 1] : 0.0);
    dw[u] = m[u] + (i > 1 ? e[u] * dw[u - 1] : 0.0);
  }
  // dq stays forward-eliminated (the kernel's back substitution finishes it); w is needed
  // whole, for S.
  for (int i = n - 2; i >= 1; --i) {
    const auto u = static_cast<std::size_t>(i);
    dw[u] += e[u] * dw[u + 1];
  }
  const double schur = 1.0 + r * (dw[1] + dw[size - 1]);
  line.s = 1.0 / schur;
  line.a = r / schur;
  line.last_g = 1;
  for (std::size_t u = 1; u < size; ++u) {
    if (g[u] < kNegligible) g[u] = 0.0;
    if (dq[u] < kNegligible) dq[u] = 0.0;
    if (g[u] > 0.0) line.last_g = static_cast<int>(u);
  }
  line.m = std::move(m);
  line.e = std::move(e);
  line.g = std::move(g);
  line.q = std::move(dq);
  return line;
}

// The kernels below solve `width` independent lines side by side: element t of line w is
// base[t * stride + w]. Lines run along t; w is contiguous, so every inner loop is a plain
// vectorizable stream.
//
// The field is float but the recurrences carry their running value in Real (double), and only
// the stored copies are rounded to float. A float carry feeds each rounding back into the
// recurrence, which amplifies it by ~1 / (1 - e) ~ sqrt(r) (r = D dt / h^2, up to ~1e4 here);
// on smooth fields neighbouring lines round alike, and the total drifted by up to 1e-7 per
// step. With the carry in double (products of floats are exact in it) each stored value is
// rounded once and the drift stays ~1e-10 (at most ~1e-9) per step.

// No-flux lines, base[t * stride + w]. The forward results go to `packed` (n x width floats,
// contiguous) rather than back in place: the z lines' rows lie a plane (160 kB) apart and
// compete for the same cache sets, and re-reading them in the back pass made the z sweep
// ~25 % slower.
DERMASIM_CPU_KERNEL void solveNeumann(float* __restrict base, std::size_t stride, int width,
                                      const Line& c, float* __restrict packed,
                                      Real* __restrict carry) {
  const int n = c.n;
  const Real* m = c.m.data();
  const Real* e = c.e.data();
  const auto wide = static_cast<std::size_t>(width);
  auto row = [&](int t) { return base + static_cast<std::size_t>(t) * stride; };
  auto pack = [&](int t) { return packed + static_cast<std::size_t>(t) * wide; };
  {
    const float* __restrict f = row(0);
    float* __restrict d = pack(0);
    const Real m0 = m[0];
    for (int w = 0; w < width; ++w) {
      carry[w] = m0 * static_cast<Real>(f[w]);
      d[w] = static_cast<float>(carry[w]);
    }
  }
  for (int t = 1; t < n; ++t) {
    const float* __restrict f = row(t);
    float* __restrict d = pack(t);
    const Real mt = m[t], et = e[t];
    for (int w = 0; w < width; ++w) {
      carry[w] = mt * static_cast<Real>(f[w]) + et * carry[w];
      d[w] = static_cast<float>(carry[w]);
    }
  }
  {
    float* __restrict u = row(n - 1);
    for (int w = 0; w < width; ++w) u[w] = static_cast<float>(carry[w]);  // u = d at the end
  }
  for (int t = n - 2; t >= 0; --t) {
    float* __restrict u = row(t);
    const float* __restrict d = pack(t);
    const Real et = e[t];
    for (int w = 0; w < width; ++w) {
      carry[w] = static_cast<Real>(d[w]) + et * carry[w];
      u[w] = static_cast<float>(carry[w]);
    }
  }
}

// Periodic lines, base[t * stride + w], solved row by row so that the x sweep can interleave
// its transposes with the passes: forward(1 .. n-1), then middle(), then backward(n-2 .. 1).
// `carry` and `u0` hold width Reals each.
struct PeriodicSolve {
  float* base;
  std::size_t stride;
  int width;
  const Line& c;
  Real* __restrict carry;
  Real* __restrict u0;

  float* row(int t) const { return base + static_cast<std::size_t>(t) * stride; }

  DERMASIM_CPU_KERNEL void forward(int t) const {
    float* __restrict f = row(t);
    Real* __restrict cy = carry;
    Real* __restrict p1 = u0;  // accumulates p_1 until middle()
    const Real mt = c.m[static_cast<std::size_t>(t)], et = c.e[static_cast<std::size_t>(t)],
               gt = c.g[static_cast<std::size_t>(t)];
    if (t == 1) {
      for (int w = 0; w < width; ++w) {
        cy[w] = mt * static_cast<Real>(f[w]);
        f[w] = static_cast<float>(cy[w]);
        p1[w] = cy[w];
      }
    } else if (t <= c.last_g) {
      for (int w = 0; w < width; ++w) {
        cy[w] = mt * static_cast<Real>(f[w]) + et * cy[w];
        f[w] = static_cast<float>(cy[w]);
        p1[w] += gt * cy[w];
      }
    } else {
      for (int w = 0; w < width; ++w) {
        cy[w] = mt * static_cast<Real>(f[w]) + et * cy[w];
        f[w] = static_cast<float>(cy[w]);
      }
    }
  }

  // Cell 0 from its own row, then the start of back substitution at n - 1.
  DERMASIM_CPU_KERNEL void middle() const {
    float* __restrict f0 = row(0);
    float* __restrict last = row(c.n - 1);
    Real* __restrict cy = carry;
    Real* __restrict v0 = u0;
    const Real s = c.s, a = c.a, qn = c.q[static_cast<std::size_t>(c.n - 1)];
    for (int w = 0; w < width; ++w) {
      v0[w] = s * static_cast<Real>(f0[w]) + a * (v0[w] + cy[w]);
      f0[w] = static_cast<float>(v0[w]);
      cy[w] += qn * v0[w];
      last[w] = static_cast<float>(cy[w]);
    }
  }

  DERMASIM_CPU_KERNEL void backward(int t) const {
    float* __restrict f = row(t);
    Real* __restrict cy = carry;
    const Real* __restrict v0 = u0;
    const Real qt = c.q[static_cast<std::size_t>(t)], et = c.e[static_cast<std::size_t>(t)];
    if (qt > 0.0) {
      for (int w = 0; w < width; ++w) {
        cy[w] = static_cast<Real>(f[w]) + qt * v0[w] + et * cy[w];
        f[w] = static_cast<float>(cy[w]);
      }
    } else {
      for (int w = 0; w < width; ++w) {
        cy[w] = static_cast<Real>(f[w]) + et * cy[w];
        f[w] = static_cast<float>(cy[w]);
      }
    }
  }
};

DERMASIM_CPU_KERNEL void solvePeriodic(float* base, std::size_t stride, int width, const Line& c,
                                       Real* scratch) {
  const PeriodicSolve solve{base, stride, width, c, scratch, scratch + width};
  for (int t = 1; t < c.n; ++t) solve.forward(t);
  solve.middle();
  for (int t = c.n - 2; t >= 1; --t) solve.backward(t);
}

// Copies columns [i0, i1) of `lanes` rows (src[b][i], lanes a multiple of 4) into
// lanes-fastest order (dst[i * lanes + b]), or back. Groups of 4 columns are transposed in SSE
// registers: scalar copies made this sweep several times slower than the y and z sweeps.
// (8-row AVX transposes measured only ~2 % faster on the whole step.)
DERMASIM_CPU_KERNEL void rowsToLanes(const float* const* src, int lanes, int i0, int i1,
                                     float* __restrict dst) {
  int i = i0;
#if defined(__SSE__)
  for (; i + 4 <= i1; i += 4) {
    for (int b = 0; b < lanes; b += 4) {
      __m128 r0 = _mm_loadu_ps(src[b] + i), r1 = _mm_loadu_ps(src[b + 1] + i);
      __m128 r2 = _mm_loadu_ps(src[b + 2] + i), r3 = _mm_loadu_ps(src[b + 3] + i);
      _MM_TRANSPOSE4_PS(r0, r1, r2, r3);
      _mm_storeu_ps(dst + (i + 0) * lanes + b, r0);
      _mm_storeu_ps(dst + (i + 1) * lanes + b, r1);
      _mm_storeu_ps(dst + (i + 2) * lanes + b, r2);
      _mm_storeu_ps(dst + (i + 3) * lanes + b, r3);
    }
  }
#endif
  for (; i < i1; ++i)
    for (int b = 0; b < lanes; ++b) dst[i * lanes + b] = src[b][i];
}

DERMASIM_CPU_KERNEL void lanesToRows(const float* __restrict src, int lanes, int i0, int i1,
                                     float* const* dst) {
  int i = i0;
#if defined(__SSE__)
  for (; i + 4 <= i1; i += 4) {
    for (int b = 0; b < lanes; b += 4) {
      __m128 r0 = _mm_loadu_ps(src + (i + 0) * lanes + b);
      __m128 r1 = _mm_loadu_ps(src + (i + 1) * lanes + b);
      __m128 r2 = _mm_loadu_ps(src + (i + 2) * lanes + b);
      __m128 r3 = _mm_loadu_ps(src + (i + 3) * lanes + b);
      _MM_TRANSPOSE4_PS(r0, r1, r2, r3);
      _mm_storeu_ps(dst[b] + i, r0);
      _mm_storeu_ps(dst[b + 1] + i, r1);
      _mm_storeu_ps(dst[b + 2] + i, r2);
      _mm_storeu_ps(dst[b + 3] + i, r3);
    }
  }
#endif
  for (; i < i1; ++i)
    for (int b = 0; b < lanes; ++b) dst[b][i] = src[i * lanes + b];
}

// x lines of one plane: blocks of up to kXLanes rows, transposed so that the lanes are
// contiguous, then solved by the same row kernel as the y lines. Each group of 4 columns is
// transposed just before its forward step and back just after its backward step, while it is
// in L1 (separate transpose passes cost ~20 % more). A block is padded to a multiple of 4
// rows with rows of zeros whose results are discarded (lanes are independent). `lanes`
// holds nx * kXLanes floats, `zeros` and `discard` nx floats, `carry` 2 * kXLanes Reals.
DERMASIM_CPU_KERNEL void sweepX(float* plane, int nx, int ny, const Line& c, float* lanes,
                                const float* zeros, float* discard, Real* carry) {
  const auto stride = static_cast<std::size_t>(nx);
  const float* in[kXLanes];
  float* out[kXLanes];
  for (int j0 = 0; j0 < ny; j0 += kXLanes) {
    const int rows = std::min(kXLanes, ny - j0);
    const int width = (rows + 3) / 4 * 4;
    for (int b = 0; b < width; ++b) {
      const bool real = b < rows;
      float* row = real ? plane + static_cast<std::size_t>(j0 + b) * stride : nullptr;
      in[b] = real ? row : zeros;
      out[b] = real ? row : discard;
    }
    const auto lane_stride = static_cast<std::size_t>(width);
    const PeriodicSolve solve{lanes, lane_stride, width, c, carry, carry + width};
    for (int i0 = 0; i0 < nx; i0 += 4) {
      const int i1 = std::min(i0 + 4, nx);
      rowsToLanes(in, width, i0, i1, lanes);
      for (int i = std::max(i0, 1); i < i1; ++i) solve.forward(i);
    }
    solve.middle();
    const int last_group = (nx - 1) / 4 * 4;
    for (int i0 = last_group; i0 >= 0; i0 -= 4) {
      const int i1 = std::min(i0 + 4, nx);
      for (int i = std::min(i1 - 1, nx - 2); i >= std::max(i0, 1); --i) solve.backward(i);
      lanesToRows(lanes, width, i0, i1, out);
    }
  }
}

// Per-thread scratch: the x block or the z chunk, a row of zeros and a discard row for the x
// sweep's padding, and Real carries.
struct Scratch {
  float* lanes;
  const float* zeros;
  float* discard;
  Real* carry;
};

// The x and y sweeps of one plane (nx x ny, L2-resident through both). The 1-D solves along
// different axes commute, so the order is free; y first streams the plane in row order.
DERMASIM_CPU_KERNEL void planeXYImpl(float* plane, int nx, int ny, const Line& x, const Line& y,
                                     const Scratch& s) {
  if (y.active) solvePeriodic(plane, static_cast<std::size_t>(nx), nx, y, s.carry);
  if (x.active) sweepX(plane, nx, ny, x, s.lanes, s.zeros, s.discard, s.carry);
}

// The z sweep of `width` columns starting at `first`.
DERMASIM_CPU_KERNEL void columnsZImpl(float* first, std::size_t plane, int width, const Line& z,
                                      const Scratch& s) {
  solveNeumann(first, plane, width, z, s.lanes, s.carry);
}

void planeXYBase(float* plane, int nx, int ny, const Line& x, const Line& y, const Scratch& s) {
  planeXYImpl(plane, nx, ny, x, y, s);
}
void columnsZBase(float* first, std::size_t plane, int width, const Line& z, const Scratch& s) {
  columnsZImpl(first, plane, width, z, s);
}

// One variant per instruction set: the double-precision recurrences are compute bound.
DERMASIM_FOR_AVX2 void planeXYAvx2(float* plane, int nx, int ny, const Line& x, const Line& y,
                                   const Scratch& s) {
  planeXYImpl(plane, nx, ny, x, y, s);
}
DERMASIM_FOR_AVX2 void columnsZAvx2(float* first, std::size_t plane, int width, const Line& z,
                                    const Scratch& s) {
  columnsZImpl(first, plane, width, z, s);
}
DERMASIM_FOR_AVX512 void planeXYAvx512(float* plane, int nx, int ny, const Line& x, const Line& y,
                                       const Scratch& s) {
  planeXYImpl(plane, nx, ny, x, y, s);
}
DERMASIM_FOR_AVX512 void columnsZAvx512(float* first, std::size_t plane, int width, const Line& z,
                                        const Scratch& s) {
  columnsZImpl(first, plane, width, z, s);
}

struct Kernels {
  decltype(&planeXYBase) planeXY = planeXYBase;
  decltype(&columnsZBase) columnsZ = columnsZBase;
};

const Kernels& kernels() {
  static const Kernels chosen =
      forThisCpu(Kernels{planeXYBase, columnsZBase}, Kernels{planeXYAvx2, columnsZAvx2},
                 Kernels{planeXYAvx512, columnsZAvx512});
  return chosen;
}

}  // namespace

LodDiffusion::LodDiffusion(const Grid& grid, double diffusivity_mm2_per_day, double decay_per_day)
    : grid_(grid), diffusivity_(diffusivity_mm2_per_day), decay_(decay_per_day) {
  if (grid.nx < 1 || grid.ny < 1 || grid.nz < 1 || !(grid.dx_mm > 0.0) || !(grid.dz_mm > 0.0))
    throw std::invalid_argument("LodDiffusion: empty grid or non-positive voxel size");
  if (!(diffusivity_mm2_per_day >= 0.0) || !std::isfinite(diffusivity_mm2_per_day))
    throw std::invalid_argument("LodDiffusion: diffusivity must be finite and >= 0");
  if (!(decay_per_day >= 0.0) || !std::isfinite(decay_per_day))
    throw std::invalid_argument("LodDiffusion: decay rate must be finite and >= 0");
}

const LodDiffusion::Coefficients& LodDiffusion::coefficients(double dt) {
  // A simulation typically alternates between a couple of step sizes (fine steps after
  // needling, coarse ones later): keep a few.
  constexpr std::size_t kCached = 4;
  auto hit = std::find_if(cache_.begin(), cache_.end(),
                          [dt](const Coefficients& c) { return c.dt == dt; });
  if (hit != cache_.end()) {
    std::rotate(cache_.begin(), hit, hit + 1);
    return cache_.front();
  }
  Coefficients c;
  c.dt = dt;
  const double rx = diffusivity_ * dt / (grid_.dx_mm * grid_.dx_mm);
  const double rz = diffusivity_ * dt / (grid_.dz_mm * grid_.dz_mm);
  c.x = periodicLine(grid_.nx, rx);
  c.y = periodicLine(grid_.ny, rx);
  c.z = neumannLine(grid_.nz, rz, std::exp(-decay_ * dt));
  if (cache_.size() == kCached) cache_.pop_back();
  cache_.insert(cache_.begin(), std::move(c));
  return cache_.front();
}

void LodDiffusion::step(Field& u, double dt_days) {
  if (static_cast<std::size_t>(u.size()) != grid_.voxels())
    throw std::invalid_argument("LodDiffusion::step: field size does not match the grid");
  if (!(dt_days >= 0.0) || !std::isfinite(dt_days))
    throw std::invalid_argument("LodDiffusion::step: time step must be finite and >= 0");
  if (dt_days == 0.0) return;
  const Coefficients& c = coefficients(dt_days);

  const int nx = grid_.nx, ny = grid_.ny, nz = grid_.nz;
  const auto unx = static_cast<std::size_t>(nx), unz = static_cast<std::size_t>(nz);
  const std::size_t plane = grid_.columns();
  float* data = u.data();
  const bool xy = c.x.active || c.y.active;
  // Fixed work items (planes, column chunks), each computed by the same code whichever thread
  // takes it: the result does not depend on the number of threads. Static scheduling gives each
  // thread a contiguous range: with dynamic scheduling the threads worked on neighbouring
  // items at the same time and the x and z sweeps ran ~1.7x slower on two threads.
  // The column chunks come in a multiple of the thread count, so that each thread gets as many
  // (19 chunks of the default grid's planes left one thread a tenth more than the other). Each
  // column is solved alike in any chunk.
  const auto threads = static_cast<std::size_t>(omp_get_max_threads());
  const std::size_t widest =
      std::min(plane, std::max<std::size_t>(16, kZChunkBytes / (sizeof(float) * unz) / 16 * 16));
  const std::size_t rounds = (plane + widest * threads - 1) / (widest * threads);
  const std::size_t even = (plane + rounds * threads - 1) / (rounds * threads);
  const std::size_t chunk = std::min(plane, (even + 15) / 16 * 16);
  const auto chunks = static_cast<long>((plane + chunk - 1) / chunk);

  // Scratch per thread, kept between steps: reallocating (and page-faulting) the plane-sized
  // buffers every step would cost more than a sweep.
  const std::size_t reals = std::max({2 * unx, 2 * static_cast<std::size_t>(kXLanes), chunk});
  const std::size_t floats = 2 * unx + std::max(unx * kXLanes, chunk * unz);
  if (real_scratch_.size() < threads) real_scratch_.resize(threads);
  if (float_scratch_.size() < threads) float_scratch_.resize(threads);

  const Kernels& kernel = kernels();

#pragma omp parallel if (grid_.voxels() >= kParallelVoxels)
  {
    const auto me = static_cast<std::size_t>(omp_get_thread_num());
    std::vector<double>& reals_mine = real_scratch_[me];
    std::vector<float>& floats_mine = float_scratch_[me];
    if (reals_mine.size() < reals) reals_mine.resize(reals);
    if (floats_mine.size() < floats) floats_mine.assign(floats, 0.0f);
    // [zeros: nx, never written][discard: nx][x block or z chunk]
    float* zeros = floats_mine.data();
    const Scratch scratch{zeros + 2 * unx, zeros, zeros + unx, reals_mine.data()};
    if (xy) {
#pragma omp for schedule(static)
      for (int k = 0; k < nz; ++k)
        kernel.planeXY(data + static_cast<std::size_t>(k) * plane, nx, ny, c.x, c.y, scratch);
    }
    if (c.z.active) {
#pragma omp for schedule(static) nowait  // the region ends with a barrier anyway
      for (long b = 0; b < chunks; ++b) {
        const std::size_t first = static_cast<std::size_t>(b) * chunk;
        const std::size_t width = std::min(chunk, plane - first);
        kernel.columnsZ(data + first, plane, static_cast<int>(width), c.z, scratch);
      }
    }
  }
}

}  // namespace dermasim
