#pragma once
// Runs simulate() on a background thread so the viewer's window stays responsive: the UI thread
// starts a run, polls progress() and status() each frame, and takes the result once ready().
// One thread (the UI thread) uses a worker; none of its calls wait for the simulation, except
// the destructor, which cancels and then joins. A run that replaces another first waits, on its
// own thread, for the replaced one to stop, so only one simulation computes at a time: two would
// halve the speed of the one the user is waiting for and double the snapshots held in memory.

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/Simulation.hpp"
#include "core/scenario/Scenario.hpp"

namespace dermasim::viewer {

// The days the viewer captures snapshots on, so the timeline can show them without waiting:
//  - day 0 (the untreated skin), the end, and each session's day (the skin just before it);
//  - 6 hours, 1 day, 1 week and 1 month after each session, where the skin changes fastest;
//  - every whole day from 0 to the end, or every 2nd, 3rd ... day when daily snapshots of this
//    scenario's grid would take more than kSnapshotBudgetBytes (long runs, fine grids).
// Sorted, without repeats, all within 0..duration.
// `sections` is how many sections each snapshot stores; `everyDays` spaces the regular ones at
// least that far apart (a preview's are sparser: each costs about as much as a time step).
// Memory the regular snapshots of one run may take (about 2.7 MB each, as estimated, on the
// default 200 x 200 grid with the viewer's 5 sections, so a 180-day scenario keeps daily
// snapshots).
inline constexpr double kSnapshotBudgetBytes = 512.0 * 1024 * 1024;
// `budgetBytes` replaces kSnapshotBudgetBytes (compare mode keeps two runs' snapshots).
std::vector<double> viewerSnapshotDays(const Scenario& scenario, int sections = 1,
                                       int everyDays = 1,
                                       double budgetBytes = kSnapshotBudgetBytes);
// Estimated size of one snapshot of `scenario`'s grid with `sections` sections.
double snapshotBytes(const Scenario& scenario, int sections = 1);

class SimulationWorker {
 public:
  enum class State { Idle, Running, Done, Cancelled, Failed };

  SimulationWorker() = default;
  ~SimulationWorker();
  SimulationWorker(const SimulationWorker&) = delete;
  SimulationWorker& operator=(const SimulationWorker&) = delete;

  // Starts simulating `scenario`, with snapshots on viewerSnapshotDays() (interpolated inside
  // the long steps: RunOptions::interpolate_snapshots) unless `options` say otherwise. A run still
  // going is cancelled; the new run starts computing once that one has finished its current step
  // (status() says so meanwhile), and the old one's result is never reported. Returns at once.
  void start(Scenario scenario);
  void start(Scenario scenario, RunOptions options);
  // Asks the current run to stop at its next step; returns at once. state() turns Cancelled
  // when it has stopped. No effect on a run that has already finished.
  void cancel();

  State state() const;
  bool running() const { return state() == State::Running; }
  // A finished result is waiting in takeResult().
  bool ready() const;
  // Of the current (or last) run, 0..1.
  double progress() const;
  // What the current run is doing ("stopping the previous run", "healing", "session 2 of 4",
  // "cancelling"), or "done", "cancelled", "failed: <reason>"; empty before the first run.
  std::string status() const;
  // The finished result, moved out once; empty if not ready.
  std::optional<RunResult> takeResult();
  // Counts start() calls: tells the caller which run a result belongs to.
  std::uint64_t generation() const { return generation_; }
  // Runs of all workers in this process that are inside simulate() right now, not waiting for
  // the run they replace: at most one per worker.
  static int runsComputing();
  // Called on a run's own thread when it has ended (done, cancelled or failed), for every worker
  // in the process: the window wakes its sleeping loop with it, so a preview is shown, and its
  // full run started, at once rather than at the next progress tick. Null (the default): none.
  // Must be safe to call from any thread (glfwPostEmptyEvent is).
  static void setWakeUp(void (*wakeUp)());

 private:
  // Shared by the worker and one run's thread, which may outlive the worker's interest in it.
  struct Run {
    Run();
    Progress progress;  // the run's own reports land in the fields below
    std::atomic<double> fraction{0.0};
    std::atomic<State> state{State::Running};
    mutable std::mutex mutex;  // guards status and result
    std::string status;
    std::optional<RunResult> result;
  };

  static void execute(Run& run, const Scenario& scenario, const RunOptions& options);

  std::shared_ptr<Run> run_;
  // The current run's thread; it joins the thread of the run it replaced before simulating.
  std::thread thread_;
  std::uint64_t generation_ = 0;
};

}  // namespace dermasim::viewer
