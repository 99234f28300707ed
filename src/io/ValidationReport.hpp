#pragma once
// A validation case's targets judged against a run, and the table and CSV `dermasim validation`
// writes from them. No simulation here: the caller runs the case's scenario.
//
//   const RunResult result = simulate(c.scenario);
//   const std::vector<TargetOutcome> outcomes = evaluateCase(c, result);
//   std::fputs(validationTable(outcomes).c_str(), stdout);

#include <string>
#include <vector>

#include "core/Simulation.hpp"
#include "io/ValidationCase.hpp"

namespace dermasim {

struct TargetOutcome {
  std::string case_name;
  ValidationTarget target;
  double model = 0;  // NaN when the model never reaches it (always a fail)
  bool pass = false;
};

std::vector<TargetOutcome> evaluateCase(const ValidationCase& validationCase,
                                        const RunResult& result);

// The model value as shown in the table and chart: 3 decimals below 10, 1 below 100, else
// none; "never" for NaN.
std::string modelText(double value);
// A fixed-width table: case, measure, metric, when, model, published, range, pass; then a line
// with the count that pass.
std::string validationTable(const std::vector<TargetOutcome>& outcomes);
// One row per target: case, measure, metric, when, model, published, low, high, pass, quality,
// mapping, source (text quoted where it holds commas or quotes).
std::string validationCsv(const std::vector<TargetOutcome>& outcomes);

}  // namespace dermasim
