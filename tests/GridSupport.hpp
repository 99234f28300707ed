#pragma once
// For tests of the numerics: a bare grid of nx x ny x nz voxels of dx across and dz deep (mm).
//
//   const Grid g = makeGrid(24, 20, 12, 0.075, 0.05);

#include "core/numerics/Grid.hpp"

namespace dermasim {

inline Grid makeGrid(int nx, int ny, int nz, double dx = 0.025, double dz = 0.05) {
  Grid g;
  g.nx = nx;
  g.ny = ny;
  g.nz = nz;
  g.dx_mm = dx;
  g.dz_mm = dz;
  return g;
}

}  // namespace dermasim
