#include "core/cohort/CohortRun.hpp"

#include <exception>
#include <stdexcept>
#include <string>

#include "core/cohort/ShardSplit.hpp"
#include "core/cohort/VirtualPatients.hpp"

namespace dermasim {
namespace {

// Each patient into its own slot; false when `control` asked to stop first. Without `control`
// nothing stops it.
bool fillPatients(CohortResult& cohort, const Scenario& scenario,
                  const std::vector<std::size_t>& indices, int workers,
                  const RunsProgress& progress, const Progress* control) {
  runInParallel(
      indices.size(), workers,
      [&](std::size_t slot) {
        const VirtualPatient patient = virtualPatient(scenario, indices[slot]);
        try {
          if (control == nullptr) {
            cohort.patients[slot] = recordPatient(patient, simulate(patient.scenario));
          } else if (const std::optional<RunResult> run =
                         simulateAsPartOf(patient.scenario, *control)) {
            cohort.patients[slot] = recordPatient(patient, *run);
          }
        } catch (const std::exception& e) {
          throw std::runtime_error("cohort patient " + std::to_string(indices[slot]) + ": " +
                                   e.what());
        }
      },
      progress);
  return control == nullptr || !control->cancelRequested();
}

}  // namespace

std::optional<RunResult> simulateAsPartOf(const Scenario& scenario, const Progress& whole) {
  if (whole.cancelRequested()) return std::nullopt;
  return simulate(scenario, Progress::quietPartOf(whole));
}

CohortResult simulatePatients(const Scenario& scenario, const std::vector<std::size_t>& indices,
                              int workers, const RunsProgress& progress) {
  CohortResult cohort{cohortParameters(scenario), std::vector<PatientRecord>(indices.size())};
  fillPatients(cohort, scenario, indices, workers, progress, nullptr);
  return cohort;
}

CohortResult simulateCohort(const Scenario& scenario, std::size_t patients, int workers,
                            const RunsProgress& progress) {
  return simulatePatients(scenario, shardPatients(ShardId{1, 1}, patients), workers, progress);
}

std::optional<CohortResult> simulatePatients(const Scenario& scenario,
                                             const std::vector<std::size_t>& indices, int workers,
                                             const Progress& progress) {
  CohortResult cohort{cohortParameters(scenario), std::vector<PatientRecord>(indices.size())};
  progress.report(0.0, "0 of " + std::to_string(indices.size()) + " virtual patients");
  const RunsProgress done = [&](std::size_t finished, std::size_t total) {
    // Once asked to stop, the patients left return at once: not progress.
    if (progress.cancelRequested()) return;
    progress.report(
        static_cast<double>(finished) / static_cast<double>(total),
        std::to_string(finished) + " of " + std::to_string(total) + " virtual patients");
  };
  if (!fillPatients(cohort, scenario, indices, workers, done, &progress)) return std::nullopt;
  return cohort;
}

std::optional<CohortResult> simulateCohort(const Scenario& scenario, std::size_t patients,
                                           int workers, const Progress& progress) {
  return simulatePatients(scenario, shardPatients(ShardId{1, 1}, patients), workers, progress);
}

}  // namespace dermasim
