#pragma once
// How far a scenario's result spreads over virtual patients, for the plots' percentile bands:
// the scenario's cohort (core/cohort/CohortRun.hpp, the loop `dermasim run --cohort` runs) on the
// preview's coarse grid (PreviewScenario.hpp), so it takes seconds, reduced to p10, p50 and p90
// of every reading per output day. It runs on a background thread the UI thread never waits for
// (only the destructor does, after cancelling); starting another job cancels the one going.
//
//   CohortBandJob job;
//   job.start(slot.scenario, 20);                 // returns at once
//   each frame: if (std::optional<CohortBands> b = job.takeBands()) slot.bands.push_back(*b);

#include <atomic>
#include <cstddef>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/Simulation.hpp"
#include "core/cohort/CohortResult.hpp"
#include "core/readout/SkinReading.hpp"
#include "core/scenario/Scenario.hpp"

namespace dermasim::viewer {

// Patients a band is taken over unless the clinician asks for another count, and the range the
// plots panel offers: fewer than 5 make p10 and p90 two patients' curves, more than 100 keep the
// cores busy for minutes for bands that hardly move.
inline constexpr int kDefaultBandPatients = 20;
inline constexpr int kMinBandPatients = 5;
inline constexpr int kMaxBandPatients = 100;

struct CohortBands {
  std::size_t patients = 0;
  // Every reading at the percentile, on the cohort's output days (the preview grid's steps).
  std::vector<SkinReading> p10, p50, p90;
  // The scenario's own patient on the same grid and days: the band is drawn as its spread about
  // this run, laid on the full run's line (PlotBands.hpp), so the coarse grid's own offset (a
  // scar a micrometre or two deeper) does not put the band beside the line.
  std::vector<SkinReading> own;
};

// p10, p50 and p90 of `cohort` per output day (io/CohortComparison.hpp's percentileSeries, as
// `run --cohort` writes them), with `own`, the scenario's own run on the cohort's grid.
CohortBands cohortBands(const CohortResult& cohort, std::vector<SkinReading> own);

// Threads for a band job on `preview`: every core but one, which the window keeps, and no more
// than memory allows (simulationWorkers); at least one.
int bandWorkers(const Scenario& preview);

class CohortBandJob {
 public:
  enum class State { Idle, Running, Done, Cancelled, Failed };

  CohortBandJob() = default;
  ~CohortBandJob();
  CohortBandJob(const CohortBandJob&) = delete;
  CohortBandJob& operator=(const CohortBandJob&) = delete;

  // Starts the cohort of `patients` virtual patients of `scenario`, and the scenario's own
  // patient, on its preview grid, on
  // `workers` threads (bandWorkers() when 0). A job still going is cancelled; the new one
  // computes once that one has stopped, on its own thread. Returns at once.
  void start(const Scenario& scenario, std::size_t patients, int workers = 0);
  // Asks the job to stop (each patient within a time step); returns at once.
  void cancel();

  State state() const;
  bool running() const { return state() == State::Running; }
  // Of the current (or last) job, 0..1: the share of the patients done, the scenario's own patient
  // counted as one more.
  double progress() const;
  // "7 of 20 virtual patients", "the scenario's own patient", "done", "cancelled", "failed:
  // <reason>"; empty before any job.
  std::string status() const;
  // The finished bands, moved out once; empty unless Done.
  std::optional<CohortBands> takeBands();

 private:
  // Shared by the job object and the job's thread, which may outlive the caller's interest.
  struct Job {
    Job();
    Progress progress;
    std::atomic<double> fraction{0.0};
    std::atomic<State> state{State::Running};
    mutable std::mutex mutex;  // guards status and bands
    std::string status;
    std::optional<CohortBands> bands;
  };

  static void execute(Job& job, const Scenario& preview, std::size_t patients, int workers);

  std::shared_ptr<Job> job_;
  std::thread thread_;  // joins the thread of the job it replaced before computing
};

}  // namespace dermasim::viewer
