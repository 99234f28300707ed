#pragma once
// The chart of `dermasim sensitivity`: for each outcome, its most influential parameters as
// horizontal bars of mu* (the mean change of the outcome across a parameter's full range), largest
// first, coloured by the direction of the effect. Drawn headless (EGL) with the rendering library.
//
//   writeSensitivityChart("sensitivity/sensitivity.png", result, scenario.name);  // throws
//   std::runtime_error when there is no EGL or the file cannot be written

#include <cstddef>
#include <filesystem>
#include <string>

#include "cli/SensitivityAnalysis.hpp"

namespace dermasim {

// Parameters shown per outcome.
inline constexpr std::size_t kSensitivityChartTop = 12;

// False (and nothing written) when this dermasim was built without the rendering library.
bool writeSensitivityChart(const std::filesystem::path& png, const SensitivityResult& result,
                           const std::string& scenarioName);

}  // namespace dermasim
