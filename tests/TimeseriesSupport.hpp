#pragma once
// For tests that read a run's timeseries between its output times.
//
//   CHECK(readingOn(run, 0.5, &SkinReading::channels_open) < 0.7);

#include "core/Simulation.hpp"

namespace dermasim {

// One reading's value on `day`, interpolated between the readings either side.
inline double readingOn(const RunResult& r, double day, double SkinReading::*field) {
  const auto& ts = r.timeseries;
  for (std::size_t i = 1; i < ts.size(); ++i) {
    if (ts[i].day < day) continue;
    const double f = (day - ts[i - 1].day) / (ts[i].day - ts[i - 1].day);
    return ts[i - 1].*field + f * (ts[i].*field - ts[i - 1].*field);
  }
  return ts.back().*field;
}

}  // namespace dermasim
