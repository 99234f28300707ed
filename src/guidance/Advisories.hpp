#pragma once
// What a careful practitioner would say about a plan before treating: contraindications,
// depths beyond what the site tolerates, sessions too close together, sessions so dense that
// their openings run together.

#include <string>
#include <vector>

#include "core/parameters/ModelParameters.hpp"
#include "core/scenario/Scenario.hpp"

namespace dermasim {

enum class AdvisoryLevel { Note, Warning, Error };

struct Advisory {
  AdvisoryLevel level;
  std::string code;
  std::string message;
};

std::string_view toString(AdvisoryLevel level);

// Deepest needle makers' charts suggest for a site (calibration sheet section 6), mm.
double maxGuidedDepthMm(Site site, Indication indication);

// How much of the surface one session's openings cover, estimated from the settings before
// anything is simulated: the nominal density of all passes times the area of an opening at
// the mean depth (torn long by a roller, drawn out by a pen's glide), for openings placed at
// random, 1 - exp(-density x area). Overlaps keep it below 1 however dense the session.
// The open surface an hour later is the same for the channels the openings leave: narrowed by
// the tissue's recoil, then closing at the walls' speed (the model's open_surface_fraction).
struct OpeningCoverage {
  double punctures_per_cm2 = 0;
  double opening_width_mm = 0;
  double opening_length_mm = 0;
  double covered_fraction = 0;
  double open_surface_fraction = 0;  // an hour after the session
};
OpeningCoverage estimateOpeningCoverage(const DeviceSettings& device,
                                        const ModelParameters& parameters);

std::vector<Advisory> adviseOn(const Scenario& scenario);

}  // namespace dermasim
