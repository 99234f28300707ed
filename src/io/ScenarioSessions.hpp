#pragma once
// Internal to dermasim_io: the session plan from [schedule] and/or [[session]].

#include <toml++/toml.h>

#include <vector>

#include "core/scenario/Scenario.hpp"
#include "io/TomlValues.hpp"

namespace dermasim {

// Sorted by day. [schedule] alone: regular sessions from day 0. [[session]] alone: those days,
// the earliest on day 0. Both: each [[session]] overrides the device of one scheduled day.
std::vector<SessionPlan> readSessions(const toml::table& root, const DeviceSettings& device,
                                      double durationDays, const ValueChecker& check);

}  // namespace dermasim
