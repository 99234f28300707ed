// The plots' percentile bands: the band job (CohortBands) runs the scenario's cohort on the
// preview grid in the background and gives p10 <= p50 <= p90 that really spread, the same as
// the core's cohort run on any thread count; it is cancelled or replaced on demand. The rules
// (PlotBands): bands wait for the scenario's own result, an edit drops them and cancels their
// job, and moving the day or bringing compare mode's other protocol to the front re-runs nothing.
#include <catch2/catch.hpp>

#include <chrono>
#include <thread>

#include "ViewerTestSupport.hpp"
#include "core/cohort/CohortRun.hpp"
#include "io/ScenarioFile.hpp"
#include "io/ScenarioSource.hpp"
#include "viewer/CohortBands.hpp"
#include "viewer/CompareMode.hpp"
#include "viewer/PlotBands.hpp"
#include "viewer/PreviewScenario.hpp"
#include "viewer/ViewerState.hpp"

using namespace dermasim;
using namespace dermasim::viewer;
using namespace std::chrono_literals;

namespace {

// The fewest patients the toggle allows, on the small patch: about a second for the cohort.
constexpr int kPatients = kMinBandPatients;

bool waitForJob(const CohortBandJob& job, std::chrono::seconds limit = 60s) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (job.running()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(10ms);
  }
  return true;
}

// Polls like the UI thread, once a frame, until neither a run nor a band job is going.
bool settle(ViewerState& state, std::chrono::seconds limit = 120s) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  pollWorker(state);
  while (state.busy() || state.bandSlot.has_value()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(10ms);
    pollWorker(state);
  }
  return true;
}

// The band's top at its reddest: two weeks on, the redness itself has faded back.
double peakP90Redness(const CohortBands& bands) {
  double peak = 0;
  for (const SkinReading& r : bands.p90) peak = std::max(peak, r.redness_a);
  return peak;
}

}  // namespace

TEST_CASE("CohortBandJob: p10 <= p50 <= p90 over the patients, spread, as the core runs them",
          "[bands]") {
  const Scenario scenario = test::smallPatch();
  CohortBandJob job;
  job.start(scenario, kPatients);
  REQUIRE(waitForJob(job));
  REQUIRE(job.state() == CohortBandJob::State::Done);
  CHECK(job.progress() == 1.0);
  const std::optional<CohortBands> bands = job.takeBands();
  REQUIRE(bands.has_value());
  CHECK_FALSE(job.takeBands().has_value());  // moved out once
  CHECK(bands->patients == static_cast<std::size_t>(kPatients));
  REQUIRE(bands->p10.size() > 3);
  REQUIRE(bands->p50.size() == bands->p10.size());
  REQUIRE(bands->p90.size() == bands->p10.size());
  CHECK(bands->p10.back().day == Approx(scenario.duration_days));

  double widestRedness = 0, widestScar = 0;
  for (std::size_t i = 0; i < bands->p10.size(); ++i) {
    const SkinReading &lo = bands->p10[i], &mid = bands->p50[i], &hi = bands->p90[i];
    INFO("day " << lo.day);
    CHECK(lo.redness_a <= mid.redness_a);
    CHECK(mid.redness_a <= hi.redness_a);
    CHECK(lo.scar_depth_um <= mid.scar_depth_um);
    CHECK(mid.scar_depth_um <= hi.scar_depth_um);
    CHECK(lo.collagen_rel <= mid.collagen_rel);
    CHECK(mid.collagen_rel <= hi.collagen_rel);
    widestRedness = std::max(widestRedness, hi.redness_a - lo.redness_a);
    widestScar = std::max(widestScar, hi.scar_depth_um - lo.scar_depth_um);
  }
  // The patients heal differently: a band, not a line.
  CHECK(widestRedness > 0.05);
  CHECK(widestScar > 0.1);

  // The scenario's own patient on the same coarse days, which lays the band on the line.
  REQUIRE(bands->own.size() == bands->p10.size());
  CHECK(bands->own.back().day == bands->p10.back().day);

  // The same numbers as the core's cohort of the preview on one thread.
  const Scenario preview = previewScenario(scenario);
  const CohortBands direct =
      cohortBands(simulateCohort(preview, kPatients, 1), simulate(preview).timeseries);
  REQUIRE(direct.p90.size() == bands->p90.size());
  for (std::size_t i = 0; i < direct.p90.size(); ++i) {
    CHECK(direct.p10[i].redness_a == bands->p10[i].redness_a);
    CHECK(direct.p90[i].scar_depth_um == bands->p90[i].scar_depth_um);
  }
}

