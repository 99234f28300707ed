#include "viewer/SimulationWorker.hpp"

#include <algorithm>
#include <cmath>
#include <exception>

#if defined(__linux__)
#include <pthread.h>
#endif

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

// So top -H, a debugger and the idle-CPU test (tests/viewer/idle_cpu.sh) can tell a simulation
// from the window's own threads; OpenMP's helpers started from it inherit the name.
void nameThisThread() {
#if defined(__linux__)
  pthread_setname_np(pthread_self(), "dermasim-run");
#endif
}

}  // namespace

double snapshotBytes(const Scenario& scenario, int sections) {
  const ModelSettings& m = scenario.model;
  const double side = std::ceil(m.patch_size_mm * 1000.0 / m.lateral_resolution_um);
  const double depth = std::ceil(kSectionDepthMm * 1000.0 / m.depth_resolution_um);
  return sizeof(float) *
         (kSurfaceFloats * side * side + kSectionFloats * side * depth * std::max(1, sections));
}

std::vector<double> viewerSnapshotDays(const Scenario& scenario, int sections, int everyDays,
                                       double budgetBytes) {
  const double end = scenario.duration_days;
  std::vector<double> days{0.0, end};
  for (const SessionPlan& session : scenario.sessions) {
    days.push_back(session.day);
    days.push_back(session.day + kFirstHoursDays);
    for (const double offset : kKeyDayOffsets) days.push_back(session.day + offset);
  }
  const double wholeDays = std::floor(end) + 1;
  const double budgetCount = std::max(1.0, budgetBytes / snapshotBytes(scenario, sections));
  const double every =
      std::max(static_cast<double>(std::max(1, everyDays)), std::ceil(wholeDays / budgetCount));
  for (double day = 0; day <= end; day += every) days.push_back(day);

  std::erase_if(days, [&](double d) { return d < 0 || d > end; });
  std::sort(days.begin(), days.end());
  days.erase(std::unique(days.begin(), days.end(),
                         [](double a, double b) { return std::abs(a - b) < kSameDay; }),
             days.end());
  return days;
}

SimulationWorker::Run::Run()
    : progress([this](double done, std::string_view what) {
        fraction = done;
        const std::lock_guard lock(mutex);
        if (!progress.cancelRequested()) status.assign(what);  // keeps "cancelling" once asked
      }) {}

SimulationWorker::~SimulationWorker() {
  cancel();
  // The current run's thread joins the one it replaced, and so on back: all stop here.
  if (thread_.joinable()) thread_.join();
}

void SimulationWorker::start(Scenario scenario) {
  RunOptions options;
  options.snapshot_days = viewerSnapshotDays(scenario);
  options.interpolate_snapshots = true;
  start(std::move(scenario), std::move(options));
}

void SimulationWorker::start(Scenario scenario, RunOptions options) {
  if (run_) run_->progress.requestCancel();
  std::thread replaced = std::move(thread_);
  ++generation_;
  run_ = std::make_shared<Run>();
  if (replaced.joinable()) run_->status = "stopping the previous run";
  // The wait for the replaced run happens on the new thread, so start() returns at once; it is
  // short, as a run checks for cancellation before every time step.
  thread_ = std::thread([run = run_, replaced = std::move(replaced), s = std::move(scenario),
                         o = std::move(options)]() mutable {
    nameThisThread();
    if (replaced.joinable()) replaced.join();
    execute(*run, s, o);
  });
}

namespace {

std::atomic<int> computingRuns{0};

// Counts a run as computing while it is inside simulate().
struct ComputingRun {
  ComputingRun() { ++computingRuns; }
  ~ComputingRun() { --computingRuns; }
  ComputingRun(const ComputingRun&) = delete;
  ComputingRun& operator=(const ComputingRun&) = delete;
};

}  // namespace

int SimulationWorker::runsComputing() { return computingRuns.load(); }

namespace {
std::atomic<void (*)()> wakeUpCall{nullptr};
}  // namespace

void SimulationWorker::setWakeUp(void (*wakeUp)()) { wakeUpCall = wakeUp; }

void SimulationWorker::execute(Run& run, const Scenario& scenario, const RunOptions& options) {
  const auto finish = [&](State state, std::string status, std::optional<RunResult> result) {
    {
      const std::lock_guard lock(run.mutex);
      run.status = std::move(status);
      run.result = std::move(result);
    }
    run.state = state;
    if (void (*wakeUp)() = wakeUpCall.load()) wakeUp();
  };
  try {
    std::optional<RunResult> result;
    if (!run.progress.cancelRequested()) {
      const ComputingRun computing;
      result = simulate(scenario, run.progress, options);
    }
    // A cancel that came after the last step still withdraws the result: the caller has moved on.
    if (!result || run.progress.cancelRequested()) {
      finish(State::Cancelled, "cancelled", std::nullopt);
      return;
    }
    finish(State::Done, "done", std::move(result));
  } catch (const std::exception& e) {
    finish(State::Failed, std::string("failed: ") + e.what(), std::nullopt);
  }
}

void SimulationWorker::cancel() {
  if (!run_ || run_->state != State::Running) return;
  run_->progress.requestCancel();
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

double SimulationWorker::progress() const { return run_ ? run_->fraction.load() : 0.0; }

std::string SimulationWorker::status() const {
  if (!run_) return "";
  const std::lock_guard lock(run_->mutex);
  return run_->status;
}

std::optional<RunResult> SimulationWorker::takeResult() {
  if (!run_ || run_->state != State::Done) return std::nullopt;
  std::optional<RunResult> out;
  const std::lock_guard lock(run_->mutex);
  out.swap(run_->result);
  return out;
}

}  // namespace dermasim::viewer
