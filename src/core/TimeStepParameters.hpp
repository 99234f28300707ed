#pragma once
// How long the simulation's time steps may be: short right after a session, growing as the
// skin settles, never beyond a ceiling. Read once from the `numerics.*` rows of the table.
//
//   const TimeStepParameters steps = TimeStepParameters::from(parameters);
//   double dt = steps.first_step_days;  // then dt = min(dt * steps.step_growth, max_step_days)

#include "core/parameters/ModelParameters.hpp"

namespace dermasim {

struct TimeStepParameters {
  double first_step_days;  // right after a session
  double step_growth;      // factor from one step to the next
  double max_step_days;
  static TimeStepParameters from(const ModelParameters& p);
};

}  // namespace dermasim
