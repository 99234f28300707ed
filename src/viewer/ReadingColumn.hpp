#pragma once
// One reading of a run's timeseries with the days it belongs to: what a plot draws of a run, and
// what the percentile bands are read from.
//
//   const ReadingColumn redness = readingColumn(result.timeseries, [](const SkinReading& r) {
//     return r.redness_a;
//   });
//   timePlot("redness", {{"A", redness.days, redness.values, colour}}, options);

#include <vector>

#include "core/readout/SkinReading.hpp"

namespace dermasim::viewer {

struct ReadingColumn {
  std::vector<double> days, values;
};

template <typename Read>
ReadingColumn readingColumn(const std::vector<SkinReading>& readings, Read read) {
  ReadingColumn c;
  c.days.reserve(readings.size());
  c.values.reserve(readings.size());
  for (const SkinReading& r : readings) {
    c.days.push_back(r.day);
    c.values.push_back(read(r));
  }
  return c;
}

}  // namespace dermasim::viewer
