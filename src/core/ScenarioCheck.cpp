#include "core/ScenarioCheck.hpp"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/Simulation.hpp"
#include "core/devices/NeedleDevice.hpp"
#include "core/parameters/ModelParameters.hpp"
#include "core/tissue/BaselineSkin.hpp"

namespace dermasim {
namespace {

// Measured peak memory of `dermasim run` grows by ~74 B per voxel (fields, their diffusion
// solvers' work arrays, the readout's maps; 68 B before the mediators' steady-state-exact
// spread kept its defect and change), so 80 B leaves a margin; plus a fixed part for the
// program itself.
constexpr double kBytesPerVoxel = 80;
constexpr double kFixedBytes = 64e6;
// A stored puncture with its share of the needle-track work, in bytes.
constexpr double kBytesPerPuncture = 160;
// A whole series costs ~19 ns per voxel and step on one idle core of the reference machine:
// 14.7 ns measured end to end (README, series_bench) at 244 steps, times 1.31 for the finer
// mediator sub-steps of issue 11. Since, the quiet weeks' long steps (129 steps, each dearer on
// average: 0.63 x the time) and the mediators' steady-state-exact spread (0.88 x) make it
// ~15.5 ns; 19 is kept as the margin of an estimate.
constexpr double kSecondsPerVoxelStep = 19e-9;
// The share of physical memory a run may plan to use: the rest is the system's and the viewer's.
constexpr double kUsableMemoryShare = 0.8;

std::string humanBytes(double bytes) {
  char buffer[32];
  if (bytes >= 1e9)
    std::snprintf(buffer, sizeof buffer, "%.1f GB", bytes / 1e9);
  else
    std::snprintf(buffer, sizeof buffer, "%.0f MB", std::ceil(bytes / 1e6));
  return buffer;
}

std::string humanCount(double n) {
  char buffer[32];
  if (n >= 1e6)
    std::snprintf(buffer, sizeof buffer, "%.1f M", n / 1e6);
  else
    std::snprintf(buffer, sizeof buffer, "%.0f", n);
  return buffer;
}

std::string humanSeconds(double s) {
  char buffer[32];
  if (s < 90)
    std::snprintf(buffer, sizeof buffer, "%.0f s", std::max(1.0, s));
  else if (s < 5400)
    std::snprintf(buffer, sizeof buffer, "%.0f min", s / 60);
  else
    std::snprintf(buffer, sizeof buffer, "%.1f h", s / 3600);
  return buffer;
}

// The settings that set a device's puncture density, as "key = value" for messages.
std::string densitySettings(const DeviceSettings& d, const std::string& prefix) {
  char buffer[256];
  if (d.type == DeviceType::Pen)
    std::snprintf(buffer, sizeof buffer,
                  "%s.needles = %d, %s.frequency_hz = %g, %s.glide_speed_mm_s = %g, "
                  "%s.cartridge_width_mm = %g, %s.passes = %d",
                  prefix.c_str(), d.needles, prefix.c_str(), d.frequency_hz, prefix.c_str(),
                  d.glide_speed_mm_s, prefix.c_str(), d.cartridge_width_mm, prefix.c_str(),
                  d.passes);
  else
    std::snprintf(buffer, sizeof buffer,
                  "%s.needles = %d, %s.drum_diameter_mm = %g, %s.drum_width_mm = %g, "
                  "%s.passes = %d",
                  prefix.c_str(), d.needles, prefix.c_str(), d.drum_diameter_mm, prefix.c_str(),
                  d.drum_width_mm, prefix.c_str(), d.passes);
  return buffer;
}

double punctureDensity(const DeviceSettings& device, const ModelParameters& p) {
  return makeNeedleDevice(device, p)->nominalDensityPerPassCm2() * device.passes;
}

}  // namespace

MachineLimits MachineLimits::thisMachine() {
  const long pages = sysconf(_SC_PHYS_PAGES);
  const long pageSize = sysconf(_SC_PAGESIZE);
  MachineLimits limits;
  limits.memory_bytes =
      pages > 0 && pageSize > 0
          ? kUsableMemoryShare * static_cast<double>(pages) * static_cast<double>(pageSize)
          : 4e9;  // unknown: assume a small machine
  return limits;
}

ResourceEstimate estimateResources(const Scenario& scenario) {
  const ModelParameters p = ModelParameters::withOverrides(scenario.parameter_overrides);
  ResourceEstimate e;
  e.grid = gridFor(scenario, p);
  e.voxels = e.grid.voxels();
  const StepCount count = countTimeSteps(scenario, p);
  e.time_steps = count.steps;
  e.readings = count.readings;
  const double areaCm2 = Patch{e.grid.sizeXMm()}.areaCm2();
  double allPunctures = 0;
  for (const SessionPlan& plan : scenario.sessions) {
    const double density = punctureDensity(plan.device, p);
    allPunctures += density * areaCm2;
    if (density > e.max_punctures_per_cm2) {
      e.max_punctures_per_cm2 = density;
      e.max_punctures = density * areaCm2;
    }
  }
  const auto voxels = static_cast<double>(e.voxels);
  e.memory_bytes = kFixedBytes + kBytesPerVoxel * voxels + kBytesPerPuncture * allPunctures;
  e.seconds_one_core = kSecondsPerVoxelStep * voxels * static_cast<double>(e.time_steps);
  return e;
}

std::string describe(const ResourceEstimate& e) {
  char buffer[256];
  std::snprintf(buffer, sizeof buffer,
                "grid %d x %d x %d (%s voxels), about %s of memory, %zu time steps, up to %s "
                "punctures/cm2 in a session, about %s on one core",
                e.grid.nx, e.grid.ny, e.grid.nz, humanCount(static_cast<double>(e.voxels)).c_str(),
                humanBytes(e.memory_bytes).c_str(), e.time_steps,
                humanCount(std::round(e.max_punctures_per_cm2)).c_str(),
                humanSeconds(e.seconds_one_core).c_str());
  return buffer;
}

std::vector<ScenarioProblem> validateScenario(const Scenario& scenario,
                                              const MachineLimits& limits) {
  std::vector<ScenarioProblem> problems = checkScenarioRules(scenario);
  if (!problems.empty()) return problems;

  const ModelParameters p = ModelParameters::withOverrides(scenario.parameter_overrides);
  for (std::size_t i = 0; i < scenario.sessions.size(); ++i) {
    const DeviceSettings& device = scenario.sessions[i].device;
    const double density = punctureDensity(device, p);
    if (density <= kMaxPuncturesPerCm2PerSession) continue;
    // A session that only inherits [device] is named by the table the user can change.
    const bool own = !scenario.sessions[i].origin.empty();
    const std::string where = own ? sessionLabel(scenario, i) : "device";
    char text[160];
    std::snprintf(text, sizeof text,
                  "would make about %s punctures/cm2 in one session, at most %g: fewer passes, "
                  "needles or stamps per mm (",
                  humanCount(std::round(density)).c_str(), kMaxPuncturesPerCm2PerSession);
    problems.push_back({where + ".passes", text + densitySettings(device, where) + ")",
                        std::to_string(device.passes)});
    return problems;
  }

  const ResourceEstimate need = estimateResources(scenario);
  if (need.memory_bytes > limits.memory_bytes) {
    char text[320];
    std::snprintf(text, sizeof text,
                  "the grid %d x %d x %d (%s voxels, from model.patch_size_mm, "
                  "model.lateral_resolution_um, model.depth_resolution_um and the skin's depth at "
                  "patient.site) needs about %s of memory, more than the %s this machine can give; "
                  "use a coarser resolution or a smaller patch",
                  need.grid.nx, need.grid.ny, need.grid.nz,
                  humanCount(static_cast<double>(need.voxels)).c_str(),
                  humanBytes(need.memory_bytes).c_str(), humanBytes(limits.memory_bytes).c_str());
    char got[64];
    std::snprintf(got, sizeof got, "%g um", scenario.model.lateral_resolution_um);
    problems.push_back({"model.lateral_resolution_um", text, got});
  }
  return problems;
}

}  // namespace dermasim
