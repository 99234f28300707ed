#pragma once
// Stamps a session's punctures into the tissue: the track each needle tore (injury), the
// blood it draws where it cuts vessels. (The tethers it cuts under rolling scars: ScarTethers.)

#include <vector>

#include "core/devices/Puncture.hpp"
#include "core/numerics/Grid.hpp"
#include "core/parameters/ModelParameters.hpp"
#include "core/tissue/TissueState.hpp"

namespace dermasim {

struct TrackGeometry {
  double tip_half_angle_deg;
  double lumen_recoil;    // open channel width / opening width after the needle leaves
  double injury_halo_mm;  // crushed tissue around the track
  double bleed_volume_per_vessel_volume;
  static TrackGeometry from(const ModelParameters& p);
};

struct TrackStamp {
  double blood_released_mm3 = 0;  // over the whole patch; exactly what the surface film gains
  int punctures = 0;
};

// Injury and lumen take the union (max) of overlapping tracks: tissue is torn or not, however
// many needles pass; so the result does not depend on the order punctures are stamped in.
// Bleeding is bounded the same way: each puncture bleeds only from vessels no earlier puncture
// of this call has cut, so a session never releases more than the bleed ratio times the vessel
// volume down to its deepest puncture (each call is one session: vessels have reformed since
// the last). `vessels` is the blood-vessel volume fraction per depth cell.
TrackStamp stampTracks(const Grid& grid, const std::vector<float>& vessels,
                       const std::vector<Puncture>& punctures, const TrackGeometry& geometry,
                       TissueState& state);

}  // namespace dermasim
