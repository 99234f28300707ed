#pragma once
// The pipeline from a resolved scenario to results: each session's punctures land on the
// tissue, which heals and remodels between sessions and after the last one.

#include <exception>
#include <functional>
#include <string_view>
#include <vector>

#include "core/devices/NeedlingSession.hpp"
#include "core/parameters/ModelParameters.hpp"
#include "core/readout/SkinReadout.hpp"
#include "core/readout/SkinSnapshot.hpp"
#include "core/scenario/Scenario.hpp"

namespace dermasim {

struct SessionResult {
  int index = 0;
  double day = 0;
  DeviceSettings device;
  SessionPunctures needling;
  double blood_released_mm3 = 0;
  double downtime_days = 0;  // until erythema falls below 0.1
  double peak_erythema = 0;
};

struct Outcome {
  double improvement_pct = 0;
  double collagen_rel = 1;
  double collagen1_rel = 1, collagen3_rel = 1, elastin_rel = 1;
  double papillary_collagen_rel = 1;
  double epidermis_rel = 1;
  double roughness_um = 0, baseline_roughness_um = 0;
  double scar_depth_um = 0, baseline_scar_depth_um = 0;
};

struct RunResult {
  ModelParameters parameters;
  Patch patch;
  Grid grid;
  std::vector<SessionResult> sessions;
  std::vector<SkinReading> timeseries;  // day 0 (untreated) first, then after every step
  Outcome outcome;
  std::vector<SkinSnapshot> snapshots;  // at the requested days, in order
};

struct RunOptions {
  // Days at which to capture the skin for drawing (the state at the first step at or after
  // each day; day 0 is the untreated skin). Out-of-range days are clamped.
  std::vector<double> snapshot_days;
  // Vertical sections each snapshot keeps, spread evenly across the patch (see sectionRows):
  // 1 for an image, more for a viewer that moves the section.
  int section_count = 1;
};

// Called with the fraction done (0..1) and what is being worked on. It may throw Cancelled to
// stop the run.
using ProgressFn = std::function<void(double fraction, std::string_view what)>;

// Thrown by a ProgressFn to stop a run early (the viewer does when a newer run replaces it);
// simulate() lets it propagate, so a cancelled run returns nothing.
struct Cancelled : std::exception {
  const char* what() const noexcept override { return "simulation cancelled"; }
};

RunResult simulate(const Scenario& scenario, const ProgressFn& progress = {},
                   const RunOptions& options = {});

// Time steps simulate() takes for `scenario`, without simulating (for resource estimates).
std::size_t countTimeSteps(const Scenario& scenario, const ModelParameters& parameters);

// Days after `sessionDay` until erythema first falls below `threshold` after its peak;
// 0 when it never rises above it. Linear between readings.
double downtimeDays(const std::vector<SkinReading>& series, double sessionDay,
                    double nextSessionDay, double threshold = 0.1);

}  // namespace dermasim
