#pragma once
// The columns of timeseries.csv after `day`, in order, each with the decimals it is written
// with: the one list that `run`'s timeseries.csv and `compare`'s comparison.csv both follow, so
// the two files always name and round a metric alike.
//
//   for (const TimeseriesColumn& c : timeseriesColumns())
//     out += c.name + "=" + fixedNumber(reading.*c.value, c.decimals);

#include <string>
#include <vector>

#include "core/readout/SkinReading.hpp"

namespace dermasim {

struct TimeseriesColumn {
  std::string name;
  int decimals;
  double SkinReading::*value;
};

const std::vector<TimeseriesColumn>& timeseriesColumns();

// Days are written with this many decimals in every CSV.
inline constexpr int kDayDecimals = 6;

}  // namespace dermasim
