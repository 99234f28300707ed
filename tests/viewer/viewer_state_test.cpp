// The viewer's state: runs start on their own, results and snapshots land in the right scenario,
// drafts are checked like files, other scenarios are simulated for the comparison plots, and
// load/save errors are reported without losing what was there. A coarse preview comes first,
// labelled, and the full result replaces it; an edit restarts from a preview; cancel keeps it.
#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <thread>
#include <vector>

#include "ViewerTestSupport.hpp"
#include "io/ScenarioFile.hpp"
#include "viewer/CompareMode.hpp"
#include "viewer/PreviewScenario.hpp"
#include "viewer/ViewerState.hpp"

using namespace dermasim;
using namespace dermasim::viewer;
using namespace std::chrono_literals;

namespace {

// Three weeks after one session on a small patch: a fraction of a second.
Scenario quick(const char* builtin = "acne_scars_pen") { return test::smallPatch(builtin, 21); }

using test::settle;

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
  // Its aftercare is made once, for patient mode: the first hours have their instructions.
  CHECK(state.slot().aftercare.size() == aftercarePlan(*state.result()).size());
  CHECK_FALSE(aftercareOn(state.slot().aftercare, 0.5).empty());
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

namespace {

// The grid spacing across the skin of what is on show, mm; 0 for nothing. Tells the preview
// (kPreviewLateralResolutionUm) from the full result (the scenario's own).
double shownSpacing(const ViewerState& state) {
  return state.result() != nullptr ? state.result()->grid.dx_mm : 0.0;
}

// Polls like the UI thread until the preview is on show, noting every grid seen on the way.
bool untilPreview(ViewerState& state, std::vector<double>& seen, std::chrono::seconds limit = 60s) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (!state.showingPreview()) {
    if (std::chrono::steady_clock::now() > deadline || !state.busy()) return false;
    std::this_thread::sleep_for(2ms);
    pollWorker(state);
    if (shownSpacing(state) > 0 && (seen.empty() || seen.back() != shownSpacing(state))) {
      seen.push_back(shownSpacing(state));
    }
  }
  return true;
}

constexpr double kPreviewMm = kPreviewLateralResolutionUm / 1000;

Scenario small() { return test::smallPatch(); }

}  // namespace

TEST_CASE("ViewerState: a preview first, labelled, then the full result replaces it",
          "[state][preview]") {
  const Scenario s = small();
  const double fullMm = s.model.lateral_resolution_um / 1000;
  ViewerState state({s});
  CHECK(state.runningKind == RunKind::Preview);
  CHECK(previewLabel(state).empty());  // nothing on show yet
  const std::uint64_t version = state.snapshotsVersion;
  std::vector<double> seen;
  REQUIRE(untilPreview(state, seen));
  // The preview's coarse grid, drawable, labelled, and the full run already under way.
  CHECK(shownSpacing(state) == Approx(kPreviewMm));
  CHECK_FALSE(state.slot().snapshots.empty());
  CHECK(state.snapshotsVersion > version);
  CHECK(state.lastDay() == Approx(s.duration_days));
  CHECK(state.busy());
  CHECK(state.refining());
  CHECK(state.runningKind == RunKind::Full);
  CHECK_THAT(previewLabel(state), Catch::StartsWith("Preview") && Catch::Contains("refining"));
  CHECK_THAT(state.notice, Catch::Contains("preview"));

  const std::uint64_t previewVersion = state.snapshotsVersion;
  const std::size_t previewSnapshots = state.slot().snapshots.size();
  REQUIRE(settle(state));
  CHECK_FALSE(state.showingPreview());
  CHECK_FALSE(state.slot().preview);
  CHECK(previewLabel(state).empty());
  CHECK(shownSpacing(state) == Approx(fullMm));
  CHECK(state.snapshotsVersion > previewVersion);
  CHECK(state.slot().snapshots.snapshot(0).sections.size() ==
        static_cast<std::size_t>(kViewerSections));
  // The preview's regular snapshots were sparser (kPreviewSnapshotEveryDays); the full run's daily.
  CHECK(previewSnapshots < state.slot().snapshots.size());
  CHECK_THAT(state.notice, Catch::StartsWith("simulated"));
}

TEST_CASE("ViewerState: an edit while refining restarts from the preview", "[state][preview]") {
  ViewerState state({small()});
  std::vector<double> seen;
  REQUIRE(untilPreview(state, seen));
  REQUIRE(state.runningKind == RunKind::Full);
  const std::uint64_t generation = state.worker.generation();

  ScenarioSlot& slot = state.slot();
  slot.draft.sessions[0].device.needle_length_mm = 0.5;
  slot.draftChanged = true;
  REQUIRE(applyDraft(state));
  // The old preview is gone at once, and a new preview (not the full run) is on its way.
  CHECK_FALSE(state.showingPreview());
  CHECK(state.result() == nullptr);
  CHECK(state.slot().snapshots.empty());
  CHECK(state.runningKind == RunKind::Preview);
  CHECK(state.worker.generation() == generation + 1);

  seen.clear();
  REQUIRE(untilPreview(state, seen));
  REQUIRE(settle(state));
  if (shownSpacing(state) != seen.back()) seen.push_back(shownSpacing(state));
  // The replaced full run never shows: the edit's preview, then the edit's full result.
  REQUIRE(seen.size() == 2);
  CHECK(seen[0] == Approx(kPreviewMm));
  CHECK(seen[1] == Approx(small().model.lateral_resolution_um / 1000));
  REQUIRE(state.result() != nullptr);
  CHECK(state.result()->sessions.at(0).device.needle_length_mm == 0.5);
  CHECK_FALSE(state.showingPreview());
}