TEST_CASE("PlotBands: a band is its cohort's spread about the scenario's own run, on the line",
          "[bands]") {
  const Scenario scenario = test::smallPatch();
  const Scenario preview = previewScenario(scenario);
  const CohortBands bands =
      cohortBands(simulateCohort(preview, kPatients, 1), simulate(preview).timeseries);
  const auto scar = [](const SkinReading& r) { return r.scar_depth_um; };
  // Laid on the coarse run itself, the band is the cohort's p10 to p90 as it was computed.
  const BandColumns coarse = bandColumns(bands, scar, bands.own);
  REQUIRE(coarse.days.size() == bands.p10.size());
  for (std::size_t i = 0; i < coarse.days.size(); ++i) {
    CHECK(coarse.low[i] == Approx(bands.p10[i].scar_depth_um));
    CHECK(coarse.high[i] == Approx(bands.p90[i].scar_depth_um));
  }
  // Laid on the full run, it moves by the grids' difference each day, keeping its width.
  const RunResult full = simulate(scenario);
  const BandColumns laid = bandColumns(bands, scar, full.timeseries);
  const double lastShift = full.timeseries.back().scar_depth_um - bands.own.back().scar_depth_um;
  CHECK(laid.low.back() == Approx(bands.p10.back().scar_depth_um + lastShift));
  CHECK(laid.high.back() - laid.low.back() ==
        Approx(bands.p90.back().scar_depth_um - bands.p10.back().scar_depth_um));
}

TEST_CASE("CohortBandJob: the bar moves on through the scenario's own patient", "[bands]") {
  CohortBandJob job;
  job.start(test::smallPatch(), kPatients);
  // Polled as the UI polls: the share never falls back, and while the scenario's own patient
  // runs (the last of kPatients + 1 runs) it lies between the patients' share and 1. It used to
  // sit full from the last patient on.
  const double patientsShare = kPatients / (kPatients + 1.0);
  std::vector<double> running;
  int ownPatient = 0;
  const auto deadline = std::chrono::steady_clock::now() + 60s;
  while (job.running() && std::chrono::steady_clock::now() < deadline) {
    const double share = job.progress();
    if (!job.running()) break;
    running.push_back(share);
    if (share > patientsShare + 1e-9 && share < 1.0) ++ownPatient;
    std::this_thread::sleep_for(2ms);
  }
  REQUIRE(job.state() == CohortBandJob::State::Done);
  for (std::size_t i = 1; i < running.size(); ++i) CHECK(running[i] >= running[i - 1]);
  CHECK(ownPatient > 0);
  CHECK(job.progress() == 1.0);
}

TEST_CASE("CohortBandJob: cancelled on request, and a new job replaces the one going", "[bands]") {
  const Scenario scenario = test::smallPatch();
  CohortBandJob job;
  job.start(scenario, kMaxBandPatients);
  job.cancel();
  REQUIRE(waitForJob(job, 20s));
  CHECK(job.state() == CohortBandJob::State::Cancelled);
  CHECK_FALSE(job.takeBands().has_value());

  // A long job replaced by a short one: only the short one's bands are reported.
  job.start(scenario, kMaxBandPatients);
  job.start(scenario, kPatients);
  REQUIRE(waitForJob(job));
  const std::optional<CohortBands> bands = job.takeBands();
  REQUIRE(bands.has_value());
  CHECK(bands->patients == static_cast<std::size_t>(kPatients));
}

TEST_CASE("PlotBands: after the scenario's own result, dropped and re-run on an edit",
          "[bands][state]") {
  ViewerState state({test::smallPatch()});
  state.rangeBands = true;
  state.bandPatients = kPatients;
  // The scenario's own run comes first: no band job beside it.
  pollWorker(state);
  CHECK(state.busy());
  CHECK_FALSE(state.bandSlot.has_value());
  REQUIRE(settle(state));
  REQUIRE(state.slot().result.has_value());
  CHECK_FALSE(state.slot().preview);
  const CohortBands* bands = shownBands(state, state.active);
  REQUIRE(bands != nullptr);
  CHECK(bands->patients == static_cast<std::size_t>(kPatients));
  const double p90Before = peakP90Redness(*bands);

  // Another day and the toggle off and on again: the same bands, nothing re-run.
  state.playback.seek(5, state.lastDay());
  state.rangeBands = false;
  pollWorker(state);
  CHECK(shownBands(state, state.active) == nullptr);
  state.rangeBands = true;
  pollWorker(state);
  CHECK_FALSE(state.bandSlot.has_value());
  CHECK(state.slot().bands.size() == 1);

  // An edit (deeper needles) drops them; once the new result is in, new bands are computed.
  state.slot().draft.sessions.front().device.needle_length_mm = 2.0;
  REQUIRE(applyDraft(state));
  CHECK(state.slot().bands.empty());
  CHECK(shownBands(state, state.active) == nullptr);
  REQUIRE(settle(state));
  bands = shownBands(state, state.active);
  REQUIRE(bands != nullptr);
  CHECK(peakP90Redness(*bands) != p90Before);
}

