#pragma once
// The risks a treatment carries, read from the inflammation the skin has carried
// (HealingModel::inflammationDose): post-inflammatory hyperpigmentation, from inflammation over
// the melanocytes weighted by the skin type's susceptibility, and fibrosis, from inflammation
// through the dermis. Each is an index 0..1, 1 - exp(-dose / reference dose); they rank
// protocols for one patient and are not probabilities measured in a cohort (docs/MODEL.md 3).
//
//   const HarmRisk risk = harmRisk(model.inflammationDose(), fitzpatrick, HarmParameters::from(p));
//   if (risk.pih > 0.5) ...

#include "core/healing/HealingModel.hpp"
#include "core/parameters/ModelParameters.hpp"

namespace dermasim {

struct HarmParameters {
  double pih_dose_days, pih_susceptibility_ratio;
  double fibrosis_dose_days;
  static HarmParameters from(const ModelParameters& p);
  // Susceptibility to pigmentation of a Fitzpatrick type (1..6), relative to type V.
  double pihSusceptibility(int fitzpatrick) const;
};

struct HarmRisk {
  double pih = 0;       // post-inflammatory hyperpigmentation, 0..1
  double fibrosis = 0;  // 0..1
};

HarmRisk harmRisk(const InflammationDose& dose, int fitzpatrick, const HarmParameters& p);

}  // namespace dermasim
