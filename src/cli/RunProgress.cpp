#include "cli/RunProgress.hpp"

#include <cstdio>
#include <optional>
#include <stdexcept>
#include <string_view>
#include <utility>

namespace dermasim {

RunResult simulateReporting(const Scenario& scenario, bool quiet, const std::string& label) {
  int lastTenth = -1;
  const Progress progress([&](double fraction, std::string_view what) {
    if (quiet) return;
    const int tenth = static_cast<int>(fraction * 10.0);
    const bool session = what.starts_with("session");
    if (!session && tenth == lastTenth) return;
    lastTenth = tenth;
    std::fprintf(stderr, "  %s[%3.0f%%] day %5.1f: %.*s\n", label.c_str(), 100.0 * fraction,
                 fraction * scenario.duration_days, static_cast<int>(what.size()), what.data());
  });
  std::optional<RunResult> result = simulate(scenario, progress);
  if (!result) throw std::runtime_error("the simulation was cancelled");
  return std::move(*result);
}

}  // namespace dermasim
