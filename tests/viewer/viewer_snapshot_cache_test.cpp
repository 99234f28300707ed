// Snapshot lookup by day, the timeline's key days, and which days the viewer captures.

#include <algorithm>
#include <catch2/catch.hpp>

#include "io/ScenarioFile.hpp"
#include "viewer/SimulationWorker.hpp"
#include "viewer/SnapshotCache.hpp"

using namespace dermasim;
using namespace dermasim::viewer;

namespace {

std::vector<SkinSnapshot> snapshotsOn(const std::vector<double>& days) {
  std::vector<SkinSnapshot> out;
  for (double d : days) {
    SkinSnapshot s;
    s.day = d;
    out.push_back(s);
  }
  return out;
}

bool has(const std::vector<double>& days, double day) {
  return std::any_of(days.begin(), days.end(), [&](double d) { return std::abs(d - day) < 1e-9; });
}

}  // namespace

TEST_CASE("SnapshotCache: the latest snapshot at or before a day", "[snapshots]") {
  const SnapshotCache cache(snapshotsOn({0, 0.25, 1, 2, 7, 30}), {0}, 30);
  REQUIRE(cache.size() == 6);
  CHECK(cache.indexAt(-5) == 0);
  CHECK(cache.indexAt(0) == 0);
  CHECK(cache.indexAt(0.2) == 0);
  CHECK(cache.indexAt(0.25) == 1);
  CHECK(cache.indexAt(1 - 1e-9) == 2);  // a day reached by float arithmetic still counts
  CHECK(cache.indexAt(6.9) == 3);
  CHECK(cache.indexAt(400) == 5);
  CHECK(cache.dayOf(4) == 7);
  CHECK(cache.at(3)->day == 2);
  for (std::size_t i = 0; i < cache.size(); ++i) CHECK(cache.indexAt(cache.dayOf(i)) == i);

  const SnapshotCache empty;
  CHECK(empty.empty());
  CHECK(empty.at(3) == nullptr);
  CHECK(empty.indexAt(3) == 0);
}

TEST_CASE("SnapshotCache: key days after each session, before the next", "[snapshots]") {
  const std::vector<KeyDay> days = timelineKeyDays({0, 28, 56}, 120);
  std::vector<double> at;
  for (const KeyDay& k : days) at.push_back(k.day);
  CHECK(at == std::vector<double>{0, 1, 7, 28, 29, 35, 56, 57, 63, 86, 120});
  CHECK(days[0].label == "Session 1");
  CHECK(days[2].label == "1 week after session 1");
  CHECK(days[9].label == "1 month after session 3");
  CHECK(days.back().label == "End");

  const std::vector<KeyDay> single = timelineKeyDays({0}, 30);
  CHECK(single.size() == 4);  // the session, a day, a week and a month after; the month is the end
  CHECK(single.back().label == "1 month after the session");

  const SnapshotCache cache({}, {0, 28, 56}, 120);
  CHECK(cache.nextKeyDay(0) == 1);
  CHECK(cache.nextKeyDay(30) == 35);
  CHECK(cache.nextKeyDay(200) == 120);
  CHECK(cache.previousKeyDay(30) == 29);
  CHECK(cache.previousKeyDay(29) == 28);
  CHECK(cache.previousKeyDay(0) == 0);
}

TEST_CASE("viewerSnapshotDays: daily, plus the hours and key days after sessions", "[snapshots]") {
  const Scenario acne = loadBuiltinScenario("acne_scars_pen");
  const std::vector<double> days = viewerSnapshotDays(acne);
  CHECK(std::is_sorted(days.begin(), days.end()));
  CHECK(std::adjacent_find(days.begin(), days.end()) == days.end());
  CHECK(days.front() == 0);
  CHECK(days.back() == acne.duration_days);
  for (int d = 0; d <= 180; ++d) CHECK(has(days, d));
  for (double session : {0.0, 28.0, 56.0, 84.0}) {
    CHECK(has(days, session + 0.25));
    CHECK(has(days, session + 30));
  }
  CHECK(days.size() == 181 + 4);
  CHECK(static_cast<double>(days.size()) * snapshotBytes(acne) < 1.05 * kSnapshotBudgetBytes);

  // A ten-year run on a fine grid thins the regular days to fit the budget.
  Scenario longRun = acne;
  longRun.duration_days = 3650;
  longRun.model.lateral_resolution_um = 10;
  const std::vector<double> sparse = viewerSnapshotDays(longRun);
  CHECK(sparse.size() < 400);
  CHECK(has(sparse, 28.25));
  CHECK(has(sparse, 3650));
  CHECK_FALSE(has(sparse, 1000.5));

  // A preview's regular days every 4th day; its key days all kept.
  const std::vector<double> preview = viewerSnapshotDays(acne, 1, 4);
  CHECK(has(preview, 4));
  CHECK_FALSE(has(preview, 3));
  for (double session : {0.0, 28.0, 56.0, 84.0}) {
    CHECK(has(preview, session));
    CHECK(has(preview, session + 0.25));
    CHECK(has(preview, session + 1));
    CHECK(has(preview, session + 7));
    CHECK(has(preview, session + 30));
  }
  CHECK(has(preview, 180));
  CHECK(preview.size() < days.size() / 2);
}
