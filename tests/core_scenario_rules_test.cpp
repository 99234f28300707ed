// checkScenarioRules: every problem of a resolved scenario, ranges and the rules between keys.
#include "core/scenario/ScenarioRules.hpp"

#include <catch2/catch.hpp>
#include <chrono>

#include "io/ScenarioFile.hpp"

using namespace dermasim;

namespace {

std::vector<std::string> messages(const Scenario& s) {
  std::vector<std::string> out;
  for (const ScenarioProblem& p : checkScenarioRules(s)) out.push_back(p.message());
  return out;
}

}  // namespace

TEST_CASE("ScenarioRules: the built-in scenarios meet every rule", "[rules]") {
  for (const char* name : {"acne_scars_pen", "acne_scars_roller", "home_roller_025",
                           "thigh_stretch_marks_roller", "forehead_lines_pen"})
    CHECK(messages(loadBuiltinScenario(name)).empty());
}

TEST_CASE("ScenarioRules: every problem is reported, in schema order, with key and value",
          "[rules]") {
  Scenario s = loadBuiltinScenario("acne_scars_pen");
  s.patient.fitzpatrick = 7;
  s.patient.scars.mix = {0.5, 0.5, 0.5};
  s.device.passes = 40;
  s.model.lateral_resolution_um = 10;
  s.model.patch_size_mm = 20;
  s.parameter_overrides["pen.depth_spread"] = 0.9;
  const std::vector<std::string> got = messages(s);
  REQUIRE(got.size() == 5);
  CHECK(got[0] == "patient.fitzpatrick: must be between 1 and 6 (got 7)");
  CHECK(got[1] == "patient.scars.mix: rolling + boxcar + icepick must sum to 1 (got 1.5)");
  CHECK(got[2] == "device.passes: must be between 1 and 30 (got 40)");
  CHECK(got[3] ==
        "model.lateral_resolution_um: too fine for model.patch_size_mm = 20: 2000 cells per side, "
        "at most 800 (got 10)");
  CHECK(got[4] == "parameters.pen.depth_spread: must be between 0.01 and 0.2 (got 0.9)");
}

TEST_CASE("ScenarioRules: a session's own settings are named by where they were written",
          "[rules]") {
  Scenario s = loadBuiltinScenario("acne_scars_roller");
  REQUIRE(s.sessions.size() >= 2);
  s.sessions[1].origin = "session[3]";
  s.sessions[1].device.rows = 5;  // 192 needles are not whole rows of 5
  s.sessions[1].device.passes = 0;
  const std::vector<std::string> got = messages(s);
  REQUIRE(got.size() == 2);
  CHECK(got[0] == "session[3].passes: must be between 1 and 30 (got 0)");
  CHECK(got[1] ==
        "session[3].needles: a roller's needles must be a multiple of device.rows = 5 "
        "(got 192)");
  // A value inherited from [device] is reported once, for [device].
  s = loadBuiltinScenario("acne_scars_roller");
  s.device.passes = 0;
  for (SessionPlan& plan : s.sessions) plan.device.passes = 0;
  CHECK(messages(s) == std::vector<std::string>{"device.passes: must be between 1 and 30 (got 0)"});
}

TEST_CASE("ScenarioRules: session days: within the run, the first on day 0, none twice",
          "[rules]") {
  Scenario s = loadBuiltinScenario("acne_scars_pen");
  s.sessions.resize(2);
  s.sessions[0].day = 30;
  s.sessions[1].day = 400;
  CHECK(messages(s) ==
        std::vector<std::string>{
            "session[1].day: must be between 0 and scenario.duration_days = 180 (got 400)",
            "session[0].day: the earliest session must be on day 0, the start of the simulation "
            "(got 30)"});
  s.sessions[1].day = 30;
  s.sessions.push_back(s.sessions[0]);
  s.sessions[2].day = 0;
  CHECK(messages(s) ==
        std::vector<std::string>{"session[1].day: session[0] is already on that day (got 30)"});
  s.sessions.clear();
  CHECK(messages(s).size() == 1);
}

TEST_CASE("ScenarioRules: duplicate days among many sessions are found quickly", "[rules]") {
  Scenario s = loadBuiltinScenario("acne_scars_pen");
  s.duration_days = 3650;
  const SessionPlan first = s.sessions.front();
  s.sessions.clear();
  for (int i = 0; i < 100000; ++i) s.sessions.push_back({i * 0.0365, first.device, {}});
  s.sessions.push_back({1.0 * 0.0365, first.device, {}});
  const auto start = std::chrono::steady_clock::now();
  const std::vector<ScenarioProblem> got = checkScenarioRules(s);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  REQUIRE(got.size() == 1);
  CHECK(got[0].message() == "session[100000].day: session[1] is already on that day (got 0.0365)");
  // Comparing every pair would be 5e9 comparisons, minutes; a sort takes milliseconds. 10 s
  // leaves room for the sanitizers on a busy machine (1.5 s seen) without hiding a quadratic.
  CHECK(seconds < 10.0);
}
