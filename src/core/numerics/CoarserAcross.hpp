#pragma once
// A grid `factor` times coarser across the skin (x and y) with the same depth planes, and the
// transfers between it and the fine grid one depth plane at a time. For a substance that is
// smooth across over many fine cells (the vasoactive mediators reach ~0.85 mm, eleven 75 um
// cells) and may be spread on fewer cells, together with what it alone acts on (the vessels'
// dilation and the infiltrate).
//
// - restrictPlane: each coarse cell gets the mean of its factor x factor fine cells (the
//   amount is kept: the coarse cell's volume is factor^2 fine cells').
// - prolongPlane: each fine cell gets the bilinear interpolation of the four coarse cell centres
//   around its own centre, periodic like the grid. Weights are non-negative (a non-negative
//   field stays so), constants are kept, a field linear across is reproduced, and every coarse
//   cell hands out factor^2 of its value in all (the amount is kept too).
//
//   const CoarserAcross across(fine, 2);              // 200 x 200 x 31 -> 100 x 100 x 31
//   across.restrictPlane(fineRelease, coarseRelease);  // one plane, fine -> coarse
//   across.prolongPlane(coarseField, fineField);       // one plane, coarse -> fine
//   across.restrictField(fineSource, coarseSource);    // every plane
//
// A factor that does not divide nx and ny is lowered to the largest one that does. Plain
// loops, no state but the weights (and a row of scratch per thread): thread-safe, the same
// numbers on any thread count.

#include <cstddef>
#include <vector>

#include "core/numerics/Grid.hpp"

namespace dermasim {

class CoarserAcross {
 public:
  // factor >= 1; 1 makes the transfers plain copies.
  CoarserAcross(const Grid& fine, int factor);

  const Grid& fine() const { return fine_; }
  const Grid& coarse() const { return coarse_; }
  int factor() const { return factor_; }

  // One depth plane: `fine` holds fine().columns() values, `coarse` coarse().columns().
  void restrictPlane(const float* fine, float* coarse) const;
  void prolongPlane(const float* coarse, float* fine) const;
  // A whole field (every depth plane): `coarse` gains the restriction of `fine`.
  void addRestricted(const Field& fine, Field& coarse) const;
  // A whole field, plane by plane in parallel (`to` sized to its grid first): the restriction
  // of `fine`, or the prolongation of `coarse`, the same numbers as restrictPlane and
  // prolongPlane.
  void restrictField(const Field& fine, Field& to) const;
  void prolongField(const Field& coarse, Field& to) const;

 private:
  // For each fine index along one direction: the coarse cells on either side of its centre and
  // the weight of the second.
  struct Neighbours {
    int below = 0, above = 0;
    int offset = 0;  // below, unwrapped, less the coarse cell holding the fine one (-1 or 0)
    float weight_above = 0;
  };
  static std::vector<Neighbours> neighbours(int fineCells, int factor);

  Grid fine_, coarse_;
  int factor_ = 1;
  std::vector<Neighbours> alongX_, alongY_;
  // The x weights and offsets of fine cells 0 .. factor - 1, shared by every coarse cell.
  std::vector<float> rowWeight_;
  std::vector<std::ptrdiff_t> rowBelow_;
};

}  // namespace dermasim
