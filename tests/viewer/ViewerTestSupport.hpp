#pragma once
// Scenarios short enough for the viewer's tests: a built-in series cut to its first session, on a
// coarse grid, over `days` days (about a second to simulate).
#include "core/scenario/Scenario.hpp"
#include "io/ScenarioFile.hpp"

namespace dermasim::viewer::test {

inline Scenario oneSession(const char* builtin = "acne_scars_pen", double days = 21) {
  Scenario s = loadBuiltinScenario(builtin);
  s.model.lateral_resolution_um = 50;
  s.duration_days = days;
  s.sessions.resize(1);
  return s;
}

// Two weeks after one session on a small patch at 100 um, twice as fine as the viewer's preview:
// a preview and its refinement in a fraction of a second.
inline Scenario smallPatch() {
  Scenario s = oneSession("acne_scars_pen", 14);
  s.model.lateral_resolution_um = 100;
  s.model.patch_size_mm = 8;
  return s;
}

}  // namespace dermasim::viewer::test
