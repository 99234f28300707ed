#pragma once
// What a careful practitioner would say about a plan before treating: contraindications,
// depths beyond what the site tolerates, sessions too close together.

#include <string>
#include <vector>

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

std::vector<Advisory> adviseOn(const Scenario& scenario);

}  // namespace dermasim
