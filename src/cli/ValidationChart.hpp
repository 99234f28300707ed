#pragma once
// The chart of `dermasim validation`: one row per target, the model's value (a dot, green when it
// passes, red when not) against the range that passes (a band) and the published figure (a tick),
// each row on its own scale. Drawn headless (EGL) with the rendering library.
//
//   writeValidationChart("out/validation.png", outcomes);  // throws std::runtime_error

#include <filesystem>
#include <vector>

#include "io/ValidationReport.hpp"

namespace dermasim {

// False (and nothing written) when this dermasim was built without the rendering library.
bool writeValidationChart(const std::filesystem::path& png,
                          const std::vector<TargetOutcome>& outcomes);

}  // namespace dermasim
