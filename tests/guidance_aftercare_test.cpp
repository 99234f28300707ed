// The aftercare timeline: its table loads whole, and each instruction lasts as long as the
// simulated skin says (channels closed, openings sealed, redness gone) and never less than the
// table's floor.

#include <catch2/catch.hpp>
#include <cmath>
#include <string>

#include "core/Simulation.hpp"
#include "guidance/Aftercare.hpp"
#include "io/ScenarioFile.hpp"

using namespace dermasim;

namespace {

const AftercareRule& rule(const std::string& item) {
  for (const AftercareRule& r : aftercareRules())
    if (r.item == item) return r;
  FAIL("no aftercare rule " << item);
  throw;
}

const AftercareStep& step(const std::vector<AftercareStep>& plan, int session,
                          const std::string& item) {
  for (const AftercareStep& s : plan)
    if (s.session == session && s.item == item) return s;
  FAIL("no step " << item << " for session " << session);
  throw;
}

// Two sessions, 10 days apart: channels close linearly over `closeHours`, the openings seal over
// a tenth of that; readings every hour.
RunResult synthetic(double closeHours, double downtimeDays) {
  RunResult r;
  for (const double day : {0.0, 10.0}) {
    SessionResult s;
    s.day = day;
    s.downtime_days = downtimeDays;
    r.sessions.push_back(s);
  }
  for (int h = 0; h <= 20 * 24; ++h) {
    SkinReading reading;
    reading.day = h / 24.0;
    const double since = std::fmod(h, 240.0);
    reading.channels_open = std::max(0.0, 1.0 - since / closeHours);
    reading.barrier_open = std::max(0.0, 1.0 - since / (0.1 * closeHours));
    r.timeseries.push_back(reading);
  }
  return r;
}

}  // namespace

TEST_CASE("Aftercare table: every row complete, with its source and grade", "[aftercare]") {
  const std::vector<AftercareRule>& rules = aftercareRules();
  REQUIRE(rules.size() >= 6);
  for (const AftercareRule& r : rules) {
    INFO(r.item);
    CHECK_FALSE(r.instruction.empty());
    CHECK_FALSE(r.reason.empty());
    CHECK_FALSE(r.provenance.source.empty());
    CHECK(r.provenance.file == "aftercare.csv");
    CHECK(r.at_least_h >= 0);
  }
  // What the issue names: numbing before, serum after, make-up while channels are open, the sun
  // for about a week, gentle care.
  CHECK(rule("numbing").from == "before");
  CHECK(rule("serum").until == "barrier_sealed");
  CHECK(rule("no_makeup").until == "channels_closed");
  CHECK(rule("no_sun").at_least_h >= 24 * 5);
  CHECK(rule("gentle_care").until == "fixed");
}

TEST_CASE("Aftercare: hours until a share falls below a level, interpolated", "[aftercare]") {
  const RunResult r = synthetic(40.0, 1.0);
  constexpr auto open = &SkinReading::channels_open;
  // Linear closure over 40 h: 5 % open at 38 h.
  CHECK(hoursUntilBelow(r.timeseries, 0.0, 10.0, open, 0.05) == Approx(38.0));
  CHECK(hoursUntilBelow(r.timeseries, 10.0, 20.0, open, 0.05) == Approx(38.0));
  // Never below before the end: the whole interval.
  CHECK(hoursUntilBelow(r.timeseries, 0.0, 1.0, open, 0.05) == Approx(24.0));
}

TEST_CASE("Aftercare follows the simulated closure and redness, above the floors", "[aftercare]") {
  SECTION("slow closure and long redness: the simulation decides") {
    const std::vector<AftercareStep> plan = aftercarePlan(synthetic(60.0, 4.0));
    const AftercareStep& makeup = step(plan, 2, "no_makeup");
    CHECK(makeup.hours == Approx(57.0));
    CHECK(makeup.from_day == 10.0);
    CHECK(makeup.until_day == Approx(10.0 + 57.0 / 24));
    CHECK(makeup.basis.find("simulated") == 0);
    CHECK(step(plan, 1, "no_actives").hours == Approx(96.0));
    CHECK(step(plan, 1, "serum").hours == Approx(5.7));
  }
  SECTION("fast closure and brief redness: the floors decide, and say so") {
    const std::vector<AftercareStep> plan = aftercarePlan(synthetic(10.0, 0.1));
    const AftercareStep& makeup = step(plan, 1, "no_makeup");
    CHECK(makeup.hours == rule("no_makeup").at_least_h);
    CHECK(makeup.basis.find("guidance: at least") == 0);
    CHECK(makeup.basis.find("simulated") != std::string::npos);
    CHECK(step(plan, 1, "no_actives").hours == rule("no_actives").at_least_h);
  }
  SECTION("numbing comes before each session") {
    const std::vector<AftercareStep> plan = aftercarePlan(synthetic(10.0, 0.1));
    const AftercareStep& numbing = step(plan, 2, "numbing");
    CHECK(numbing.until_day == 10.0);
    CHECK(numbing.from_day < 10.0);
  }
}

TEST_CASE("Aftercare of a simulated session: rows match its readings", "[aftercare]") {
  const Scenario s = parseScenario(R"(
[scenario]
duration_days = 6
[device]
type = "pen"
needle_length_mm = 1.5
[schedule]
sessions = 1
interval_days = 28
[model]
patch_size_mm = 3
lateral_resolution_um = 100
)",
                                   "aftercare_test.toml");
  const RunResult r = simulate(s);
  const std::vector<AftercareStep> plan = aftercarePlan(r);
  REQUIRE(plan.size() == aftercareRules().size());
  constexpr auto open = &SkinReading::channels_open;
  const double closed = hoursUntilBelow(r.timeseries, 0.0, 6.0, open, kChannelsClosedShare);
  CHECK(closed > 0);
  CHECK(step(plan, 1, "no_makeup").hours == Approx(std::max(rule("no_makeup").at_least_h, closed)));
  CHECK(step(plan, 1, "cool_and_calm").hours ==
        Approx(std::max(rule("cool_and_calm").at_least_h, 24 * r.sessions[0].downtime_days)));
}

TEST_CASE("Aftercare day by day: what is in force, in words with how long", "[aftercare]") {
  const std::vector<AftercareStep> plan = aftercarePlan(synthetic(60.0, 4.0));
  const std::vector<std::string> first = aftercareOn(plan, 0.5);
  const auto has = [](const std::vector<std::string>& lines, const std::string& text) {
    for (const std::string& l : lines)
      if (l.find(text) != std::string::npos) return true;
    return false;
  };
  // Past two days, a day (rounded up); within two, hours.
  CHECK(has(first, rule("no_makeup").instruction + " (until day 3)"));
  CHECK(has(aftercareOn(aftercarePlan(synthetic(40.0, 4.0)), 0.5),
            rule("no_makeup").instruction + " (until 38 h after the session)"));
  CHECK(has(first, rule("no_sun").instruction + " (until day 7)"));
  // Day 6: the sun still, make-up long allowed again; day 9: nothing; numbing just before day 10.
  const std::vector<std::string> sixth = aftercareOn(plan, 6.0);
  CHECK(has(sixth, rule("no_sun").instruction));
  CHECK_FALSE(has(sixth, rule("no_makeup").instruction));
  CHECK(aftercareOn(plan, 9.0).empty());
  CHECK(has(aftercareOn(plan, 9.99), "in the hour before the session"));
}
