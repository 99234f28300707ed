// The background worker: progress while it runs, a result when done, prompt cancellation, and a
// second start replacing the first without making the caller wait, the first stopping before
// the second computes.

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <thread>

#include "ViewerTestSupport.hpp"
#include "io/ScenarioFile.hpp"
#include "viewer/SimulationWorker.hpp"

using namespace dermasim;
using namespace dermasim::viewer;
using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

namespace {

// One month after one session on a small patch: a fraction of a second.
Scenario shortRun() { return test::smallPatch("acne_scars_pen", 30); }

// The full built-in series on its own grid: many seconds, long enough to cancel in the middle.
Scenario longRun() { return loadBuiltinScenario("acne_scars_pen"); }

// Polls like a UI thread, once a frame, until `done` or the deadline.
template <typename Done>
bool waitFor(Done done, std::chrono::milliseconds limit) {
  const auto deadline = Clock::now() + limit;
  while (!done()) {
    if (Clock::now() > deadline) return false;
    std::this_thread::sleep_for(16ms);
  }
  return true;
}

double secondsSince(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

// Watches until the worker's run has ended (or the deadline): the most runs seen simulating at
// once. Polls every millisecond, well under one time step, so an overlap of a step shows.
int mostComputingUntilDone(const SimulationWorker& worker, std::chrono::seconds limit) {
  const auto deadline = Clock::now() + limit;
  int most = 0;
  while (worker.running() && Clock::now() < deadline) {
    most = std::max(most, SimulationWorker::runsComputing());
    std::this_thread::sleep_for(1ms);
  }
  return most;
}

}  // namespace

TEST_CASE("SimulationWorker: runs in the background and hands over the result", "[worker]") {
  SimulationWorker worker;
  CHECK(worker.state() == SimulationWorker::State::Idle);
  CHECK_FALSE(worker.ready());
  CHECK_FALSE(worker.takeResult().has_value());

  const Scenario s = shortRun();
  const auto started = Clock::now();
  worker.start(s);
  CHECK(secondsSince(started) < 0.1);
  CHECK(worker.generation() == 1);
  double seenProgress = 0;
  REQUIRE(waitFor(
      [&] {
        seenProgress = std::max(seenProgress, worker.progress());
        return !worker.running();
      },
      120s));
  CHECK(worker.state() == SimulationWorker::State::Done);
  CHECK(worker.ready());
  CHECK(worker.progress() == 1.0);
  CHECK(worker.status() == "done");
  CHECK(seenProgress > 0);

  std::optional<RunResult> result = worker.takeResult();
  REQUIRE(result.has_value());
  CHECK(result->timeseries.back().day == Approx(30));
  CHECK(result->snapshots.size() == viewerSnapshotDays(s).size());
  CHECK_FALSE(worker.ready());
  CHECK_FALSE(worker.takeResult().has_value());  // moved out once
}

TEST_CASE("SimulationWorker: reports progress and what it is doing", "[worker]") {
  SimulationWorker worker;
  worker.start(longRun());
  REQUIRE(waitFor([&] { return worker.progress() > 0.01; }, 120s));
  CHECK(worker.running());
  CHECK(worker.progress() < 1.0);
  const std::string status = worker.status();
  CHECK((status == "healing" || status.starts_with("session") || status.starts_with("building")));
  // The destructor cancels and joins.
}

TEST_CASE("SimulationWorker: cancel stops the run promptly and leaves no result", "[worker]") {
  SimulationWorker worker;
  worker.start(longRun());
  REQUIRE(waitFor([&] { return worker.progress() > 0.02; }, 120s));
  const auto cancelled = Clock::now();
  worker.cancel();
  CHECK(secondsSince(cancelled) < 0.05);  // cancel() itself does not wait
  REQUIRE(waitFor([&] { return !worker.running(); }, 10s));
  const double took = secondsSince(cancelled);
  INFO("stopped " << took << " s after cancel()");
  CHECK(took < 1.0);
  CHECK(worker.state() == SimulationWorker::State::Cancelled);
  CHECK(worker.status() == "cancelled");
  CHECK_FALSE(worker.ready());
  CHECK_FALSE(worker.takeResult().has_value());
}

TEST_CASE("SimulationWorker: a second start replaces the first without waiting", "[worker]") {
  SimulationWorker worker;
  worker.start(longRun());
  REQUIRE(waitFor([&] { return worker.progress() > 0.01; }, 120s));
  const auto restarted = Clock::now();
  const Scenario second = shortRun();
  worker.start(second);
  CHECK(secondsSince(restarted) < 0.1);
  CHECK(worker.generation() == 2);
  CHECK(worker.running());
  REQUIRE(waitFor([&] { return !worker.running(); }, 120s));
  CHECK(worker.state() == SimulationWorker::State::Done);
  std::optional<RunResult> result = worker.takeResult();
  REQUIRE(result.has_value());
  // The second scenario's result, not the first's.
  CHECK(result->timeseries.back().day == Approx(second.duration_days));
  CHECK(result->sessions.size() == 1);
}

TEST_CASE("SimulationWorker: a failing run reports why", "[worker]") {
  SimulationWorker worker;
  Scenario broken = shortRun();
  broken.parameter_overrides["no.such_parameter"] = 1;
  worker.start(broken, RunOptions{});
  REQUIRE(waitFor([&] { return !worker.running(); }, 60s));
  CHECK(worker.state() == SimulationWorker::State::Failed);
  CHECK(worker.status().starts_with("failed: "));
  CHECK(worker.status().find("no.such_parameter") != std::string::npos);
  CHECK_FALSE(worker.ready());
  CHECK_FALSE(worker.takeResult().has_value());
}

TEST_CASE("SimulationWorker: a replaced run stops before the new one computes", "[worker]") {
  SimulationWorker worker;
  worker.start(longRun());
  REQUIRE(waitFor([&] { return worker.progress() > 0.01; }, 120s));
  REQUIRE(SimulationWorker::runsComputing() == 1);
  const auto restarted = Clock::now();
  const Scenario second = shortRun();
  worker.start(second);
  CHECK(secondsSince(restarted) < 0.1);  // the wait is on the new run's thread, not the caller's
  CHECK(mostComputingUntilDone(worker, 120s) == 1);
  CHECK(SimulationWorker::runsComputing() == 0);
  REQUIRE(worker.state() == SimulationWorker::State::Done);
  std::optional<RunResult> result = worker.takeResult();
  REQUIRE(result.has_value());
  CHECK(result->timeseries.back().day == Approx(second.duration_days));
}

TEST_CASE("SimulationWorker: of quick replacements only the last computes to the end", "[worker]") {
  SimulationWorker worker;
  worker.start(longRun());
  REQUIRE(waitFor([&] { return worker.progress() > 0.01; }, 120s));
  for (int i = 0; i < 3; ++i) worker.start(longRun());
  const Scenario last = test::smallPatch("acne_scars_pen", 12);
  const auto started = Clock::now();
  worker.start(last);
  CHECK(secondsSince(started) < 0.1);
  CHECK(worker.generation() == 5);
  CHECK(mostComputingUntilDone(worker, 120s) == 1);
  REQUIRE(worker.state() == SimulationWorker::State::Done);
  std::optional<RunResult> result = worker.takeResult();
  REQUIRE(result.has_value());
  // The last run's scenario: none of the replaced runs' results comes through.
  CHECK(result->timeseries.back().day == Approx(12));
  CHECK(result->sessions.size() == 1);
}
