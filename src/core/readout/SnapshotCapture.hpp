#pragma once
// Takes SkinSnapshots from a running HealingModel: the surface maps and the sections the
// renderer draws, in the plain-data form of SkinSnapshot.hpp.
//
//   const std::vector<int> rows = sectionRows(model.grid().ny, 5);
//   SkinSnapshot snap = takeSnapshot(model, readout, readout.read(model), rows);

#include <vector>

#include "core/healing/HealingModel.hpp"
#include "core/parameters/ModelParameters.hpp"
#include "core/readout/SkinReadout.hpp"
#include "core/readout/SkinSnapshot.hpp"
#include "core/scenario/Scenario.hpp"

namespace dermasim {

// The rows `count` sections go through on a grid `ny` rows deep: evenly spread, one through the
// middle when count is 1. count is clamped to 1..ny.
std::vector<int> sectionRows(int ny, int count);

// The needles in force on `day`: the last session begun by then, else the first to come; their
// depth from the device model itself (NeedleDevice::meanDepthMm), so the drawing cannot
// disagree with the punctures.
NeedleReach needleReachOn(const std::vector<SessionPlan>& sessions,
                          const ModelParameters& parameters, double day);

// Captures the model's state; `readout` must belong to `model`.
SkinSnapshot takeSnapshot(const HealingModel& model, SkinReadout& readout,
                          const SkinReading& reading, const std::vector<int>& sectionRows);

}  // namespace dermasim
