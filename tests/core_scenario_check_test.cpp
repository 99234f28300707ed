// validateScenario and estimateResources: the bounds of what a scenario may ask of the machine,
// estimated before anything is allocated.
#include "core/ScenarioCheck.hpp"

#include <catch2/catch.hpp>

#include "core/Simulation.hpp"
#include "io/ScenarioFile.hpp"

using namespace dermasim;

TEST_CASE("ScenarioCheck: the estimate's grid and steps are the run's own", "[series][check]") {
  for (const char* name : {"acne_scars_pen", "thigh_stretch_marks_roller"}) {
    Scenario s = loadBuiltinScenario(name);
    s.model.lateral_resolution_um = 100;  // quick; the counts do not depend on it
    s.duration_days = 60;
    s.sessions.resize(2);
    const ResourceEstimate e = estimateResources(s);
    const RunResult r = simulate(s);
    INFO(name);
    CHECK(e.grid.nx == r.grid.nx);
    CHECK(e.grid.nz == r.grid.nz);
    CHECK(e.voxels == r.grid.voxels());
    CHECK(e.time_steps == r.step_days.size());
    CHECK(e.readings == r.timeseries.size());  // the first reading is the untreated skin
    // Readings are at most a day apart, also inside the quiet weeks' longer steps.
    for (std::size_t i = 1; i < r.timeseries.size(); ++i)
      CHECK(r.timeseries[i].day - r.timeseries[i - 1].day <= 1.0 + 1e-9);
    const double drawn = static_cast<double>(r.sessions[0].needling.stats.count);
    CHECK(e.max_punctures == Approx(drawn).epsilon(0.25));
    // At least what a run was measured to take (docs: ScenarioCheck.cpp).
    CHECK(e.memory_bytes > 74.0 * static_cast<double>(e.voxels));
    CHECK_THAT(describe(e), Catch::StartsWith("grid "));
  }
}

TEST_CASE("ScenarioCheck: a grid too large for the machine is refused, naming its keys",
          "[check]") {
  Scenario s = loadBuiltinScenario("acne_scars_pen");
  s.patient.site = Site::Back;
  s.model.patch_size_mm = 20;
  s.model.lateral_resolution_um = 25;
  s.model.depth_resolution_um = 5;
  const ResourceEstimate e = estimateResources(s);
  CHECK(e.memory_bytes > 20e9);  // it died with std::bad_alloc before this bound existed
  const std::vector<ScenarioProblem> got = validateScenario(s, MachineLimits{16e9});
  REQUIRE(got.size() == 1);
  CHECK(got[0].key == "model.lateral_resolution_um");
  CHECK_THAT(got[0].expectation, Catch::Contains("model.patch_size_mm") &&
                                     Catch::Contains("model.depth_resolution_um") &&
                                     Catch::Contains("patient.site") &&
                                     Catch::Contains("16.0 GB this machine can give"));
  // The same scenario fits a machine large enough.
  CHECK(validateScenario(s, MachineLimits{e.memory_bytes * 1.01}).empty());
}

TEST_CASE("ScenarioCheck: an implausible puncture density is refused, naming the settings",
          "[check]") {
  Scenario s = loadBuiltinScenario("acne_scars_pen");
  s.device.needles = 100;
  s.device.frequency_hz = 200;
  s.device.glide_speed_mm_s = 1;
  s.device.passes = 30;
  for (SessionPlan& plan : s.sessions) {
    plan.device = s.device;
    plan.origin.clear();  // as a [schedule] makes them: named by [device]
  }
  const std::vector<ScenarioProblem> got = validateScenario(s, MachineLimits{1e12});
  REQUIRE(got.size() == 1);
  CHECK(got[0].key == "device.passes");
  CHECK_THAT(got[0].expectation, Catch::Contains("punctures/cm2 in one session, at most 50000") &&
                                     Catch::Contains("device.glide_speed_mm_s = 1"));
  // Rules come first: a scenario that breaks them is not estimated at all.
  s.device.passes = 0;
  CHECK(validateScenario(s, MachineLimits{1e12}).front().message() ==
        "device.passes: must be between 1 and 30 (got 0)");
}

TEST_CASE("ScenarioCheck: model.time_step_scale = 0.5 takes every step at half length",
          "[series][check]") {
  Scenario s = loadBuiltinScenario("acne_scars_pen");
  s.model.lateral_resolution_um = 100;
  s.duration_days = 40;
  s.sessions.resize(2);
  const RunResult full = simulate(s);
  s.model.time_step_scale = 0.5;
  const RunResult half = simulate(s);
  CHECK(estimateResources(s).time_steps == half.step_days.size());
  // The step ends, from day 0.
  std::vector<double> fullEnds{0.0}, halfEnds{0.0};
  fullEnds.insert(fullEnds.end(), full.step_days.begin(), full.step_days.end());
  halfEnds.insert(halfEnds.end(), half.step_days.begin(), half.step_days.end());
  // At every moment the step is half as long as the full-length run's step at that moment
  // (which, growing by 1.3x per step, can be up to 1.3x longer by the time it ends); the first
  // half-length step is exactly half the first full one.
  CHECK(halfEnds[1] == Approx(0.5 * fullEnds[1]));
  std::size_t j = 1;
  for (std::size_t i = 1; i < halfEnds.size(); ++i) {
    const double t = halfEnds[i - 1];
    while (j + 1 < fullEnds.size() && fullEnds[j] <= t + 1e-12) ++j;
    const double fullStep = fullEnds[j] - fullEnds[j - 1];
    const double halfStep = halfEnds[i] - t;
    // A step cut short to land on a session or the end is exempt.
    if (halfEnds[i] >= 28 - 1e-9 && t < 28) continue;
    if (fullEnds[j] >= 28 - 1e-9 && fullEnds[j - 1] < 28) continue;
    if (i + 1 == halfEnds.size() || j + 1 == fullEnds.size()) continue;
    INFO("half-length step from day " << t << ": " << halfStep << " against " << fullStep);
    CHECK(halfStep >= 0.5 * fullStep * (1 - 1e-9));
    CHECK(halfStep <= 0.5 * 1.3 * fullStep * (1 + 1e-9));
  }
  CHECK(halfEnds.size() > 3 * fullEnds.size() / 2);
  CHECK(halfEnds.size() <= 2 * fullEnds.size());
}