TEST_CASE("ViewerState: cancel keeps the preview, labelled, until it is refined",
          "[state][preview]") {
  ViewerState state({small()});
  std::vector<double> seen;
  REQUIRE(untilPreview(state, seen));
  cancelRun(state);
  REQUIRE(settle(state, 10s));
  CHECK(state.worker.state() == SimulationWorker::State::Cancelled);
  // Still the preview, and said so: not passed off as the result.
  CHECK(state.showingPreview());
  CHECK(shownSpacing(state) == Approx(kPreviewMm));
  CHECK_FALSE(state.refining());
  CHECK_THAT(previewLabel(state), Catch::Contains("cancelled"));
  CHECK_THAT(state.notice, Catch::Contains("preview"));

  refinePreview(state);
  CHECK(state.refining());
  CHECK(state.runningKind == RunKind::Full);
  REQUIRE(settle(state));
  CHECK_FALSE(state.showingPreview());
  CHECK(shownSpacing(state) == Approx(small().model.lateral_resolution_um / 1000));
}

TEST_CASE("ViewerState: cancel before the preview leaves nothing on show", "[state][preview]") {
  ViewerState state({small()});
  REQUIRE(state.runningKind == RunKind::Preview);
  cancelRun(state);
  REQUIRE(settle(state, 10s));
  CHECK(state.result() == nullptr);
  CHECK_FALSE(state.showingPreview());
  CHECK(state.slot().snapshots.empty());
  CHECK(previewLabel(state).empty());
  CHECK_THAT(state.notice, Catch::Equals("simulation cancelled"));
}

TEST_CASE("ViewerState: compare mode keeps both snapshots, the front switches without a run",
          "[state][compare]") {
  ViewerState state({test::smallPatch(), test::smallPatch()});
  state.slots[1].scenario.name = "deeper";
  for (SessionPlan& s : state.slots[1].scenario.sessions) s.device.needle_length_mm = 2.5;
  state.slots[1].draft = state.slots[1].scenario;
  // On while A's preview runs: B's full run, with snapshots, follows A's.
  enterCompare(state);
  CHECK(state.compare.on);
  CHECK(state.compare.a == 0);
  CHECK(state.compare.b == 1);
  CHECK(state.runningSlot == std::optional<std::size_t>(0));
  REQUIRE(settle(state));
  REQUIRE(compareReady(state));
  const ScenarioSlot& a = state.slots[0];
  const ScenarioSlot& b = state.slots[1];
  CHECK_FALSE(a.snapshots.empty());
  CHECK_FALSE(b.snapshots.empty());
  CHECK_FALSE(b.preview);
  CHECK(b.result->outcome.collagen_rel != a.result->outcome.collagen_rel);

  // Either to the front, by F, the list or the label: no run starts, nothing is dropped.
  const std::uint64_t version = state.snapshotsVersion;
  state.playback.seek(7, state.lastDay());
  bringToFront(state, 1);
  CHECK(state.active == 1);
  CHECK_FALSE(state.busy());
  activateSlot(state, 0);
  CHECK(state.active == 0);
  CHECK_FALSE(state.busy());
  activateSlot(state, 1);
  CHECK_FALSE(state.busy());
  pollWorker(state);
  CHECK_FALSE(state.busy());
  CHECK_FALSE(a.snapshots.empty());
  CHECK_FALSE(b.snapshots.empty());
  CHECK(state.snapshotsVersion > version);
  CHECK(state.playback.day() == Approx(7));
  // A and B keep their sides whichever is in front.
  CHECK(state.compare.a == 0);
  CHECK(state.compare.b == 1);

  // Two caches, each well within its budget (the estimate is what bounds the snapshot days).
  const std::size_t bytes = snapshotCacheBytes(a.snapshots) + snapshotCacheBytes(b.snapshots);
  CHECK(bytes > 0);
  CHECK(static_cast<double>(bytes) < kSnapshotBudgetBytes + kCompareSnapshotBudgetBytes);

  // Leaving keeps the one in front and drops the other's snapshots (its plots stay).
  leaveCompare(state);
  CHECK_FALSE(state.compare.on);
  CHECK(state.active == 1);
  CHECK_FALSE(b.snapshots.empty());
  CHECK(a.snapshots.empty());
  CHECK(a.result.has_value());
}

TEST_CASE("ViewerState: compare mode with one scenario compares it with a copy to edit",
          "[state][compare]") {
  ViewerState state({test::smallPatch()});
  REQUIRE(settle(state));
  enterCompare(state);
  REQUIRE(state.slots.size() == 2);
  CHECK(state.slots[1].scenario.name == state.slots[0].scenario.name + " (B)");
  // Nothing else ran: B's full run starts at once.
  CHECK(state.runningSlot == std::optional<std::size_t>(1));
  CHECK(state.runningKind == RunKind::Full);
  REQUIRE(settle(state));
  CHECK(compareReady(state));
  CHECK_FALSE(state.slots[0].snapshots.empty());
  CHECK_FALSE(state.slots[1].snapshots.empty());
}

TEST_CASE("protocolSummary: device, the sessions' depth range and their interval", "[compare]") {
  CHECK(protocolSummary(loadBuiltinScenario("acne_scars_pen")) ==
        "pen 1-1.5 mm, 4 sessions every 28 d");
  CHECK(protocolSummary(quick("acne_scars_roller")).rfind("roller ", 0) == 0);
}
