#pragma once
// What a careful practitioner would say about a plan before treating: contraindications,
// depths beyond what the site tolerates, sessions too close together, sessions so dense that
// their openings run together. The findings are derived from the knowledge table
// (KnowledgeTable.hpp, Findings.hpp); this header keeps their shape and the density estimate.
//
//   for (const Advisory& a : findingsFor(scenario))  // Findings.hpp
//     std::printf("%s %s: %s\n", toString(a.level).data(), a.code.c_str(), a.message.c_str());

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
  // The knowledge-table row the finding comes from, with its grade (Provenance::cite()); empty
  // for findings that rest on the model alone.
  std::string source;
};

std::string_view toString(AdvisoryLevel level);

// How much of the surface one session's openings cover, estimated from the settings before
// anything is simulated: the nominal density of all passes times the area of an opening at
// the mean depth (torn long by a roller, drawn out by a pen's glide), for openings placed at
// random, 1 - exp(-density x area). Overlaps keep it below 1 however dense the session.
// The open surface an hour later is the same for the channels the openings leave: narrowed by
// the tissue's recoil, then closing at the walls' speed (the model's open_surface_fraction).
struct OpeningCoverage {
  double punctures_per_cm2 = 0;
  double mean_depth_mm = 0;  // the tracks' mean depth: needle length times the penetration
  double opening_width_mm = 0;
  double opening_length_mm = 0;
  double covered_fraction = 0;
  double open_surface_fraction = 0;  // an hour after the session
};
OpeningCoverage estimateOpeningCoverage(const DeviceSettings& device,
                                        const ModelParameters& parameters);

}  // namespace dermasim
