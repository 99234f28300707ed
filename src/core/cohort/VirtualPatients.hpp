#pragma once
// The virtual patients of a cohort (`dermasim run --cohort N`): the scenario's patient, with
// the model parameters whose table row carries a CohortSpread drawn afresh for each. Patient i's
// draws depend only on the scenario's seed and i (a counter-based stream), so patient i is the
// same whatever N, the thread count or the order the patients are simulated in: a cohort can be
// split into shards and joined again.
//
//   const std::vector<const ParameterSpec*> varied = cohortParameters(scenario);
//   const VirtualPatient p = virtualPatient(scenario, 7);
//   const RunResult r = simulate(p.scenario);  // with varied[k] at p.values[k]

#include <cstddef>
#include <string_view>
#include <vector>

#include "core/parameters/ModelParameters.hpp"
#include "core/scenario/Scenario.hpp"

namespace dermasim {

struct VirtualPatient {
  std::size_t index = 0;
  std::vector<double> values;  // of cohortParameters(scenario), in order
  Scenario scenario;           // the base scenario with `values` among its parameter overrides
};

// The rows that vary between the scenario's patients, in table order: those with a cohort
// factor, less the site-specific rows (anatomy.SITE.*) of sites other than the scenario's.
std::vector<const ParameterSpec*> cohortParameters(const Scenario& scenario);

// Every cohort factor of the table, in the order of their first row: the order of the draws.
std::vector<std::string_view> cohortFactors();

// The value a varied row is drawn about (the median of its draws): the scenario's override,
// else the row's default.
double cohortMedian(const ParameterSpec& spec, const Scenario& scenario);

// Each varied row at the scenario's value (its override, else the default) times
// exp(log_sd * z), z the patient's standard normal draw for the row's factor, clipped to the
// row's range.
VirtualPatient virtualPatient(const Scenario& scenario, std::size_t index);

}  // namespace dermasim
