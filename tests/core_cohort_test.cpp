// Cohorts of virtual patients: the draws (deterministic, within the ranges, patient i the same
// whatever the cohort), the type-7 percentiles on known data, and the shared output days.

#include <catch2/catch.hpp>
#include <cmath>
#include <set>
#include <string>
#include <vector>

#include "core/cohort/CohortResult.hpp"
#include "core/cohort/VirtualPatients.hpp"
#include "core/numerics/Percentile.hpp"
#include "io/ScenarioFile.hpp"

using namespace dermasim;

TEST_CASE("percentiles interpolate linearly between order statistics (type 7)") {
  // R: quantile(c(1, 2, 3, 4, 10), c(.1, .5, .9)) -> 1.4, 3, 7.6
  const std::vector<double> sample{10, 3, 1, 4, 2};
  CHECK(percentile(sample, 0.1) == Approx(1.4));
  CHECK(percentile(sample, 0.5) == Approx(3.0));
  CHECK(percentile(sample, 0.9) == Approx(7.6));
  CHECK(percentile(sample, 0.0) == 1.0);
  CHECK(percentile(sample, 1.0) == 10.0);
  // R: quantile(c(5, 1), .1) -> 1.4; one value is every percentile of itself.
  CHECK(percentile({5, 1}, 0.1) == Approx(1.4));
  CHECK(percentile({7}, 0.9) == 7.0);
  CHECK_THROWS_AS(percentile({}, 0.5), std::invalid_argument);
}

TEST_CASE("the cohort varies healing speed, fibroblast response and the site's dermis only") {
  Scenario s = loadBuiltinScenario("acne_scars_pen");
  s.patient.site = Site::Cheek;
  std::set<std::string> keys;
  for (const ParameterSpec* p : cohortParameters(s)) keys.insert(std::string(p->key));
  CHECK(keys == std::set<std::string>{
                    "anatomy.cheek.dermis_mm", "healing.epidermis_repair_half_life_h",
                    "healing.dermis_repair_half_life_h", "healing.fibroblast_doubling_days",
                    "healing.collagen_synthesis_per_day"});
  CHECK(cohortFactors() ==
        std::vector<std::string_view>{"dermis_thickness", "healing_time", "fibroblast_response"});
  for (const ParameterSpec& p : parameterTable()) {
    if (p.cohort.factor.empty()) continue;
    INFO(p.key);
    CHECK(p.cohort.log_sd > 0);
    CHECK(!p.cohort.source.empty());
    // The time steps must not depend on a patient (cohortDays).
    CHECK(!p.key.starts_with("numerics."));
  }
}

TEST_CASE("virtual patients are drawn within the ranges, the same for the same seed and index") {
  const Scenario s = loadBuiltinScenario("acne_scars_pen");
  const std::vector<const ParameterSpec*> varied = cohortParameters(s);
  std::vector<double> firstValues;
  for (std::size_t i = 0; i < 200; ++i) {
    const VirtualPatient p = virtualPatient(s, i);
    REQUIRE(p.index == i);
    REQUIRE(p.values.size() == varied.size());
    for (std::size_t k = 0; k < varied.size(); ++k) {
      CHECK(inRange(*varied[k], p.values[k]));
      CHECK(p.scenario.parameter_overrides.at(std::string(varied[k]->key)) == p.values[k]);
    }
    CHECK(!ModelParameters::validate(p.scenario.parameter_overrides));
    if (i == 0) firstValues = p.values;
  }
  // Same (seed, index), same patient, however many were drawn before; another seed, another.
  CHECK(virtualPatient(s, 0).values == firstValues);
  CHECK(virtualPatient(s, 1).values != firstValues);
  Scenario reseeded = s;
  reseeded.seed = s.seed + 1;
  CHECK(virtualPatient(reseeded, 0).values != firstValues);
}

TEST_CASE("a factor moves its rows together, about the scenario's value") {
  Scenario s = loadBuiltinScenario("acne_scars_pen");
  s.parameter_overrides["healing.dermis_repair_half_life_h"] = 24.0;
  const std::vector<const ParameterSpec*> varied = cohortParameters(s);
  const auto at = [&](const VirtualPatient& p, std::string_view key) {
    for (std::size_t k = 0; k < varied.size(); ++k)
      if (varied[k]->key == key) return p.values[k];
    FAIL("not varied: " << key);
    return 0.0;
  };
  std::vector<double> dermisRepair;
  for (std::size_t i = 0; i < 400; ++i) {
    const VirtualPatient p = virtualPatient(s, i);
    // Both half-lives have one sd, so unclipped they keep the ratio of their medians.
    const double epidermis = at(p, "healing.epidermis_repair_half_life_h");
    const double dermis = at(p, "healing.dermis_repair_half_life_h");
    if (epidermis > 4.0 && epidermis < 48.0 && dermis > 6.0 && dermis < 72.0)
      CHECK(dermis / epidermis == Approx(24.0 / 12.0));
    dermisRepair.push_back(dermis);
  }
  CHECK(percentile(dermisRepair, 0.5) == Approx(24.0).epsilon(0.05));
  // log sd 0.25: p90 / p50 = exp(1.28 * 0.25) = 1.38, within sampling error.
  CHECK(percentile(dermisRepair, 0.9) / percentile(dermisRepair, 0.5) ==
        Approx(std::exp(1.2816 * 0.25)).epsilon(0.08));
}

TEST_CASE("patients share the output days, or the cohort is refused") {
  CohortResult cohort;
  CHECK_THROWS_AS(cohortDays(cohort), std::logic_error);
  PatientRecord a, b;
  a.timeseries = {SkinReading{.day = 0}, SkinReading{.day = 0.5}};
  b.timeseries = a.timeseries;
  b.index = 1;
  cohort.patients = {a, b};
  CHECK(cohortDays(cohort) == std::vector<double>{0, 0.5});
  cohort.patients[1].timeseries[1].day = 0.6;
  CHECK_THROWS_AS(cohortDays(cohort), std::logic_error);
}
