// The viewer's state: runs start on their own, results and snapshots land in the right scenario,
// drafts are checked like files, other scenarios are simulated for the comparison plots, and
// load/save errors are reported without losing what was there.
#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <thread>

#include "ViewerTestSupport.hpp"
#include "io/ScenarioFile.hpp"
#include "viewer/ViewerState.hpp"

using namespace dermasim;
using namespace dermasim::viewer;
using namespace std::chrono_literals;

namespace {

// Three weeks after one session on a coarse grid: about a second.
Scenario quick(const char* builtin = "acne_scars_pen") { return test::oneSession(builtin); }

// Polls like the UI thread does, once a frame, until nothing is running.
bool settle(ViewerState& state, std::chrono::seconds limit = 120s) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (state.busy()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(16ms);
    pollWorker(state);
  }
  return true;
}

}  // namespace

TEST_CASE("ViewerState: simulates the first scenario with sections for drawing", "[state]") {
  ViewerState state({quick()});
  CHECK(state.busy());
  CHECK(state.result() == nullptr);
  REQUIRE(settle(state));
  REQUIRE(state.result() != nullptr);
  CHECK(state.lastDay() == Approx(21));
  const SnapshotCache& cache = state.slot().snapshots;
  REQUIRE_FALSE(cache.empty());
  CHECK(cache.snapshot(0).day == 0);
  CHECK(cache.snapshot(0).sections.size() == static_cast<std::size_t>(kViewerSections));
  CHECK(cache.dayOf(cache.size() - 1) == Approx(21));
  // The result keeps its plots but not a second copy of the snapshots.
  CHECK(state.result()->snapshots.empty());
  CHECK_FALSE(state.result()->timeseries.empty());
}

TEST_CASE("ViewerState: a bad draft is refused with the file checker's message", "[state]") {
  ViewerState state({quick()});
  REQUIRE(settle(state));
  const std::uint64_t version = state.snapshotsVersion;
  ScenarioSlot& slot = state.slot();
  slot.draft.patient.scars.mix = {0.9, 0.9, 0.9};  // does not add up to 1
  slot.draftChanged = true;
  CHECK_FALSE(applyDraft(state));
  CHECK_THAT(slot.draftError, Catch::Contains("patient.scars.mix"));
  CHECK(state.noticeIsError);
  // Nothing lost: the last result is still on show.
  CHECK_FALSE(state.busy());
  CHECK(state.result() != nullptr);
  CHECK(state.snapshotsVersion == version);

  // A good edit is simulated, and changes what is shown.
  slot.draft.patient.scars.mix = {0.5, 0.3, 0.2};
  slot.draft.sessions[0].device.needle_length_mm = 0.5;
  const double before = state.result()->outcome.collagen_rel;
  REQUIRE(applyDraft(state));
  CHECK(slot.draftError.empty());
  CHECK_FALSE(slot.draftChanged);
  REQUIRE(settle(state));
  REQUIRE(state.result() != nullptr);
  CHECK(state.slot().scenario.sessions[0].device.needle_length_mm == 0.5);
  CHECK(state.result()->outcome.collagen_rel != before);
  CHECK(state.snapshotsVersion > version);
}

TEST_CASE("ViewerState: other scenarios are simulated for comparison, snapshots only on show",
          "[state]") {
  Scenario roller = quick("acne_scars_roller");
  ViewerState state({quick(), roller});
  REQUIRE(settle(state));
  REQUIRE(state.slots[0].result.has_value());
  REQUIRE(state.slots[1].result.has_value());
  CHECK_FALSE(state.slots[0].snapshots.empty());
  CHECK(state.slots[1].snapshots.empty());

  activateSlot(state, 1);
  CHECK(state.active == 1);
  CHECK(state.slots[0].snapshots.empty());
  REQUIRE(settle(state));
  CHECK_FALSE(state.slots[1].snapshots.empty());
}

TEST_CASE("ViewerState: load and save report errors and keep the scenarios", "[state]") {
  ViewerState state({quick()});
  REQUIRE(settle(state));
  CHECK_FALSE(loadScenarioInto(state, "no_such_builtin"));
  CHECK(state.noticeIsError);
  CHECK_THAT(state.notice, Catch::Contains("no_such_builtin"));
  CHECK(state.slots.size() == 1);

  const auto folder = std::filesystem::temp_directory_path() / "dermasim_viewer_state_test";
  std::filesystem::create_directories(folder);
  CHECK_FALSE(saveDraft(state, folder / "wrong.txt"));
  CHECK(state.noticeIsError);
  const auto file = folder / "saved.toml";
  std::filesystem::remove(file);
  state.slot().draft.patient.fitzpatrick = 5;
  REQUIRE(saveDraft(state, file));
  const Scenario back = loadScenarioFile(file);
  CHECK(back.patient.fitzpatrick == 5);
  CHECK(back.sessions.size() == 1);

  REQUIRE(loadScenarioInto(state, file.string()));
  CHECK(state.slots.size() == 2);
  CHECK(state.active == 1);
  REQUIRE(settle(state));
  CHECK(state.result() != nullptr);
  std::filesystem::remove_all(folder);
}
