#pragma once
// The fibrous bands that tether rolling scars to deeper tissue, and their release by needling:
// the needling analogue of subcision. A band runs from the scar's floor (the bottom of its
// missing tissue) to the bottom of the dermis. Every track that crosses it there cuts a share of
// the band in proportion to the stretch of band it crosses, and a cut band lets go of the scar
// over its whole area, not only at the column the needle entered (docs/MODEL.md section 2.6).
//
//   ScarTethers tethers(baseline, ScarTethers::Parameters::from(parameters));
//   tethers.cut(punctures, state.tether);  // state.tether = baseline tether x band left

#include <vector>

#include "core/devices/Puncture.hpp"
#include "core/parameters/ModelParameters.hpp"
#include "core/tissue/BaselineSkin.hpp"

namespace dermasim {

class ScarTethers {
 public:
  struct Parameters {
    double cut_fraction;  // share of a band one track crossing all of it cuts
    static Parameters from(const ModelParameters& p);
  };

  ScarTethers(const BaselineSkin& baseline, Parameters parameters);

  // Cuts the bands the punctures cross and sets `tether` (2-D, per column) to each tethered
  // column's baseline tether times the share of its scar's band left.
  void cut(const std::vector<Puncture>& punctures, Field& tether);

  // Share of scar `index`'s band still uncut, 0..1.
  double bandLeft(std::size_t index) const { return left_[index]; }
  // Depth (mm) at which scar `index`'s band starts: the bottom of its missing tissue.
  double bandTopMm(std::size_t index) const { return top_[index]; }

 private:
  Grid grid_;
  Parameters p_;
  double bottomMm_;  // bottom of the dermis, where every band ends
  Field scarIndex_, baseTether_;
  std::vector<bool> rolling_;  // per scar
  std::vector<double> top_;    // per scar
  std::vector<double> left_;   // per scar
};

}  // namespace dermasim
