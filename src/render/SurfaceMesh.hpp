#pragma once
// The skin surface of a snapshot as a triangle mesh, on the CPU: one vertex per `stride`-th
// column centre plus a wrapped row and column, so copies of the periodic patch placed side by
// side join without a seam, and full-resolution maps of the normal and colour for shading, so a
// coarser mesh (fewer triangles for a software rasterizer) keeps every detail of the light.
// Positions in mm, the centre of the patch at x = y = 0.
#include <cstdint>
#include <vector>

#include "core/readout/SkinSnapshot.hpp"

namespace dermasim::render {

struct SurfaceVertex {
  float x, y, z;     // mm; z is the height times the relief exaggeration
  float nx, ny, nz;  // unit normal of the exaggerated surface
  float r, g, b;     // linear-light sRGB of the skin
};

struct SurfaceMesh {
  int stride = 1;             // grid columns per mesh cell
  int columns = 0, rows = 0;  // vertices per row and rows: nx / stride + 1, ny / stride + 1
  float patch_mm = 0;         // side of the patch, the period of the tiling
  std::vector<SurfaceVertex> vertices;
  std::vector<std::uint32_t> indices;  // triangles
  // Per grid column (index i + nx j, nx x ny): unit normal of the exaggerated surface and
  // linear-light colour, 3 floats each.
  int map_nx = 0, map_ny = 0;
  std::vector<float> normal_map, albedo_map;
};

// Throws std::invalid_argument when the snapshot's maps do not match its grid. `stride` must
// divide nx and ny (see meshStride).
SurfaceMesh buildSurfaceMesh(const SkinSnapshot& snapshot, float reliefExaggeration,
                             int stride = 1);

// The largest stride dividing both nx and ny that keeps mesh cells at least `minCellPixels`
// wide when a grid column spans `columnPixels` on screen.
int meshStride(int nx, int ny, double columnPixels, double minCellPixels);

// Checks the per-column maps and section arrays against nx, ny and nz.
void checkSnapshot(const SkinSnapshot& snapshot);

}  // namespace dermasim::render
