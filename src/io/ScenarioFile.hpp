#pragma once
// Scenario files (TOML, see docs and `dermasim keys`) to a resolved, validated Scenario.
// Every failure throws InputError with a one-line message naming the file and the key.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/scenario/Scenario.hpp"

namespace dermasim {

Scenario loadScenarioFile(const std::filesystem::path& file);
// `sourceName` prefixes error messages and becomes Scenario::source; its stem is the default
// scenario.name ("built-in:" is dropped from it first).
Scenario parseScenario(std::string_view tomlText, std::string sourceName);

// The scenarios compiled into the program (scenarios/*.toml), by name without ".toml", sorted.
std::vector<std::string> builtinScenarioNames();
// `name` with or without ".toml". Scenario::source is "built-in:NAME".
Scenario loadBuiltinScenario(std::string_view name);

}  // namespace dermasim
