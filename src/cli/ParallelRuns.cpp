#include "cli/ParallelRuns.hpp"

#include <chrono>
#include <cstdio>

namespace dermasim {

std::string durationText(double seconds) {
  char text[32];
  if (seconds < 90)
    std::snprintf(text, sizeof text, "%.0f s", seconds);
  else if (seconds < 5400)
    std::snprintf(text, sizeof text, "%.0f min", seconds / 60);
  else
    std::snprintf(text, sizeof text, "%.1f h", seconds / 3600);
  return text;
}

RunsProgress runsProgress(bool quiet) {
  using Clock = std::chrono::steady_clock;
  return [quiet, start = Clock::now(), lastStep = ~std::size_t{0}](std::size_t done,
                                                                   std::size_t total) mutable {
    if (quiet || done == total) return;  // the closing line says how long it all took
    const std::size_t step = done * 20 / total;
    if (step == lastStep) return;
    lastStep = step;
    const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    const double left = elapsed / static_cast<double>(done) * static_cast<double>(total - done);
    std::fprintf(stderr, "  [%zu/%zu] %3.0f %%, %s so far, about %s left\n", done, total,
                 100.0 * static_cast<double>(done) / static_cast<double>(total),
                 durationText(elapsed).c_str(), durationText(left).c_str());
  };
}

}  // namespace dermasim
