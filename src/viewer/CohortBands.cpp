#include "viewer/CohortBands.hpp"

#include <algorithm>
#include <exception>
#include <thread>
#include <utility>

#if defined(__linux__)
#include <pthread.h>
#endif

#include "core/ParallelRuns.hpp"
#include "core/cohort/CohortRun.hpp"
#include "io/CohortComparison.hpp"
#include "viewer/PreviewScenario.hpp"

namespace dermasim::viewer {

CohortBands cohortBands(const CohortResult& cohort, std::vector<SkinReading> own) {
  return {cohort.patients.size(), percentileSeries(cohort, 0.1), percentileSeries(cohort, 0.5),
          percentileSeries(cohort, 0.9), std::move(own)};
}

int bandWorkers(const Scenario& preview) {
  const int cores = static_cast<int>(std::thread::hardware_concurrency());
  return std::clamp(std::min(cores - 1, simulationWorkers(preview)), 1, std::max(1, cores));
}

CohortBandJob::Job::Job()
    : progress([this](double done, std::string_view what) {
        fraction = done;
        const std::lock_guard lock(mutex);
        if (!progress.cancelRequested()) status.assign(what);
      }) {}

CohortBandJob::~CohortBandJob() {
  cancel();
  // Each job's thread joins the one it replaced: all stop here.
  if (thread_.joinable()) thread_.join();
}

void CohortBandJob::start(const Scenario& scenario, std::size_t patients, int workers) {
  if (job_) job_->progress.requestCancel();
  std::thread replaced = std::move(thread_);
  job_ = std::make_shared<Job>();
  Scenario preview = previewScenario(scenario);
  const int threads = workers > 0 ? workers : bandWorkers(preview);
  // Waiting for the replaced job on the new thread keeps start() instant and one cohort
  // computing at a time; the wait is short, as every patient checks before each step.
  thread_ = std::thread([job = job_, replaced = std::move(replaced), p = std::move(preview),
                         patients, threads]() mutable {
#if defined(__linux__)
    pthread_setname_np(pthread_self(), "dermasim-bands");
#endif
    if (replaced.joinable()) replaced.join();
    execute(*job, p, patients, threads);
  });
}

void CohortBandJob::execute(Job& job, const Scenario& preview, std::size_t patients, int workers) {
  const auto finish = [&](State state, std::string status, std::optional<CohortBands> bands) {
    {
      const std::lock_guard lock(job.mutex);
      job.status = std::move(status);
      job.bands = std::move(bands);
    }
    job.state = state;
  };
  try {
    // The scenario's own patient last: a single run, about one patient's share of the time, so
    // one share of the bar.
    const double cohortShare = static_cast<double>(patients) / static_cast<double>(patients + 1);
    std::optional<CohortResult> cohort;
    if (!job.progress.cancelRequested())
      cohort = simulateCohort(preview, patients, workers, Progress(job.progress, 0.0, cohortShare));
    std::optional<RunResult> own;
    if (cohort && !job.progress.cancelRequested())
      own =
          simulate(preview, Progress(job.progress, cohortShare, 1.0, "the scenario's own patient"));
    if (!cohort || !own || job.progress.cancelRequested()) {
      finish(State::Cancelled, "cancelled", std::nullopt);
      return;
    }
    finish(State::Done, "done", cohortBands(*cohort, std::move(own->timeseries)));
  } catch (const std::exception& e) {
    finish(State::Failed, std::string("failed: ") + e.what(), std::nullopt);
  }
}

void CohortBandJob::cancel() {
  if (!job_ || job_->state != State::Running) return;
  job_->progress.requestCancel();
  const std::lock_guard lock(job_->mutex);
  job_->status = "cancelling";
}

CohortBandJob::State CohortBandJob::state() const {
  return job_ ? job_->state.load() : State::Idle;
}

double CohortBandJob::progress() const { return job_ ? job_->fraction.load() : 0.0; }

std::string CohortBandJob::status() const {
  if (!job_) return "";
  const std::lock_guard lock(job_->mutex);
  return job_->status;
}

std::optional<CohortBands> CohortBandJob::takeBands() {
  if (!job_ || job_->state != State::Done) return std::nullopt;
  std::optional<CohortBands> out;
  const std::lock_guard lock(job_->mutex);
  out.swap(job_->bands);
  return out;
}

}  // namespace dermasim::viewer
