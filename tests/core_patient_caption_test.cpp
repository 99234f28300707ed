// Patient captions are read off the simulated state: the days of a coarse acne-scar run.

#include <catch2/catch.hpp>
#include <cmath>
#include <string>

#include "core/Simulation.hpp"
#include "core/numerics/NumberText.hpp"
#include "guidance/AdvisoryThresholds.hpp"
#include "guidance/PatientCaption.hpp"
#include "io/ScenarioFile.hpp"

using namespace dermasim;

namespace {

constexpr double kDays[] = {0.1, 1, 2, 7, 60, 180};

// One coarse run shared by the cases: the pipeline is slow enough to matter in a test.
const RunResult& acneRun() {
  static const RunResult run = [] {
    Scenario s = loadBuiltinScenario("acne_scars_pen");
    s.model.lateral_resolution_um = 50;
    RunOptions options;
    // Snapshot days make the steps land on them, so these days have readings of their own.
    options.snapshot_days.assign(std::begin(kDays), std::end(kDays));
    return simulate(s, options);
  }();
  return run;
}

const SkinReading& readingOn(const RunResult& run, double day) {
  for (const SkinReading& r : run.timeseries)
    if (std::abs(r.day - day) < 1e-9) return r;
  FAIL("no reading on day " << day);
  return run.timeseries.front();
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("PatientCaption: fractions faded in words follow the numbers", "[caption]") {
  CHECK(fractionFadedWords(0.0) == "none");
  CHECK(fractionFadedWords(0.15) == "a little");
  CHECK(fractionFadedWords(0.25) == "about a quarter");
  CHECK(fractionFadedWords(0.33) == "about a third");
  CHECK(fractionFadedWords(0.5) == "about half");
  CHECK(fractionFadedWords(0.66) == "about two thirds");
  CHECK(fractionFadedWords(0.75) == "about three quarters");
  CHECK(fractionFadedWords(0.88) == "most");
  CHECK(fractionFadedWords(0.95) == "almost all");
  CHECK(fractionFadedWords(1.0) == "all");
  CHECK(rednessFadedClause(0.66) == "redness has faded by about two thirds");
  CHECK(rednessFadedClause(0.95) == "almost all of the redness has faded");
  CHECK(rednessFadedClause(1.0) == "the redness has gone");
  // More faded never reads as less faded.
  const std::string_view order[] = {"none",
                                    "a little",
                                    "about a quarter",
                                    "about a third",
                                    "about half",
                                    "about two thirds",
                                    "about three quarters",
                                    "most",
                                    "almost all",
                                    "all"};
  std::size_t band = 0;
  for (int i = 0; i <= 1000; ++i) {
    const std::string_view words = fractionFadedWords(i / 1000.0);
    while (band < std::size(order) && order[band] != words) ++band;
    INFO("fraction " << i / 1000.0 << ": " << words);
    REQUIRE(band < std::size(order));
  }
}

TEST_CASE("PatientCaption: the days of an acne-scar series", "[series][caption]") {
  const RunResult& run = acneRun();
  REQUIRE(run.sessions.size() == 4);
  const auto caption = [&](double day) {
    const std::string text = patientCaption(run, day);
    UNSCOPED_INFO("day " << day << ": " << text);
    return text;
  };

  const std::string day0 = caption(0);
  CHECK(day0.starts_with("Before treatment:"));
  // The depth measured against the skin around each scar, near the 0.3 mm the scenario draws
  // (the floor is the deepest tenth of a bowl or a V, so shallower than its very bottom).
  const double untreatedMm = run.timeseries.front().scar_depth_um / 1000.0;
  CHECK(untreatedMm == Approx(0.27).margin(0.05));
  CHECK(contains(day0, "scars about " + readableNumber(untreatedMm, 2) + " mm deep"));
  CHECK(contains(day0, "(simulated)"));

  const std::string hours = caption(0.1);
  CHECK(hours.starts_with("About 2 hours after your first session:"));
  CHECK(contains(hours, "pinpoint bleeding"));
  CHECK(contains(hours, "channels made by the needles are still open"));
  CHECK(contains(hours, "redness"));
  CHECK_FALSE(contains(hours, "faded"));

  // Redness against the session's peak, as simulate() found it.
  const double peak = run.sessions[0].peak_erythema;
  for (double day : {1.0, 2.0}) {
    const std::string text = caption(day);
    CHECK(text.starts_with("Day " + std::to_string(static_cast<int>(day)) +
                           " after your first session:"));
    const double faded = 1.0 - readingOn(run, day).erythema / peak;
    CHECK(faded > 0.2);
    CHECK(contains(text, rednessFadedClause(faded)));
    CHECK(contains(text, "channels made by the needles"));
    CHECK(contains(text, "closed"));
    CHECK_FALSE(contains(text, "bleeding"));
  }
  CHECK(contains(caption(2), "channels made by the needles have closed"));

  // A week in, whatever the surface reads, the news is beneath it.
  const std::string week = caption(7);
  CHECK(week.starts_with("Day 7 after your first session:"));
  CHECK(contains(week, "the redness has gone"));
  CHECK(contains(week, "new collagen is forming"));
  CHECK(contains(week, "changes under the skin take weeks to show"));
  CHECK_FALSE(contains(week, "scars are"));
  CHECK_FALSE(contains(week, "channels"));

  const std::string justBefore = caption(28);
  CHECK(justBefore.starts_with("Day 28, just before your second session:"));

  const std::string day60 = caption(60);
  CHECK(day60.starts_with("Day 4 after your third session:"));
  CHECK(contains(day60, "new collagen is still forming"));
  CHECK(contains(day60, "% filled in"));

  const std::string end = caption(180);
  CHECK(end.starts_with("Month 6, 3 months after your last session:"));
  CHECK(contains(end, "collagen"));
  CHECK_FALSE(contains(end, "redness"));
  CHECK_FALSE(contains(end, "channels"));
  // The percentage is the simulated refilled share of the scars' volume, rounded to 5 %.
  const double pct = readingOn(run, 180).improvement_pct;
  CHECK(contains(
      end, "the scars are about " + std::to_string(5 * std::lround(pct / 5)) + " % filled in"));
  for (double day : kDays) CHECK_FALSE(contains(caption(day), "shallower"));
}

namespace {

// A made-up series with one session on day 0: readings every day, the surface as good as
// `improvementPct` from the first day on (far faster than any skin), the redness and channels
// gone after the first day. What the caption may say should not depend on the model being slow.
std::vector<SkinReading> improvedFromDayOne(double untreatedScarUm, double improvementPct,
                                            double days) {
  std::vector<SkinReading> series;
  for (int day = 0; day <= days; ++day) {
    SkinReading r;
    r.day = day;
    r.scar_depth_um = untreatedScarUm;
    if (day > 0) {
      r.improvement_pct = improvementPct;
      r.scar_volume_rel = 1 - improvementPct / 100;
      r.collagen_rel = 1.2;
    }
    if (day == 1) r.erythema = 0.5;
    series.push_back(r);
  }
  return series;
}

std::vector<SessionResult> firstSessionOnly() {
  SessionResult session;
  session.day = 0;
  session.peak_erythema = 0.5;
  return {session};
}

}  // namespace

TEST_CASE("PatientCaption: no visible change is claimed in the first weeks", "[caption]") {
  const AdvisoryThresholds& t = AdvisoryThresholds::standard();
  REQUIRE(t.visible_change_from_days == 28);  // calibration sheet section 3: from 4-6 weeks
  for (const double scarUm : {300.0, 0.0}) {
    INFO((scarUm > 0 ? "scars" : "no scars"));
    const auto series = improvedFromDayOne(scarUm, 60, 70);
    const auto sessions = firstSessionOnly();
    for (double day = 1; day < t.visible_change_from_days; day += 1) {
      const std::string text = patientCaption(series, sessions, day);
      INFO(text);
      for (const char* claim :
           {"filled", "shallower", "smoother", "rougher", "deeper", "visible", "improve", "look"})
        CHECK_FALSE(contains(text, claim));
    }
    const std::string week = patientCaption(series, sessions, 7);
    CHECK(week.starts_with("Day 7 after your session:"));
    CHECK(contains(week, "changes under the skin take weeks to show"));

    // About 8 weeks in, the same surface is spoken of, with the simulated figure.
    const std::string later = patientCaption(series, sessions, 56);
    INFO(later);
    CHECK(contains(later, scarUm > 0 ? "the scars are about 60 % filled in"
                                     : "the skin surface is about 60 % smoother"));
    CHECK_FALSE(contains(later, "take weeks to show"));
  }
}

TEST_CASE("PatientCaption: a change below the threshold is no visible change", "[caption]") {
  const double small = AdvisoryThresholds::standard().noticeable_improvement_pct * 0.9;
  const std::string text =
      patientCaption(improvedFromDayOne(300, small, 70), firstSessionOnly(), 56);
  INFO(text);
  CHECK(contains(text, "no visible change in the scars yet"));
  CHECK(contains(patientCaption(improvedFromDayOne(300, -20, 70), firstSessionOnly(), 56),
                 "the scars are about 20 % larger in volume than before treatment"));
}

TEST_CASE("PatientCaption: without baseline scars, texture rather than scars", "[caption]") {
  Scenario s = loadBuiltinScenario("forehead_lines_pen");
  s.model.lateral_resolution_um = 50;
  s.duration_days = 30;
  s.sessions.resize(1);
  const RunResult run = simulate(s);
  CHECK(patientCaption(run, 0) == "Before treatment: the untreated skin (simulated).");
  const std::string later = patientCaption(run, 30);
  INFO(later);
  CHECK(later.starts_with("Month 1 after your session:"));
  CHECK_FALSE(contains(later, "scars"));
  CHECK((contains(later, "skin surface") || contains(later, "skin's texture")));
}

TEST_CASE("PatientCaption: no readings, no caption", "[caption]") {
  CHECK(patientCaption({}, {}, 3).empty());
}
