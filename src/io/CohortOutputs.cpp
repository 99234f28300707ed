#include "io/CohortOutputs.hpp"

#include <cmath>
#include <nlohmann/json.hpp>

#include "core/numerics/NumberText.hpp"
#include "core/numerics/Percentile.hpp"
#include "io/CsvField.hpp"
#include "io/OutcomeJson.hpp"
#include "io/RunOutputs.hpp"
#include "io/TimeseriesColumns.hpp"

namespace dermasim {
namespace {

// Every patient's value of `read` (a reading's metric at one output time, or an outcome).
template <typename Read>
std::vector<double> overPatients(const CohortResult& cohort, Read read) {
  std::vector<double> values;
  values.reserve(cohort.patients.size());
  for (const PatientRecord& p : cohort.patients) values.push_back(read(p));
  return values;
}

}  // namespace

const std::vector<CohortPercentile>& cohortPercentiles() {
  static const std::vector<CohortPercentile> percentiles{
      {"_p10", 0.1}, {"_p50", 0.5}, {"_p90", 0.9}};
  return percentiles;
}

std::string cohortTimeseriesCsv(const CohortResult& cohort) {
  const std::vector<double> days = cohortDays(cohort);
  std::string out = "day";
  for (const TimeseriesColumn& c : timeseriesColumns())
    for (const CohortPercentile& q : cohortPercentiles()) out += "," + c.name + q.suffix;
  out += '\n';
  for (std::size_t row = 0; row < days.size(); ++row) {
    out += fixedNumber(days[row], kDayDecimals);
    for (const TimeseriesColumn& c : timeseriesColumns()) {
      const std::vector<double> values =
          overPatients(cohort, [&](const PatientRecord& p) { return p.timeseries[row].*c.value; });
      for (const CohortPercentile& q : cohortPercentiles()) {
        out += ',';
        out += fixedNumber(percentile(values, q.fraction), c.decimals);
      }
    }
    out += '\n';
  }
  return out;
}

std::string cohortCsv(const CohortResult& cohort) {
  std::string out = "patient";
  for (const ParameterSpec* spec : cohort.varied) appendField(out, spec->key);
  for (const PatientOutcome& o : patientOutcomes()) appendField(out, o.name);
  out += '\n';
  for (const PatientRecord& p : cohort.patients) {
    out += std::to_string(p.index);
    // Drawn values exactly: a patient can be run again from its row.
    for (double v : p.values) appendField(out, exactNumber(v));
    for (std::size_t o = 0; o < p.outcomes.size(); ++o)
      appendField(out, fixedNumber(p.outcomes[o], patientOutcomes()[o].decimals));
    out += '\n';
  }
  return out;
}

std::string cohortSummaryJson(const Scenario& scenario, const CohortResult& cohort,
                              const std::vector<Advisory>& advisories) {
  nlohmann::ordered_json j = summaryHeadJson(scenario);

  nlohmann::ordered_json varied = nlohmann::ordered_json::array();
  for (const ParameterSpec* spec : cohort.varied)
    varied.push_back({{"key", spec->key},
                      {"unit", spec->unit},
                      {"factor", spec->cohort.factor},
                      {"distribution", "lognormal, clipped to the range"},
                      {"median", cohortMedian(*spec, scenario)},
                      {"log_sd", spec->cohort.log_sd},
                      {"min", spec->min},
                      {"max", spec->max},
                      {"source", spec->cohort.source}});
  j["cohort"] = {{"patients", cohort.patients.size()},
                 {"percentiles", "type 7: linear between order statistics at (n - 1) p"},
                 {"varied_parameters", varied}};

  nlohmann::ordered_json outcome;
  const auto& outcomes = patientOutcomes();
  for (std::size_t o = 0; o < outcomes.size(); ++o) {
    const std::vector<double> values =
        overPatients(cohort, [&](const PatientRecord& p) { return p.outcomes[o]; });
    for (const CohortPercentile& q : cohortPercentiles())
      outcome[std::string(outcomes[o].name) + q.suffix] = percentile(values, q.fraction);
  }
  j["outcome"] = outcome;

  j["warnings"] = warningsJson(advisories);
  dropNegativeZeros(j);
  return j.dump(2) + "\n";
}

void stageCohortFiles(StagedFolder& staged, const std::string& folder, const Scenario& scenario,
                      const CohortResult& cohort, const std::vector<Advisory>& advisories) {
  stageFormattedFiles(staged, folder,
                      {{"timeseries.csv", cohortTimeseriesCsv(cohort)},
                       {"cohort.csv", cohortCsv(cohort)},
                       {"summary.json", cohortSummaryJson(scenario, cohort, advisories)}});
}

void writeCohortOutputs(StagedFolder& staged, const Scenario& scenario, const CohortResult& cohort,
                        const std::vector<Advisory>& advisories) {
  stageCohortFiles(staged, "", scenario, cohort, advisories);
  staged.commit();
}

}  // namespace dermasim
