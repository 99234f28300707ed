#pragma once
// The aftercare timeline a patient takes home, tied to the simulated skin: each instruction of
// assets/guidance/aftercare.csv lasts until the moment the simulation says (the session's channels
// closed, their openings sealed, the redness gone) and never less than the table's floor. `run`
// writes it as aftercare.csv; patient mode and the consultation sheet show it day by day.
//
//   for (const AftercareStep& step : aftercarePlan(result))
//     std::cout << step.item << " until day " << step.until_day << "\n";

#include <string>
#include <vector>

#include "core/Simulation.hpp"
#include "guidance/KnowledgeTable.hpp"

namespace dermasim {

// The rows of assets/guidance/aftercare.csv (the knowledge table's), in table order.
const std::vector<AftercareRule>& aftercareRules();

// Share of channels (open, or unsealed at the surface) below which they count as closed.
inline constexpr double kChannelsClosedShare = 0.05;
// An instruction lasting up to this long is told in hours ("until 25 h after the session"),
// a longer one in days: hours read better for the first two days.
inline constexpr double kAftercareHoursShownUpTo = 48.0;

struct AftercareStep {
  int session = 0;  // 1-based
  std::string item;
  double from_day = 0, until_day = 0;  // days since the first session
  double hours = 0;                    // until_day - session day, in hours (negative: before)
  std::string basis;  // "simulated: channels closed after 31 h" or "guidance: at least 168 h"
  const AftercareRule* rule = nullptr;
};

// Every session's aftercare, in session order, then table order.
std::vector<AftercareStep> aftercarePlan(const RunResult& result);

// The instructions in force on `day`, in plain words with how long they last: "No make-up, no
// other products than those given (until 25 h after the session)". Day by day, for patient mode
// and the consultation sheet.
std::vector<std::string> aftercareOn(const std::vector<AftercareStep>& plan, double day);

// Hours after `sessionDay` until `field` of the readings falls below `share` (interpolated
// between readings), or until `endDay` if it does not.
double hoursUntilBelow(const std::vector<SkinReading>& series, double sessionDay, double endDay,
                       double SkinReading::*field, double share);

}  // namespace dermasim
