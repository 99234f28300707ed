// The headline numbers do not depend on the numerics or on luck: halving every time step, or
// the lateral grid spacing, moves them by less than 2 % (points for percentages; 5 % for the
// harm indices), and five
// seeds of every shipped scenario agree within 2 points. Slow (label `physics`): whole series.

#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <numeric>
#include <string>
#include <vector>

#include "TimeseriesSupport.hpp"
#include "core/Simulation.hpp"
#include "io/ScenarioFile.hpp"

using namespace dermasim;
namespace fs = std::filesystem;

namespace {

Scenario shipped(const std::string& name) {
  return loadScenarioFile(fs::path(DERMASIM_SOURCE_DIR) / "scenarios" / (name + ".toml"));
}

// The headline outcomes of two runs of one scenario agree as the issue asks.
void checkSameHeadlines(const RunResult& a, const RunResult& b) {
  REQUIRE(a.sessions.size() == b.sessions.size());
  for (std::size_t i = 0; i < a.sessions.size(); ++i) {
    INFO("session " << i << " downtime " << a.sessions[i].downtime_days << " vs "
                    << b.sessions[i].downtime_days << " d");
    CHECK(b.sessions[i].downtime_days ==
          Approx(a.sessions[i].downtime_days).epsilon(0.02).margin(0.01));
  }
  const double last = a.sessions.back().day;
  for (double hours : {12.0, 24.0}) {
    INFO("channels open " << hours << " h after the last session");
    CHECK(readingOn(b, last + hours / 24, &SkinReading::channels_open) ==
          Approx(readingOn(a, last + hours / 24, &SkinReading::channels_open)).margin(0.02));
  }
  INFO("improvement on day 30 " << readingOn(a, 30, &SkinReading::improvement_pct) << " vs "
                                << readingOn(b, 30, &SkinReading::improvement_pct)
                                << ", at the end " << a.outcome.improvement_pct << " vs "
                                << b.outcome.improvement_pct << "; collagen "
                                << a.outcome.collagen_rel << " vs " << b.outcome.collagen_rel);
  CHECK(readingOn(b, 30, &SkinReading::improvement_pct) ==
        Approx(readingOn(a, 30, &SkinReading::improvement_pct)).margin(2.0));
  CHECK(b.outcome.improvement_pct == Approx(a.outcome.improvement_pct).margin(2.0));
  CHECK(b.outcome.collagen_rel == Approx(a.outcome.collagen_rel).epsilon(0.02));
  // The harm indices integrate the infiltrate over the series: a fifth apart before their
  // doses took the trapezoid rule and the infiltrate the mediators' sub-steps.
  INFO("pih_risk " << a.outcome.pih_risk << " vs " << b.outcome.pih_risk << ", fibrosis_risk "
                   << a.outcome.fibrosis_risk << " vs " << b.outcome.fibrosis_risk);
  CHECK(b.outcome.pih_risk == Approx(a.outcome.pih_risk).epsilon(0.05).margin(0.005));
  CHECK(b.outcome.fibrosis_risk == Approx(a.outcome.fibrosis_risk).epsilon(0.05).margin(0.005));
}

}  // namespace

TEST_CASE("Simulation convergence: halving every time step moves no headline", "[physics]") {
  Scenario s = shipped("acne_scars_pen");
  const RunResult coarse = simulate(s);
  s.model.time_step_scale = 0.5;
  const RunResult fine = simulate(s);
  CHECK(fine.step_days.size() > coarse.step_days.size() * 3 / 2);
  checkSameHeadlines(coarse, fine);
}

TEST_CASE("Simulation convergence: halving the lateral spacing moves no headline", "[physics]") {
  // Two sessions of the default pen series keep it affordable: 8x the columns' work.
  Scenario s = shipped("acne_scars_pen");
  s.sessions.resize(2);
  s.duration_days = 60;
  const RunResult coarse = simulate(s);
  s.model.lateral_resolution_um /= 2;
  const RunResult fine = simulate(s);
  checkSameHeadlines(coarse, fine);
}

TEST_CASE("Simulation convergence: five seeds of every shipped scenario agree", "[physics]") {
  for (const std::string name :
       {"acne_scars_pen", "acne_scars_roller", "forehead_lines_pen", "home_roller_025",
        "neck_rejuvenation_pen", "thigh_stretch_marks_roller"}) {
    std::vector<double> improvement;
    for (std::uint64_t seed = 1; seed <= 5; ++seed) {
      Scenario s = shipped(name);
      s.seed = seed;
      improvement.push_back(simulate(s).outcome.improvement_pct);
    }
    const double mean = std::accumulate(improvement.begin(), improvement.end(), 0.0) / 5;
    double ss = 0;
    for (double x : improvement) ss += (x - mean) * (x - mean);
    const double sd = std::sqrt(ss / 4);
    INFO(name << ": final improvement " << mean << " % (sd " << sd << " points over 5 seeds)");
    CHECK(sd < 2.0);
    for (double x : improvement) CHECK(x > 0.0);
  }
}
