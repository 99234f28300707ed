// Findings from the simulated healing: a session before the one before it has healed (channels
// closed, the infiltrate down to the knowledge table's share of its peak) is flagged; one after
// is not; the day it healed is read off the readings.

#include <catch2/catch.hpp>
#include <cmath>

#include "guidance/HealingFindings.hpp"
#include "guidance/KnowledgeTable.hpp"

using namespace dermasim;

namespace {

// Sessions every `interval` days; after each, channels close linearly over 40 h and the
// infiltrate rises to 0.5 at day 1, then halves every 1.5 days. Readings every 2 hours.
RunResult synthetic(double interval, int sessions) {
  RunResult r;
  Scenario s;
  for (int i = 0; i < sessions; ++i) {
    SessionResult session;
    session.index = i;
    session.day = i * interval;
    r.sessions.push_back(session);
  }
  const double end = sessions * interval;
  for (double day = 0; day <= end + 1e-9; day += 1.0 / 12) {
    const double since = std::fmod(day, interval);
    SkinReading reading;
    reading.day = day;
    reading.channels_open = std::max(0.0, 1.0 - since * 24 / 40.0);
    reading.inflammation = since < 1 ? 0.5 * since : 0.5 * std::pow(0.5, (since - 1) / 1.5);
    r.timeseries.push_back(reading);
  }
  return r;
}

Scenario withSessions(const RunResult& r) {
  Scenario s;
  for (const SessionResult& session : r.sessions) s.sessions.push_back({session.day, {}, ""});
  return s;
}

}  // namespace

TEST_CASE("Healing findings: healed when channels closed and the infiltrate resolved",
          "[findings]") {
  const double share = knowledgeTable().threshold("healed_inflammation_share").value;
  // Down to `share` of the peak 1.5 log2(1/share) days after the peak at day 1.
  const double expected = 1.0 + 1.5 * std::log2(1.0 / share);
  const RunResult monthly = synthetic(28, 2);
  const auto healed = simulatedHealingDays(monthly, 0);
  REQUIRE(healed);
  CHECK(*healed == Approx(expected).margin(1.0 / 12));
  CHECK(healingFindings(withSessions(monthly), monthly).empty());
}

TEST_CASE("Healing findings: a session on skin still healing is flagged, with the source",
          "[findings]") {
  const RunResult weekly = synthetic(4, 3);
  CHECK_FALSE(simulatedHealingDays(weekly, 0));
  const std::vector<Advisory> found = healingFindings(withSessions(weekly), weekly);
  REQUIRE(found.size() == 2);
  CHECK(found[0].code == "interval_unhealed");
  CHECK(found[0].level == AdvisoryLevel::Warning);
  CHECK_THAT(found[0].message, Catch::Contains("session 2 on day 4"));
  CHECK_THAT(found[1].message, Catch::Contains("session 3 on day 8"));
  CHECK_THAT(found[0].source, Catch::Contains("thresholds.csv"));
}
