#include "report/TimeseriesTable.hpp"

#include <algorithm>
#include <cstdlib>
#include <limits>
#include <stdexcept>

namespace dermasim::report {

namespace {

std::vector<std::string_view> fields(std::string_view line) {
  std::vector<std::string_view> out;
  while (true) {
    const std::size_t comma = line.find(',');
    out.push_back(line.substr(0, comma));
    if (comma == std::string_view::npos) return out;
    line.remove_prefix(comma + 1);
  }
}

}  // namespace

bool TimeseriesTable::has(std::string_view name) const {
  return std::find(names.begin(), names.end(), name) != names.end();
}

const std::vector<double>& TimeseriesTable::column(std::string_view name) const {
  const auto at = std::find(names.begin(), names.end(), name);
  if (at == names.end())
    throw std::runtime_error("timeseries.csv has no column " + std::string(name));
  return columns[static_cast<std::size_t>(at - names.begin())];
}

TimeseriesTable parseTimeseriesCsv(std::string_view csv) {
  TimeseriesTable table;
  bool header = true;
  while (!csv.empty()) {
    const std::size_t end = csv.find('\n');
    std::string_view line = csv.substr(0, end);
    csv.remove_prefix(end == std::string_view::npos ? csv.size() : end + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    const std::vector<std::string_view> row = fields(line);
    if (header) {
      for (std::string_view name : row) table.names.emplace_back(name);
      table.columns.resize(row.size());
      header = false;
      continue;
    }
    if (row.size() != table.names.size())
      throw std::runtime_error("timeseries.csv: a row of " + std::to_string(row.size()) +
                               " fields under a header of " + std::to_string(table.names.size()));
    for (std::size_t i = 0; i < row.size(); ++i) {
      const std::string field(row[i]);
      char* stop = nullptr;
      const double value = field.empty() ? std::numeric_limits<double>::quiet_NaN()
                                         : std::strtod(field.c_str(), &stop);
      if (!field.empty() && (stop == nullptr || *stop != '\0'))
        throw std::runtime_error("timeseries.csv: not a number: " + field);
      table.columns[i].push_back(value);
    }
  }
  if (table.names.empty()) throw std::runtime_error("timeseries.csv is empty");
  return table;
}

}  // namespace dermasim::report
