// A cohort's files on a made-up cohort whose percentiles are known: timeseries.csv's percentile
// columns, cohort.csv's rows, summary.json's spreads and outcome percentiles.

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "io/CohortOutputs.hpp"
#include "io/ScenarioFile.hpp"
#include "io/TimeseriesColumns.hpp"

using namespace dermasim;

namespace {

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

std::vector<std::string> fields(const std::string& line) {
  std::vector<std::string> out;
  std::istringstream in(line);
  for (std::string f; std::getline(in, f, ',');) out.push_back(f);
  return out;
}

// Five patients whose improvement is 10, 30, 10 x 1 .. at day 1 and whose outcomes count up.
CohortResult madeUpCohort(const Scenario& scenario) {
  CohortResult cohort{cohortParameters(scenario), {}};
  const std::vector<double> improvement{10, 3, 1, 4, 2};  // p10 1.4, p50 3, p90 7.6
  for (std::size_t i = 0; i < improvement.size(); ++i) {
    PatientRecord p;
    p.index = i;
    p.values = virtualPatient(scenario, i).values;
    p.timeseries = {SkinReading{.day = 0}, SkinReading{.day = 1}};
    p.timeseries[1].improvement_pct = improvement[i];
    for (std::size_t o = 0; o < patientOutcomes().size(); ++o)
      p.outcomes.push_back(improvement[i] + static_cast<double>(o));
    cohort.patients.push_back(p);
  }
  return cohort;
}

}  // namespace

TEST_CASE("timeseries.csv holds p10, p50 and p90 of every metric at every output day") {
  const Scenario scenario = loadBuiltinScenario("acne_scars_pen");
  const std::vector<std::string> rows = lines(cohortTimeseriesCsv(madeUpCohort(scenario)));
  REQUIRE(rows.size() == 3);
  const std::vector<std::string> header = fields(rows[0]);
  REQUIRE(header.size() == 1 + 3 * timeseriesColumns().size());
  CHECK(header[0] == "day");
  CHECK(header[1] == timeseriesColumns()[0].name + "_p10");
  CHECK(header[2] == timeseriesColumns()[0].name + "_p50");
  CHECK(header[3] == timeseriesColumns()[0].name + "_p90");
  const std::vector<std::string> day1 = fields(rows[2]);
  for (std::size_t c = 0; c < header.size(); ++c) {
    if (header[c] == "improvement_pct_p10") CHECK(day1[c] == "1.400");
    if (header[c] == "improvement_pct_p50") CHECK(day1[c] == "3.000");
    if (header[c] == "improvement_pct_p90") CHECK(day1[c] == "7.600");
  }
  CHECK(fields(rows[1])[0] == "0.000000");
}

TEST_CASE("cohort.csv has a row per patient: drawn values, then outcomes") {
  const Scenario scenario = loadBuiltinScenario("acne_scars_pen");
  const CohortResult cohort = madeUpCohort(scenario);
  const std::vector<std::string> rows = lines(cohortCsv(cohort));
  REQUIRE(rows.size() == 6);
  const std::vector<std::string> header = fields(rows[0]);
  CHECK(header[0] == "patient");
  CHECK(header[1] == std::string(cohort.varied[0]->key));
  CHECK(header.size() == 1 + cohort.varied.size() + patientOutcomes().size());
  CHECK(header.back() == "peak_inflammation");
  for (std::size_t i = 1; i < rows.size(); ++i) {
    const std::vector<std::string> row = fields(rows[i]);
    CHECK(row.size() == header.size());
    CHECK(row[0] == std::to_string(i - 1));
    CHECK(std::stod(row[1]) == cohort.patients[i - 1].values[0]);  // exact, to run again
  }
}

TEST_CASE("summary.json names the cohort's spreads and the outcomes' percentiles") {
  const Scenario scenario = loadBuiltinScenario("acne_scars_pen");
  const CohortResult cohort = madeUpCohort(scenario);
  const auto j = nlohmann::json::parse(cohortSummaryJson(scenario, cohort, {}));
  CHECK(j["cohort"]["patients"] == 5);
  CHECK(j["cohort"]["varied_parameters"].size() == cohort.varied.size());
  for (const auto& v : j["cohort"]["varied_parameters"]) {
    CHECK(v["log_sd"].get<double>() > 0);
    CHECK(!v["source"].get<std::string>().empty());
  }
  CHECK(j["outcome"]["improvement_pct_p10"].get<double>() == Approx(1.4));
  CHECK(j["outcome"]["improvement_pct_p50"].get<double>() == Approx(3.0));
  CHECK(j["outcome"]["collagen_rel_p90"].get<double>() == Approx(8.6));
  CHECK(j["seed"] == scenario.seed);
}
