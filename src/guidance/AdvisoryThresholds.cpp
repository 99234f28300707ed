#include "guidance/AdvisoryThresholds.hpp"

#include <stdexcept>
#include <string>

namespace dermasim {
namespace {

double valueOf(std::string_view key) {
  for (const ParameterSpec& spec : advisoryThresholdTable())
    if (spec.key == key) return spec.value;
  throw std::out_of_range("no advisory threshold named " + std::string(key));
}

}  // namespace

const std::vector<ParameterSpec>& advisoryThresholdTable() {
  // Sources: calibration sheet (docs/MODEL.md names it); sections 3 (time course) and 4
  // (outcomes). The thresholds `dermasim check` judges a plan by live in the knowledge table
  // (assets/guidance/thresholds.csv and its neighbours), not here.
  static const std::vector<ParameterSpec> table{
      {"captions.visible_change_from_days", "days", 28.0, 21.0, 42.0,
       "calibration sheet section 3 (visible results from 4-6 weeks, clinics; quality M)",
       "days after the first session before a patient caption may speak of a visible change "
       "in the scars or the skin's texture; until then it speaks of redness, the channels and "
       "collagen forming beneath the surface"},
      {"captions.noticeable_improvement_pct", "%", 5.0, 2.0, 15.0,
       "estimate: beyond the spread between seeds of one scenario (docs/MODEL.md section "
       "4), under the clinics' 10-15 % a session (calibration sheet section 4; quality M)",
       "smallest texture improvement (or worsening) a patient caption mentions; less reads as "
       "no visible change"},
  };
  return table;
}

const AdvisoryThresholds& AdvisoryThresholds::standard() {
  static const AdvisoryThresholds t{valueOf("captions.visible_change_from_days"),
                                    valueOf("captions.noticeable_improvement_pct")};
  return t;
}

}  // namespace dermasim
