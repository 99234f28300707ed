#include "core/cohort/CohortResult.hpp"

#include <stdexcept>
#include <string>

namespace dermasim {

double meanDowntimeDays(const RunResult& result) {
  if (result.sessions.empty()) return 0;
  double sum = 0;
  for (const SessionResult& s : result.sessions) sum += s.downtime_days;
  return sum / static_cast<double>(result.sessions.size());
}

const std::vector<PatientOutcome>& patientOutcomes() {
  static const std::vector<PatientOutcome> outcomes{
      {"improvement_pct", 3, [](const RunResult& r) { return r.outcome.improvement_pct; }},
      {"collagen_rel", 6, [](const RunResult& r) { return r.outcome.collagen_rel; }},
      {"downtime_days", 3, meanDowntimeDays},
      {"pih_risk", 5, [](const RunResult& r) { return r.outcome.pih_risk; }},
      {"fibrosis_risk", 5, [](const RunResult& r) { return r.outcome.fibrosis_risk; }},
      {"peak_inflammation", 5, [](const RunResult& r) { return r.outcome.peak_inflammation; }},
  };
  return outcomes;
}

PatientRecord recordPatient(const VirtualPatient& patient, const RunResult& result) {
  PatientRecord record{patient.index, patient.values, {}, result.timeseries};
  for (const PatientOutcome& o : patientOutcomes()) record.outcomes.push_back(o.read(result));
  return record;
}

std::vector<double> cohortDays(const CohortResult& cohort) {
  if (cohort.patients.empty()) throw std::logic_error("a cohort without patients");
  std::vector<double> days;
  for (const SkinReading& r : cohort.patients.front().timeseries) days.push_back(r.day);
  for (const PatientRecord& p : cohort.patients) {
    bool same = p.timeseries.size() == days.size();
    for (std::size_t i = 0; same && i < days.size(); ++i) same = p.timeseries[i].day == days[i];
    if (!same)
      throw std::logic_error("cohort patient " + std::to_string(p.index) +
                             " has other output days than patient " +
                             std::to_string(cohort.patients.front().index) +
                             ": a cohort spread must not reach the time-step schedule");
  }
  return days;
}

}  // namespace dermasim
