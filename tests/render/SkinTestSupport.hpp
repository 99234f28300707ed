#pragma once
// What the SkinRenderer tests share: short simulations of the built-in scenarios on a coarse
// grid, and drawing into a headless context.
#include <algorithm>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

#include "core/Simulation.hpp"
#include "io/ScenarioFile.hpp"
#include "render/HeadlessContext.hpp"
#include "render/Image.hpp"
#include "render/SkinRenderer.hpp"

namespace dermasim::testing {

// The skin on the given days, simulating only up to the last of them (the skin on a day does not
// depend on later sessions; render_skin_test checks this).
inline std::vector<SkinSnapshot> snapshots(Scenario scenario, std::vector<double> days,
                                           int sectionCount = 1) {
  const double last = *std::max_element(days.begin(), days.end());
  scenario.duration_days = last;
  std::erase_if(scenario.sessions, [&](const SessionPlan& p) { return p.day > last; });
  RunOptions options;
  options.snapshot_days = std::move(days);
  options.section_count = sectionCount;
  RunResult result = simulate(scenario, options);
  REQUIRE(result.snapshots.size() == options.snapshot_days.size());
  return std::move(result.snapshots);
}

// The default scenario's acne scars, on a grid four times coarser so tests are quick.
inline Scenario coarseAcneScars() {
  Scenario s = loadBuiltinScenario("acne_scars_pen");
  s.model.lateral_resolution_um = 50;
  return s;
}

inline render::Image draw(render::HeadlessContext& context, render::SkinRenderer& renderer,
                          const render::RenderOptions& options) {
  context.makeCurrent();
  renderer.draw({0, 0, context.width(), context.height()}, options);
  return context.readPixels();
}

}  // namespace dermasim::testing
