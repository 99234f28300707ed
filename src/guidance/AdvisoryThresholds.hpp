#pragma once
// The numbers behind the patient captions: how soon and how large a change they may call
// visible. Same fields as the model's parameter table, printed as its own section by `dermasim
// params`; not overridable by scenarios, since they word a result rather than simulate skin.
// The thresholds that judge a plan (home depth, confluence, intervals, pigmentation) moved to
// the knowledge table, their one home (KnowledgeTable.hpp, assets/guidance/).
//
//   const AdvisoryThresholds& t = AdvisoryThresholds::standard();
//   if (daysSinceFirstSession < t.visible_change_from_days) // no visible change claimed

#include <vector>

#include "core/parameters/ModelParameters.hpp"

namespace dermasim {

// Every caption threshold, in a stable order (documentation follows it).
const std::vector<ParameterSpec>& advisoryThresholdTable();

struct AdvisoryThresholds {
  double visible_change_from_days;    // days after session 1 before captions claim a change
  double noticeable_improvement_pct;  // smallest texture change a caption mentions, %
  // Read from advisoryThresholdTable() once.
  static const AdvisoryThresholds& standard();
};

}  // namespace dermasim
