#pragma once
// A run's timeseries.csv read back by column name: the curves of the consultation sheet come
// from the very file the run wrote, so a cohort run's percentile columns (METRIC_p10, _p50,
// _p90) are there when it has them, and the sheet never disagrees with the outputs.
//
//   const TimeseriesTable table = parseTimeseriesCsv(slurp("out/timeseries.csv"));
//   if (table.has("improvement_pct_p50")) drawBand(table.column("improvement_pct_p10"), ...);

#include <string>
#include <string_view>
#include <vector>

namespace dermasim::report {

class TimeseriesTable {
 public:
  bool has(std::string_view name) const;
  // Throws std::runtime_error naming the column when it is missing. Empty fields are NaN.
  const std::vector<double>& column(std::string_view name) const;

  std::vector<std::string> names;
  std::vector<std::vector<double>> columns;
};

// Throws std::runtime_error when the text is not a header and rows of numbers.
TimeseriesTable parseTimeseriesCsv(std::string_view csv);

}  // namespace dermasim::report
