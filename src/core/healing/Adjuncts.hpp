#pragma once
// What is put on the skin right after a session, and what of it gets in. Hydrophilic serums and
// the proteins of platelet-rich plasma (PRP) cross intact stratum corneum hardly at all: they
// enter through the channels the needles left open, so both are read from the simulated
// channels at the moment they are applied. A serum fills the open lumen and spreads from each
// channel's walls for as long as the channel's opening stays open (it is supplied from the
// film on the surface only until the epidermis seals); PRP carries platelet growth factors
// (PDGF, TGF-beta, VEGF) into the same lumen, where they join the matrix-bound growth factors
// the injury releases (HealingModel's paracrine field).
//
//   Field lumen;
//   model.lumenNow(lumen);                       // open share of each voxel, now
//   const AdjunctParameters a = AdjunctParameters::from(parameters);
//   if (adjuncts.prp) model.addGrowthFactors(lumen, a.prp_growth_factor_load);
//   SerumUptake u = serumUptake(lumen, grid, model.channels().meanBarrierOpenDays(),
//                               a.serumDiffusivityUm2s(adjuncts.serum), density);

#include "core/numerics/Grid.hpp"
#include "core/parameters/ModelParameters.hpp"
#include "core/scenario/Scenario.hpp"

namespace dermasim {

struct SerumUptake {
  double taken_ul_cm2 = 0;      // serum the open channels take in, uL per cm2 of skin
  double mean_depth_mm = 0;     // mean depth of what they take in
  double deepest_mm = 0;        // depth above which 95 % of it lies
  double reach_um = 0;          // how far it spreads from a channel's wall before the opening seals
  double covered_fraction = 0;  // share of the skin within that reach of a channel
  double open_hours = 0;        // mean time the channels' openings stay open after the session
};

// The parameter table's adjunct.* rows.
struct AdjunctParameters {
  double prp_growth_factor_load;  // per voxel of open lumen, in the paracrine field's units
  double hyaluronic_acid_diffusivity_um2_s, vitamin_c_diffusivity_um2_s;
  static AdjunctParameters from(const ModelParameters& p);
  // Diffusivity in the dermis of `serum`'s active molecule, um2/s; 0 for none.
  double serumDiffusivityUm2s(Serum serum) const;
};

// `lumen`: open share of each voxel when the serum goes on; `openDays`: mean time the
// channels' openings stay open from then; `puncturesPerCm2`: the session's channels.
SerumUptake serumUptake(const Field& lumen, const Grid& grid, double openDays,
                        double diffusivityUm2s, double puncturesPerCm2);

}  // namespace dermasim
