#pragma once
// What `dermasim sensitivity` reports of a SensitivityResult: the CSV (every parameter for every
// outcome, ranked) and the one-screen table of the top parameters per outcome.
//
//   writer.write("sensitivity.csv", sensitivityCsv(result));
//   std::fputs(sensitivityTable(result, 5).c_str(), stdout);

#include <cstddef>
#include <string>

#include "cli/SensitivityAnalysis.hpp"

namespace dermasim {

// One row per outcome and parameter, by outcome then rank: parameter, unit, min, max (its
// range), outcome, outcome_unit, mu_star, mu, sigma (in the outcome's unit per full range), rank.
std::string sensitivityCsv(const SensitivityResult& result);

// Per outcome, its `top` parameters with mu*, mu and sigma; first a line with the design.
std::string sensitivityTable(const SensitivityResult& result, std::size_t top);

}  // namespace dermasim
