#pragma once
// Where the CLI's scenario argument comes from: a file, or a scenario built into the program.

#include <string>

#include "core/Scenario.hpp"

namespace dermasim {

inline constexpr const char* kDefaultScenario = "acne_scars_pen";

// An existing file is read; otherwise a built-in scenario of that name (with or without
// ".toml"); otherwise InputError naming the argument and the built-in names.
Scenario resolveScenario(const std::string& argument);

}  // namespace dermasim
