#pragma once
// Internal to dermasim_io: the [device] table, and the device overrides of a [[session]].

#include <toml++/toml.h>

#include <string>

#include "core/scenario/Scenario.hpp"
#include "io/TomlValues.hpp"

namespace dermasim {

// The [device] table resolved against the defaults of its type. `device` may be null (absent).
DeviceSettings readDevice(const toml::table* device, const ValueChecker& check);

// `base` with the device keys of one [[session]] applied; `prefix` names its keys in errors
// ("session[2]"). A session that changes the type starts from `base` switched to that type.
DeviceSettings readSessionDevice(const toml::table& session, const DeviceSettings& base,
                                 const std::string& prefix, const ValueChecker& check);

}  // namespace dermasim
