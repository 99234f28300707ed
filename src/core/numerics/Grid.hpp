#pragma once
// The tissue grid: a square patch, periodic at its sides, from the skin's reference surface
// down to the bottom of the dermis. Voxel (i, j, k) has its centre at x = (i + 1/2) dx,
// y = (j + 1/2) dx, depth z = (k + 1/2) dz; k = 0 is the top layer. x varies fastest.

#include <Eigen/Core>
#include <algorithm>
#include <cstddef>

namespace dermasim {

using Field = Eigen::ArrayXf;  // one value per voxel (3-D) or per column (2-D), x fastest

// n zeros, written into the field's memory on this thread. GCC folds an allocation followed by
// zeroing into calloc, whose fresh pages all map the kernel's one zero page until written: the
// first write to each then copies it and interrupts every core the process runs on to flush
// its TLB. In a parallel kernel that was 0.15 s of a run's first step on 2 threads. Written
// here, the pages are the process's own from the start. Large fields are written in pieces on
// every thread, which take the first-write faults side by side (the model's start-up allocates
// a dozen fields of ~5 MB).
//
//   Field f = writtenZeros(1000);  // f.sum() == 0, its pages resident
inline Field writtenZeros(Eigen::Index n) {
  Field f(n);
  float* data = f.data();
  asm volatile("" : : "r"(data) : "memory");  // keeps the fill apart from the allocation
  constexpr Eigen::Index kPiece = Eigen::Index{1} << 16;  // 256 kB
  const Eigen::Index pieces = (n + kPiece - 1) / kPiece;
#pragma omp parallel for schedule(static) if (pieces > 2)
  for (Eigen::Index p = 0; p < pieces; ++p)
    std::fill(data + p * kPiece, data + std::min(n, (p + 1) * kPiece), 0.0F);
  return f;
}

struct Grid {
  int nx = 0, ny = 0, nz = 0;
  double dx_mm = 0.025;  // across the skin, both x and y
  double dz_mm = 0.05;   // into the skin

  std::size_t columns() const {
    return static_cast<std::size_t>(nx) * static_cast<std::size_t>(ny);
  }
  std::size_t voxels() const { return columns() * static_cast<std::size_t>(nz); }
  std::size_t index(int i, int j, int k) const {
    return static_cast<std::size_t>(i) +
           static_cast<std::size_t>(nx) *
               (static_cast<std::size_t>(j) +
                static_cast<std::size_t>(ny) * static_cast<std::size_t>(k));
  }
  std::size_t column(int i, int j) const {
    return static_cast<std::size_t>(i) + static_cast<std::size_t>(nx) * static_cast<std::size_t>(j);
  }
  double depthMm(int k) const { return (k + 0.5) * dz_mm; }
  double sizeXMm() const { return nx * dx_mm; }
  double voxelVolumeMm3() const { return dx_mm * dx_mm * dz_mm; }

  // The same columns, one plane deep: for fields that live on a surface (the basal layer, the
  // nerves' flare) and spread only along it.
  Grid onePlane() const {
    Grid g = *this;
    g.nz = 1;
    return g;
  }

  Field zeros3() const { return writtenZeros(static_cast<Eigen::Index>(voxels())); }
  Field zeros2() const { return writtenZeros(static_cast<Eigen::Index>(columns())); }
};

}  // namespace dermasim
