#pragma once
// What a cohort run keeps of each virtual patient: the drawn values, the main outcomes and the
// readings at every output time (the rest of a RunResult, punctures and all, is let go as soon
// as a patient is done). The outputs' percentiles are taken over these.
//
//   CohortResult cohort{cohortParameters(scenario), {}};
//   cohort.patients.push_back(recordPatient(patient, simulate(patient.scenario)));
//   const std::vector<double> days = cohortDays(cohort);  // the days every patient shares

#include <cstddef>
#include <string_view>
#include <vector>

#include "core/Simulation.hpp"
#include "core/cohort/VirtualPatients.hpp"
#include "core/parameters/ModelParameters.hpp"
#include "core/readout/SkinReading.hpp"

namespace dermasim {

// Patients one cohort may have: 10,000 of the default scenario take about 8 h on 2 cores, and
// the 10th and 90th percentiles are long steady by then; a larger N is far more likely a typo.
inline constexpr std::size_t kMaxCohort = 10000;

// A main outcome of one run, as summary.json names it, with the decimals cohort.csv writes.
struct PatientOutcome {
  std::string_view name;
  int decimals;
  double (*read)(const RunResult&);
};

// improvement_pct, collagen_rel, downtime_days (the mean over sessions), pih_risk,
// fibrosis_risk, peak_inflammation: the columns of cohort.csv after the drawn values.
const std::vector<PatientOutcome>& patientOutcomes();

// The mean over the sessions of each one's downtime_days (0 without sessions).
double meanDowntimeDays(const RunResult& result);

struct PatientRecord {
  std::size_t index = 0;
  std::vector<double> values;    // as VirtualPatient::values
  std::vector<double> outcomes;  // of patientOutcomes(), in order
  std::vector<SkinReading> timeseries;
};

PatientRecord recordPatient(const VirtualPatient& patient, const RunResult& result);

struct CohortResult {
  std::vector<const ParameterSpec*> varied;  // cohortParameters(scenario)
  std::vector<PatientRecord> patients;       // by index, from 0
};

// The output days, which every patient shares: the time steps depend on the sessions and the
// numerics.* rows, which no patient draws. Throws std::logic_error if a patient's days differ
// (a cohort spread put on a row the step schedule reads) or there are no patients.
std::vector<double> cohortDays(const CohortResult& cohort);

}  // namespace dermasim
