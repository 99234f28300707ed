#pragma once
// Where a scenario named on a command line (dermasim, dermasim-view) comes from: a file, or a
// scenario built into the program.

#include <string>

#include "core/scenario/Scenario.hpp"

namespace dermasim {

inline constexpr const char* kDefaultScenario = "acne_scars_pen";

// An existing file or any path is read as a file; a bare name is a built-in scenario (with or
// without ".toml"). A name ending in ".toml" that is no built-in's is a file, so a missing one
// says "No such file". Errors are InputError naming the argument.
Scenario resolveScenario(const std::string& argument);

}  // namespace dermasim