TEST_CASE("PlotBands: an edit while the band job runs cancels it", "[bands][state]") {
  ViewerState state({test::smallPatch()});
  REQUIRE(settle(state));
  state.rangeBands = true;
  state.bandPatients = kMaxBandPatients;
  pollWorker(state);
  REQUIRE(state.bandSlot == state.active);
  CHECK(state.bandJob.running());
  state.slot().draft.sessions.front().device.needle_length_mm = 0.5;
  REQUIRE(applyDraft(state));
  CHECK_FALSE(state.bandSlot.has_value());
  // The job stops within a step of each patient: long before 100 patients could finish.
  REQUIRE(waitForJob(state.bandJob, 20s));
  CHECK(state.bandJob.state() == CohortBandJob::State::Cancelled);
  CHECK(state.slot().bands.empty());
  cancelBands(state);  // the toggle off: the test ends without the 100-patient cohort
  CHECK_FALSE(state.rangeBands);
}

TEST_CASE("PlotBands: both protocols get bands, and the front swap re-runs nothing",
          "[bands][compare]") {
  // A week of the small patch: four cohorts and two full runs in a few seconds.
  Scenario shallow = test::smallPatch();
  shallow.duration_days = 7;
  Scenario deeper = shallow;
  deeper.name = "deeper";
  deeper.sessions.front().device.needle_length_mm = 2.0;
  ViewerState state({shallow, deeper});
  REQUIRE(settle(state));
  enterCompare(state);
  state.rangeBands = true;
  state.bandPatients = kPatients;
  REQUIRE(settle(state));
  const CohortBands* a = shownBands(state, state.compare.a);
  const CohortBands* b = shownBands(state, state.compare.b);
  REQUIRE(a != nullptr);
  REQUIRE(b != nullptr);
  CHECK(peakP90Redness(*a) != peakP90Redness(*b));

  bringToFront(state, state.compare.b);
  state.playback.seek(3, state.lastDay());
  for (int frame = 0; frame < 5; ++frame) {
    pollWorker(state);
    CHECK_FALSE(state.busy());
    CHECK_FALSE(state.bandSlot.has_value());
  }
  CHECK(shownBands(state, state.compare.a) == a);
  CHECK(shownBands(state, state.compare.b) == b);
  CHECK(state.slots[state.compare.a].bands.size() == 1);
  CHECK(state.slots[state.compare.b].bands.size() == 1);

  // Another count is another cohort; the first is kept for switching back.
  const double aP90 = a->p90.back().redness_a;
  state.bandPatients = kPatients + 1;
  REQUIRE(settle(state));
  CHECK(state.slots[state.compare.a].bands.size() == 2);
  state.bandPatients = kPatients;
  pollWorker(state);
  CHECK_FALSE(state.bandSlot.has_value());
  REQUIRE(shownBands(state, state.compare.a) != nullptr);
  CHECK(shownBands(state, state.compare.a)->p90.back().redness_a == aP90);
}

// Not run by ctest (hidden): how long the default band takes on the default series, for
// docs/VIEWER.md. `viewer_cohort_bands_test "[measure]"`.
TEST_CASE("CohortBandJob: the default band of the default series, timed", "[.][measure]") {
  const Scenario scenario = loadBuiltinScenario(kDefaultScenario);
  for (const int workers : {1, 2}) {
    CohortBandJob job;
    const auto start = std::chrono::steady_clock::now();
    job.start(scenario, kDefaultBandPatients, workers);
    REQUIRE(waitForJob(job, 600s));
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    REQUIRE(job.takeBands().has_value());
    WARN(kDefaultBandPatients << " patients of " << kDefaultScenario << " on the preview grid, "
                              << workers << " worker(s): " << seconds << " s");
  }
}
