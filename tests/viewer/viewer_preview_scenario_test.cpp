// The viewer's preview: the same scenario on a coarser grid with longer steps, which a scenario
// file would accept, much cheaper than the scenario itself, and the same every time.
#include <catch2/catch.hpp>

#include <chrono>

#include "core/ScenarioCheck.hpp"
#include "core/Simulation.hpp"
#include "io/ScenarioFile.hpp"
#include "viewer/PreviewScenario.hpp"

using namespace dermasim;
using namespace dermasim::viewer;

TEST_CASE("previewScenario: the same treatment on a coarser grid with longer steps", "[preview]") {
  const Scenario full = loadBuiltinScenario("acne_scars_pen");
  const Scenario preview = previewScenario(full);
  CHECK(preview.model.lateral_resolution_um == kPreviewLateralResolutionUm);
  CHECK(preview.model.lateral_resolution_um > full.model.lateral_resolution_um);
  CHECK(preview.model.depth_resolution_um == kPreviewDepthResolutionUm);
  CHECK(preview.model.depth_resolution_um > full.model.depth_resolution_um);
  CHECK(preview.model.time_step_scale == kPreviewTimeStepScale);
  // Same skin, same treatment: only the model's grid and steps differ.
  CHECK(preview.model.patch_size_mm == full.model.patch_size_mm);
  CHECK(preview.seed == full.seed);
  CHECK(preview.duration_days == full.duration_days);
  REQUIRE(preview.sessions.size() == full.sessions.size());
  for (std::size_t i = 0; i < full.sessions.size(); ++i) {
    CHECK(preview.sessions[i].day == full.sessions[i].day);
    CHECK(preview.sessions[i].device.needle_length_mm == full.sessions[i].device.needle_length_mm);
  }
  CHECK(preview.patient.scars.count_per_cm2 == full.patient.scars.count_per_cm2);
  CHECK(preview.parameter_overrides == full.parameter_overrides);
  CHECK(validateScenario(preview).empty());
}

TEST_CASE("previewScenario: a scenario already coarser keeps its own grid", "[preview]") {
  Scenario coarse = loadBuiltinScenario("acne_scars_pen");
  coarse.model.depth_resolution_um = 150;
  coarse.model.lateral_resolution_um = 200;
  const Scenario preview = previewScenario(coarse);
  CHECK(preview.model.depth_resolution_um == 150);
  CHECK(preview.model.lateral_resolution_um == 200);
  CHECK(validateScenario(preview).empty());
}

TEST_CASE("previewScenario: a fraction of the work, and deterministic", "[series][preview]") {
  Scenario full = loadBuiltinScenario("acne_scars_pen");
  full.duration_days = 40;  // two sessions: the test stays short
  full.sessions.resize(2);
  const Scenario preview = previewScenario(full);
  using Clock = std::chrono::steady_clock;
  const auto t0 = Clock::now();
  const RunResult a = simulate(preview);
  const double previewSeconds = std::chrono::duration<double>(Clock::now() - t0).count();
  const RunResult b = simulate(preview);
  const auto t1 = Clock::now();
  const RunResult whole = simulate(full);
  const double fullSeconds = std::chrono::duration<double>(Clock::now() - t1).count();

  const auto voxelSteps = [](const RunResult& r) {
    return static_cast<double>(r.grid.voxels()) * static_cast<double>(r.step_days.size());
  };
  INFO("preview " << previewSeconds << " s, full " << fullSeconds << " s");
  // By the work it must do (timing on a shared machine is only a loose check).
  CHECK(voxelSteps(a) * 15 < voxelSteps(whole));
  CHECK(previewSeconds < fullSeconds);
  // The same skin: the scars and the redness's course come out close to the full run's.
  CHECK(a.outcome.collagen_rel == b.outcome.collagen_rel);
  CHECK(a.timeseries.back().redness_a == b.timeseries.back().redness_a);
  CHECK(a.timeseries.front().scar_depth_um ==
        Approx(whole.timeseries.front().scar_depth_um).epsilon(0.3));
}
