#pragma once
// The pipeline from a resolved scenario to results: each session's punctures now; the
// healing and remodelling of the tissue between sessions arrive with the healing model.

#include <functional>
#include <string_view>
#include <vector>

#include "core/Advisories.hpp"
#include "core/ModelParameters.hpp"
#include "core/NeedlingSession.hpp"
#include "core/Scenario.hpp"

namespace dermasim {

struct SessionResult {
  int index = 0;
  double day = 0;
  DeviceSettings device;
  SessionPunctures needling;
};

struct RunResult {
  ModelParameters parameters;
  Patch patch;
  std::vector<SessionResult> sessions;
  std::vector<Advisory> advisories;
};

// Called with the fraction done (0..1) and what is being worked on.
using ProgressFn = std::function<void(double fraction, std::string_view what)>;

RunResult simulate(const Scenario& scenario, const ProgressFn& progress = {});

}  // namespace dermasim
