#pragma once
// All the punctures one session leaves on the patch, pass by pass.

#include <cstdint>
#include <vector>

#include "core/devices/NeedleDevice.hpp"

namespace dermasim {

struct PunctureStats {
  std::size_t count = 0;
  double per_cm2 = 0;
  double mean_depth_mm = 0;
  double sd_depth_mm = 0;
  double max_depth_mm = 0;
  double mean_entry_angle_deg = 0;
  double mean_elongation = 1;
};

PunctureStats summarize(const std::vector<Puncture>& punctures, const Patch& patch);

struct SessionPunctures {
  std::vector<Puncture> punctures;  // ordered by pass, then as each pass drew them
  double nominal_per_cm2 = 0;       // the device geometry's promise for all passes
  PunctureStats stats;
};

// Passes run in parallel; each draws from its own counter-based stream keyed by
// (seed, session, pass), so the result does not depend on the thread count.
SessionPunctures needleSession(const DeviceSettings& device, const ModelParameters& parameters,
                               const Patch& patch, std::uint64_t seed, int sessionIndex);

}  // namespace dermasim
