#include "render/SurfaceMesh.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include "render/ColourSpace.hpp"

namespace dermasim::render {

namespace {

void checkSize(const char* what, std::size_t actual, std::size_t expected) {
  if (actual != expected) {
    throw std::invalid_argument(std::string("skin snapshot: ") + what + " has " +
                                std::to_string(actual) + " values, expected " +
                                std::to_string(expected));
  }
}

}  // namespace

void checkSnapshot(const SkinSnapshot& s) {
  if (s.nx < 1 || s.ny < 1 || s.nz < 1 || !(s.dx_mm > 0) || !(s.dz_mm > 0)) {
    throw std::invalid_argument("skin snapshot: empty grid (" + std::to_string(s.nx) + "x" +
                                std::to_string(s.ny) + "x" + std::to_string(s.nz) + ")");
  }
  const auto columns = static_cast<std::size_t>(s.nx) * static_cast<std::size_t>(s.ny);
  const auto cells = static_cast<std::size_t>(s.nx) * static_cast<std::size_t>(s.nz);
  checkSize("height_mm", s.height_mm.size(), columns);
  checkSize("srgb", s.srgb.size(), 3 * columns);
  if (s.sections.empty()) throw std::invalid_argument("skin snapshot: no section");
  for (const SkinSection& section : s.sections) {
    if (section.row < 0 || section.row >= s.ny) {
      throw std::invalid_argument("skin snapshot: section row " + std::to_string(section.row) +
                                  " outside the grid's " + std::to_string(s.ny) + " rows");
    }
    checkSize("section epidermis", section.epidermis.size(), cells);
    checkSize("section papillary", section.papillary.size(), cells);
    checkSize("section collagen1", section.collagen1.size(), cells);
    checkSize("section collagen3", section.collagen3.size(), cells);
    checkSize("section elastin", section.elastin.size(), cells);
    checkSize("section fibroblasts", section.fibroblasts.size(), cells);
    checkSize("section injury", section.injury.size(), cells);
    checkSize("section lumen", section.lumen.size(), cells);
  }
}

int meshStride(int nx, int ny, double columnPixels, double minCellPixels) {
  const int wanted =
      columnPixels > 0 ? static_cast<int>(std::floor(minCellPixels / columnPixels)) : 1;
  int best = 1;
  for (int stride = 2; stride <= std::min({wanted, nx, ny}); ++stride) {
    if (nx % stride == 0 && ny % stride == 0) best = stride;
  }
  return best;
}

SurfaceMesh buildSurfaceMesh(const SkinSnapshot& s, float reliefExaggeration, int stride) {
  checkSnapshot(s);
  if (stride < 1 || s.nx % stride != 0 || s.ny % stride != 0) {
    throw std::invalid_argument("surface mesh: stride " + std::to_string(stride) +
                                " does not divide the grid's " + std::to_string(s.nx) + "x" +
                                std::to_string(s.ny) + " columns");
  }
  SurfaceMesh mesh;
  mesh.stride = stride;
  mesh.columns = s.nx / stride + 1;
  mesh.rows = s.ny / stride + 1;
  const auto dx = static_cast<float>(s.dx_mm);
  mesh.patch_mm = dx * static_cast<float>(s.nx);
  const float half = mesh.patch_mm / 2;

  const auto column = [&](int i, int j) {
    const int wi = (i % s.nx + s.nx) % s.nx;
    const int wj = (j % s.ny + s.ny) % s.ny;
    return static_cast<std::size_t>(wi) + static_cast<std::size_t>(s.nx) * wj;
  };
  const auto height = [&](int i, int j) { return s.height_mm[column(i, j)] * reliefExaggeration; };

  // Full-resolution shading maps. Central differences across the periodic edges, so tiles shade
  // alike where they meet.
  mesh.map_nx = s.nx;
  mesh.map_ny = s.ny;
  const std::size_t columns = static_cast<std::size_t>(s.nx) * static_cast<std::size_t>(s.ny);
  mesh.normal_map.resize(3 * columns);
  mesh.albedo_map.resize(3 * columns);
  for (int j = 0; j < s.ny; ++j) {
    for (int i = 0; i < s.nx; ++i) {
      const std::size_t c = column(i, j);
      const float dzdx = (height(i + 1, j) - height(i - 1, j)) / (2 * dx);
      const float dzdy = (height(i, j + 1) - height(i, j - 1)) / (2 * dx);
      const float length = std::sqrt(dzdx * dzdx + dzdy * dzdy + 1);
      mesh.normal_map[3 * c] = -dzdx / length;
      mesh.normal_map[3 * c + 1] = -dzdy / length;
      mesh.normal_map[3 * c + 2] = 1 / length;
      for (int k = 0; k < 3; ++k) mesh.albedo_map[3 * c + k] = srgbToLinear(s.srgb[3 * c + k]);
    }
  }

  mesh.vertices.reserve(static_cast<std::size_t>(mesh.columns) * mesh.rows);
  for (int J = 0; J < mesh.rows; ++J) {
    for (int I = 0; I < mesh.columns; ++I) {
      const int i = I * stride, j = J * stride;
      const std::size_t c = column(i, j);
      SurfaceVertex v{};
      v.x = (static_cast<float>(i) + 0.5f) * dx - half;
      v.y = (static_cast<float>(j) + 0.5f) * dx - half;
      v.z = height(i, j);
      v.nx = mesh.normal_map[3 * c];
      v.ny = mesh.normal_map[3 * c + 1];
      v.nz = mesh.normal_map[3 * c + 2];
      v.r = mesh.albedo_map[3 * c];
      v.g = mesh.albedo_map[3 * c + 1];
      v.b = mesh.albedo_map[3 * c + 2];
      mesh.vertices.push_back(v);
    }
  }

  const int cellsX = mesh.columns - 1, cellsY = mesh.rows - 1;
  mesh.indices.reserve(static_cast<std::size_t>(cellsX) * cellsY * 6);
  for (int J = 0; J < cellsY; ++J) {
    for (int I = 0; I < cellsX; ++I) {
      const auto a = static_cast<std::uint32_t>(J * mesh.columns + I);
      const auto b = a + 1;
      const auto c = a + static_cast<std::uint32_t>(mesh.columns);
      const auto d = c + 1;
      // Counter-clockwise seen from above.
      mesh.indices.insert(mesh.indices.end(), {a, b, d, a, d, c});
    }
  }
  return mesh;
}

}  // namespace dermasim::render
