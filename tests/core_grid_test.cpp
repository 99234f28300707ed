#include "core/numerics/Grid.hpp"

#include <sys/mman.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdint>
#include <vector>

using namespace dermasim;

namespace {

// How many of the whole pages inside [data, data + bytes) are resident.
std::size_t residentPages(const void* data, std::size_t bytes, std::size_t& pages) {
  const auto page = static_cast<std::uintptr_t>(sysconf(_SC_PAGESIZE));
  const auto begin = (reinterpret_cast<std::uintptr_t>(data) + page - 1) / page * page;
  const auto end = (reinterpret_cast<std::uintptr_t>(data) + bytes) / page * page;
  pages = (end - begin) / page;
  std::vector<unsigned char> in(pages);
  if (mincore(reinterpret_cast<void*>(begin), end - begin, in.data()) != 0) return 0;
  std::size_t resident = 0;
  for (unsigned char p : in) resident += p & 1U;
  return resident;
}

}  // namespace

TEST_CASE("Grid: voxels and columns are indexed x fastest, then y, then depth") {
  Grid g;
  g.nx = 4;
  g.ny = 3;
  g.nz = 2;
  CHECK(g.columns() == 12);
  CHECK(g.voxels() == 24);
  CHECK(g.index(1, 0, 0) == 1);
  CHECK(g.index(0, 1, 0) == 4);
  CHECK(g.index(0, 0, 1) == 12);
  CHECK(g.column(3, 2) == 11);
  CHECK(g.onePlane().voxels() == 12);
}

TEST_CASE("Grid: a field of zeros is written into its own pages, not left to the zero page") {
  // 16 MB: far above the size malloc takes fresh from the kernel. Zeros promised by calloc
  // leave such pages unmapped until first touched, and a parallel kernel's first write to each
  // then costs a copy and a TLB flush on every core.
  Grid g;
  g.nx = 256;
  g.ny = 256;
  g.nz = 64;
  const Field f = g.zeros3();
  REQUIRE(static_cast<std::size_t>(f.size()) == g.voxels());
  std::size_t pages = 0;
  const std::size_t resident = residentPages(f.data(), g.voxels() * sizeof(float), pages);
  REQUIRE(pages > 1000);
  CHECK(resident == pages);
  CHECK((f == 0.0F).all());
  CHECK((g.zeros2() == 0.0F).all());
}
