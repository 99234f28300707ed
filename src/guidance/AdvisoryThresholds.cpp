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
  // Sources: calibration sheet (docs/MODEL.md names it); sections 1 (devices and punctures),
  // 3 (time course), 4 (outcomes) and 6 (makers' depth charts).
  static const std::vector<ParameterSpec> table{
      {"advisories.deep_needle_mm", "mm", 1.0, 0.5, 1.5,
       "calibration sheet section 6 (scar and stretch-mark depths start at 1.0 mm); estimate",
       "needle length from which a session counts as deep: it injures the reticular dermis"},
      {"advisories.deep_min_interval_days", "days", 21.0, 14.0, 42.0,
       "calibration sheet section 3 (proliferation from day 3-5 to ~8 weeks, myofibroblasts "
       "cleared at 2-4 weeks); estimate",
       "shortest interval between deep sessions that lets the previous one's proliferative "
       "phase run its course"},
      {"advisories.home_use_max_mm", "mm", 0.3, 0.2, 0.5,
       "calibration sheet section 6 (home rollers 0.2-0.3 mm, makers' charts)",
       "longest needle for a device used at home, without a practitioner"},
      {"advisories.confluent_injury_fraction", "1", 0.3, 0.1, 0.6,
       "estimate: needling is a fractional injury that heals from the intact skin left between "
       "channels; the calibration sheet's target session (section 1: 250-300 punctures/cm2 of "
       "0.25 mm needles) opens ~11-14 % of the surface",
       "share of the skin surface one session's openings may cover (estimated for randomly "
       "placed openings) before the injury counts as confluent"},
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
  static const AdvisoryThresholds t{
      valueOf("advisories.deep_needle_mm"),         valueOf("advisories.deep_min_interval_days"),
      valueOf("advisories.home_use_max_mm"),        valueOf("advisories.confluent_injury_fraction"),
      valueOf("captions.visible_change_from_days"), valueOf("captions.noticeable_improvement_pct")};
  return t;
}

}  // namespace dermasim
