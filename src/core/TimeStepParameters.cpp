#include "core/TimeStepParameters.hpp"

namespace dermasim {

TimeStepParameters TimeStepParameters::from(const ModelParameters& p) {
  constexpr double kMinutesPerDay = 24.0 * 60.0;
  return {p["numerics.first_step_min"] / kMinutesPerDay, p["numerics.step_growth"],
          p["numerics.max_step_days"]};
}

}  // namespace dermasim
