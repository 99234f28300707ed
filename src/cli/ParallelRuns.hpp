#pragma once
// The command line's side of many runs at once (core/ParallelRuns.hpp runs them): progress lines
// on stderr with the time left, and durations as an estimate reads them.
//
//   runInParallel(total, simulationWorkers(scenario), run, runsProgress(quiet));
//   std::fprintf(stderr, "about %s\n", durationText(seconds).c_str());

#include <string>

#include "core/ParallelRuns.hpp"

namespace dermasim {

// "45 s", "12 min", "2.5 h": for estimates, where more digits would claim too much.
std::string durationText(double seconds);

// A line on stderr after the first run and per twentieth of the runs, with the time left at the
// pace so far; nothing when `quiet`.
RunsProgress runsProgress(bool quiet);

}  // namespace dermasim
