#pragma once
// Diffusion and decay of one substance in the tissue, du/dt = D lap(u) - lambda u, in the
// style of BioFVM: cell-centred finite volumes on the Grid, periodic in x and y (the patch
// repeats sideways), no flux through the skin surface (k = 0) and the bottom face (k = nz-1).
//
// One step is locally one-dimensional implicit Euler: three tridiagonal solves, along y, x and
// z, each (I - dt D d^2/dx_d^2) u_new = u_old, and the exact decay factor exp(-lambda dt).
// Because D and lambda are uniform, the decay commutes with diffusion, so applying it exactly
// (folded into the z solve, at no cost) adds no splitting error and is exact for any step.
// The step is first order in time, second order in space, unconditionally stable, and keeps
// the field non-negative and (for lambda = 0) its total: every matrix is an M-matrix with unit
// column sums, and the solves (Thomas; the periodic ones without Sherman-Morrison) never
// subtract. D is deliberately uniform (one value for epidermis and dermis): the coefficients
// of a direction are then shared by all its lines, computed once per step size (a few are
// cached), and the sweeps stay plain streaming loops.
//
// The field is float; the recurrences run in double, so the total drifts by ~1e-10 relative
// per step rather than ~1e-7. Units: mm, days. Not thread-safe per object (step() updates a
// cache and scratch); it uses OpenMP inside, and its result is bitwise the same for any number
// of threads and on any x86-64 (SSE2, AVX2 and AVX-512 code paths agree).

#include <vector>

#include "core/numerics/Grid.hpp"

namespace dermasim {

class LodDiffusion {
 public:
  LodDiffusion(const Grid& grid, double diffusivity_mm2_per_day, double decay_per_day);

  // Advances u (grid.voxels() values) by dt_days >= 0. Throws std::invalid_argument on a
  // wrongly sized field or a negative or non-finite step.
  void step(Field& u, double dt_days);

  const Grid& grid() const { return grid_; }
  double diffusivityMm2PerDay() const { return diffusivity_; }
  double decayPerDay() const { return decay_; }

  // Solver coefficients of one direction for one step size, in double (public for the
  // implementation's free functions; not part of the interface).
  struct Line {
    int n = 0;
    bool active = false;  // false: the solve is the identity and is skipped
    // Thomas factors, forward d_i = m_i f_i + e_i d_(i-1), back u_i = d_i + e_i u_(i+1).
    // Periodic lines eliminate cell 0 last (see LodDiffusion.cpp); index 0 is then unused.
    std::vector<double> m, e;
    // Periodic only: forward also sums p_1 = sum g_i d_i, then u_0 = s f_0 + a (p_1 + d_(n-1))
    // and back substitution is u_i = d_i + q_i u_0 + e_i u_(i+1).
    std::vector<double> g, q;
    double s = 1.0, a = 0.0;
    int last_g = 0;  // g_i == 0 beyond this index: those terms are skipped
  };

 private:
  struct Coefficients {
    double dt = 0.0;
    Line x, y, z;
  };
  const Coefficients& coefficients(double dt_days);

  Grid grid_;
  double diffusivity_;
  double decay_;
  std::vector<Coefficients> cache_;  // most recently used first, a few step sizes
  // Per-thread scratch of the sweeps, kept between steps (see step()).
  std::vector<std::vector<double>> real_scratch_;
  std::vector<std::vector<float>> float_scratch_;
};

}  // namespace dermasim
