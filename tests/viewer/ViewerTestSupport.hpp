#pragma once
// Scenarios short enough for the viewer's tests: a built-in series cut to its first session, on a
// coarse grid, over `days` days (about a second to simulate).
#include <chrono>
#include <thread>

#include "core/scenario/Scenario.hpp"
#include "io/ScenarioFile.hpp"
#include "viewer/ViewerState.hpp"

namespace dermasim::viewer::test {

inline Scenario oneSession(const char* builtin = "acne_scars_pen", double days = 21) {
  Scenario s = loadBuiltinScenario(builtin);
  s.model.lateral_resolution_um = 50;
  s.duration_days = days;
  s.sessions.resize(1);
  return s;
}

// `days` (two weeks unless said) after one session on a small patch at 100 um, twice as fine as
// the viewer's preview: a preview and its refinement in a fraction of a second, cheap enough for
// the sanitizer run.
inline Scenario smallPatch(const char* builtin = "acne_scars_pen", double days = 14) {
  Scenario s = oneSession(builtin, days);
  s.model.lateral_resolution_um = 100;
  s.model.patch_size_mm = 8;
  return s;
}

// smallPatch() named `name`, its sessions' needles `depthMm` long: one side of a comparison.
inline Scenario penAt(double depthMm, const char* name) {
  Scenario s = smallPatch();
  s.name = name;
  for (SessionPlan& session : s.sessions) session.device.needle_length_mm = depthMm;
  return s;
}

// Polls like the UI thread does, once a frame, until nothing is running.
inline bool settle(ViewerState& state, std::chrono::seconds limit = std::chrono::seconds(120)) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (state.busy()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(16));
    pollWorker(state);
  }
  return true;
}

}  // namespace dermasim::viewer::test
