#pragma once
// The skin surface of a snapshot as a triangle mesh, on the CPU: one vertex per column centre
// plus a wrapped row and column, so copies of the periodic patch placed side by side join
// without a seam. Positions in mm, the centre of the patch at x = y = 0.
#include <cstdint>
#include <vector>

#include "core/SkinSnapshot.hpp"

namespace dermasim::render {

struct SurfaceVertex {
  float x, y, z;     // mm; z is the height times the relief exaggeration
  float nx, ny, nz;  // unit normal of the exaggerated surface
  float r, g, b;     // linear-light sRGB of the skin
};

struct SurfaceMesh {
  int columns = 0, rows = 0;  // vertices per row and rows: nx + 1 and ny + 1
  float patch_mm = 0;         // side of the patch, the period of the tiling
  std::vector<SurfaceVertex> vertices;
  std::vector<std::uint32_t> indices;  // triangles
};

// Throws std::invalid_argument when the snapshot's maps do not match its grid.
SurfaceMesh buildSurfaceMesh(const SkinSnapshot& snapshot, float reliefExaggeration);

// Checks the per-column maps and section arrays against nx, ny and nz.
void checkSnapshot(const SkinSnapshot& snapshot);

}  // namespace dermasim::render
