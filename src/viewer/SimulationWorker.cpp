#include "viewer/SimulationWorker.hpp"

#include <algorithm>
#include <cmath>
#include <exception>

#include "viewer/SnapshotCache.hpp"

namespace dermasim::viewer {
namespace {

// Snapshot fields: 7 floats per surface column, 8 per section cell. The section depth is not
// known before the baseline skin is built; 2.5 mm covers the sites' dermis.
constexpr double kSurfaceFloats = 7;
constexpr double kSectionFloats = 8;
constexpr double kSectionDepthMm = 2.5;
// Hours after a session when bleeding and the start of redness are on show.
constexpr double kFirstHoursDays = 0.25;
constexpr double kSameDay = 1e-6;

}  // namespace

double snapshotBytes(const Scenario& scenario, int sections) {
  const ModelSettings& m = scenario.model;
  const double side = std::ceil(m.patch_size_mm * 1000.0 / m.lateral_resolution_um);
  const double depth = std::ceil(kSectionDepthMm * 1000.0 / m.depth_resolution_um);
  return sizeof(float) *
         (kSurfaceFloats * side * side + kSectionFloats * side * depth * std::max(1, sections));
}

std::vector<double> viewerSnapshotDays(const Scenario& scenario, int sections) {
  const double end = scenario.duration_days;
  std::vector<double> days{0.0, end};
  for (const SessionPlan& session : scenario.sessions) {
    days.push_back(session.day);
    days.push_back(session.day + kFirstHoursDays);
    for (const double offset : kKeyDayOffsets) days.push_back(session.day + offset);
  }
  const double wholeDays = std::floor(end) + 1;
  const double budgetCount =
      std::max(1.0, kSnapshotBudgetBytes / snapshotBytes(scenario, sections));
  const double every = std::max(1.0, std::ceil(wholeDays / budgetCount));
  for (double day = 0; day <= end; day += every) days.push_back(day);

  std::erase_if(days, [&](double d) { return d < 0 || d > end; });
  std::sort(days.begin(), days.end());
  days.erase(std::unique(days.begin(), days.end(),
                         [](double a, double b) { return std::abs(a - b) < kSameDay; }),
             days.end());
  return days;
}

SimulationWorker::~SimulationWorker() {
  cancel();
  if (thread_.joinable()) thread_.join();
  for (Retired& r : retired_) r.thread.join();
}

void SimulationWorker::start(Scenario scenario) {
  RunOptions options;
  options.snapshot_days = viewerSnapshotDays(scenario);
  start(std::move(scenario), std::move(options));
}

void SimulationWorker::start(Scenario scenario, RunOptions options) {
  reapRetired();
  if (thread_.joinable()) {
    run_->cancel = true;
    retired_.push_back({std::move(thread_), run_});
  }
  ++generation_;
  run_ = std::make_shared<Run>();
  thread_ = std::thread(
      [run = run_, s = std::move(scenario), o = std::move(options)] { execute(run, s, o); });
}

void SimulationWorker::execute(const std::shared_ptr<Run>& run, const Scenario& scenario,
                               const RunOptions& options) {
  const auto finish = [&](State state, std::string status, std::optional<RunResult> result) {
    {
      const std::lock_guard lock(run->mutex);
      run->status = std::move(status);
      run->result = std::move(result);
    }
    run->state = state;
  };
  try {
    const auto progress = [&run](double fraction, std::string_view what) {
      if (run->cancel) throw Cancelled();
      run->progress = fraction;
      const std::lock_guard lock(run->mutex);
      if (!run->cancel) run->status.assign(what);  // keeps "cancelling" once asked
    };
    RunResult result = simulate(scenario, progress, options);
    if (run->cancel) {
      finish(State::Cancelled, "cancelled", std::nullopt);
      return;
    }
    finish(State::Done, "done", std::move(result));
  } catch (const Cancelled&) {
    finish(State::Cancelled, "cancelled", std::nullopt);
  } catch (const std::exception& e) {
    finish(State::Failed, std::string("failed: ") + e.what(), std::nullopt);
  }
}

void SimulationWorker::cancel() {
  if (!run_ || run_->state != State::Running) return;
  run_->cancel = true;
  const std::lock_guard lock(run_->mutex);
  run_->status = "cancelling";
}

SimulationWorker::State SimulationWorker::state() const {
  return run_ ? run_->state.load() : State::Idle;
}

bool SimulationWorker::ready() const {
  if (!run_ || run_->state != State::Done) return false;
  const std::lock_guard lock(run_->mutex);
  return run_->result.has_value();
}

double SimulationWorker::progress() const { return run_ ? run_->progress.load() : 0.0; }

std::string SimulationWorker::status() const {
  if (!run_) return "";
  const std::lock_guard lock(run_->mutex);
  return run_->status;
}

std::optional<RunResult> SimulationWorker::takeResult() {
  reapRetired();
  if (!run_ || run_->state != State::Done) return std::nullopt;
  std::optional<RunResult> out;
  const std::lock_guard lock(run_->mutex);
  out.swap(run_->result);
  return out;
}

void SimulationWorker::reapRetired() {
  std::erase_if(retired_, [](Retired& r) {
    if (r.run->state == State::Running) return false;
    r.thread.join();  // the run has stopped: its thread is returning
    return true;
  });
}

}  // namespace dermasim::viewer
