#pragma once
// Where a scenario named on a command line (dermasim, dermasim-view) comes from: a file, or a
// scenario built into the program.

#include <string>

#include "core/scenario/Scenario.hpp"

namespace dermasim {

inline constexpr const char* kDefaultScenario = "acne_scars_pen";

// An existing file or any path is read as a file; a bare name is a built-in scenario (with or
// without ".toml"). Errors are InputError naming the argument.
Scenario resolveScenario(const std::string& argument);

}  // namespace dermasim
