#include "core/healing/HarmRisk.hpp"

#include <algorithm>
#include <cmath>

namespace dermasim {

HarmParameters HarmParameters::from(const ModelParameters& p) {
  return {p["harm.pih_dose_days"], p["harm.pih_susceptibility_ratio"],
          p["harm.fibrosis_dose_days"]};
}

double HarmParameters::pihSusceptibility(int fitzpatrick) const {
  // The dose is defined on type V; each type below it is a factor less susceptible.
  constexpr int kReferenceType = 5;
  return std::pow(pih_susceptibility_ratio, std::clamp(fitzpatrick, 1, 6) - kReferenceType);
}

HarmRisk harmRisk(const InflammationDose& dose, int fitzpatrick, const HarmParameters& p) {
  HarmRisk r;
  r.pih = -std::expm1(-p.pihSusceptibility(fitzpatrick) * dose.papillary_days / p.pih_dose_days);
  r.fibrosis = -std::expm1(-dose.dermis_days / p.fibrosis_dose_days);
  return r;
}

}  // namespace dermasim
