#pragma once
// The one home of the guidance library's numbers: behind the advisories, what counts as deep
// needling, how far apart deep sessions must be, how deep a home device may go, how much of the
// surface one session may open; behind the patient captions, how soon and how large a change
// they may call visible. Same fields as the model's parameter table, printed as its own section
// by `dermasim params`; not overridable by scenarios, since they judge a plan and word a result
// rather than simulate skin.
//
//   const AdvisoryThresholds& t = AdvisoryThresholds::standard();
//   if (needleMm >= t.deep_needle_mm && intervalDays < t.deep_min_interval_days) ...
//   if (daysSinceFirstSession < t.visible_change_from_days) // no visible change claimed

#include <vector>

#include "core/parameters/ModelParameters.hpp"

namespace dermasim {

// Every advisory and caption threshold, in a stable order (documentation follows it).
const std::vector<ParameterSpec>& advisoryThresholdTable();

struct AdvisoryThresholds {
  double deep_needle_mm;              // needles at least this long count as deep
  double deep_min_interval_days;      // shortest interval after a deep session
  double home_use_max_mm;             // longest needle for a home device
  double confluent_injury_fraction;   // share of the surface one session's openings may cover
  double visible_change_from_days;    // days after session 1 before captions claim a change
  double noticeable_improvement_pct;  // smallest texture change a caption mentions, %
  // Read from advisoryThresholdTable() once.
  static const AdvisoryThresholds& standard();
};

}  // namespace dermasim
