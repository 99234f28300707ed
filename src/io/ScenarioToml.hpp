#pragma once
// A resolved Scenario back to a scenario file: what the viewer's "Save" writes. Every key is
// spelled out with its default, so the file says exactly what was simulated even if a default
// changes later.

#include <filesystem>
#include <string>

#include "core/scenario/Scenario.hpp"

namespace dermasim {

// A complete, commented scenario file that parseScenario() reads back to an equal Scenario,
// Scenario::source and Scenario::source_text aside (they record where the text came from).
// Sessions are written as explicit [[session]] tables holding only the device keys that differ
// from [device]; parameter overrides go to [parameters] under quoted dotted keys. Device keys
// of the other device type are not written: the device model ignores them, and a file may not
// set them.
std::string toToml(const Scenario& scenario);

// toToml() written atomically: a reader never sees half a file, and on failure (which throws
// std::runtime_error naming the file) an existing file is left as it was.
void saveScenarioFile(const std::filesystem::path& file, const Scenario& scenario);

}  // namespace dermasim
