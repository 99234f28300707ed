#pragma once
// What `dermasim plan` suggests: a protocol for a site and an indication (for a Fitzpatrick type,
// with a device if one is asked for) read off the knowledge table alone, as a Scenario ready to
// simulate, with every choice's reasons and the table rows behind them (Provenance::cite()).
// Pure: no simulation, no files; the numbers are the table's (assets/guidance/*.csv, the
// `plan_*` thresholds among them) and the scenario schema's defaults. docs/GUIDANCE.md, "Plans".
//
//   const ProtocolPlan plan = planProtocol({Site::Cheek, Indication::AcneScars, 5, {}});
//   for (const PlanChoice& c : plan.choices) std::printf("%s: %s\n", c.what.c_str(), ...);
//   simulate(plan.scenario);  // throws PlanRefused first for a pairing the table does not cover

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/scenario/Scenario.hpp"
#include "guidance/KnowledgeTable.hpp"

namespace dermasim {

struct PlanRequest {
  Site site{};
  Indication indication{};
  std::optional<int> fitzpatrick;    // 1-6; the scenario schema's default when empty
  std::optional<DeviceType> device;  // the table's choice for the site and indication when empty
};

// One decision of the plan: the scenario key it sets (empty for advice that sets none, such as
// maintenance), what it is in words, its value with its unit, why, and the rows it rests on.
struct PlanChoice {
  std::string key;    // e.g. "device.needle_length_mm"
  std::string what;   // e.g. "needle depth"
  std::string value;  // e.g. "1.75 mm"
  std::vector<std::string> reasons;
  std::vector<std::string> sources;  // Provenance::cite() of each row used
};

struct ProtocolPlan {
  PlanRequest request;  // with the Fitzpatrick type and device filled in
  Scenario scenario;
  std::vector<PlanChoice> choices;  // in the order a reader goes through them
  double interval_days = 0;         // between sessions
  bool raised_pih = false;          // the type's pigmentation risk made the plan gentler
  DepthRange depth_chart;           // the site's chart the depth was chosen in
  DowntimeRange downtime;           // the guidance's redness for the depth chosen
};

// A pairing the table does not cover, e.g. hair loss on the cheek: the message names the
// indication, the site, the sites the table treats it on and the row.
class PlanRefused : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Throws PlanRefused for an uncovered pairing, std::invalid_argument for a Fitzpatrick type
// outside 1-6.
ProtocolPlan planProtocol(const PlanRequest& request,
                          const KnowledgeTable& table = knowledgeTable());

// The choice that sets `key`, or null.
const PlanChoice* choiceFor(const ProtocolPlan& plan, const std::string& key);

}  // namespace dermasim
