#pragma once
// The tables compiled into the guidance library are CSV: one header row, then records; lines
// starting with '#' are comments; a field may be quoted ("a, b") with "" for a quote inside.
// Parsed into records by header name, so a table's columns can be reordered.
//
//   for (const CsvRecord& r : parseCsvRecords(text, "assets/aftercare.csv"))
//     double h = r.number("at_least_h");

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace dermasim {

class CsvRecord {
 public:
  CsvRecord(std::string table, int line, std::map<std::string, std::string> fields)
      : table_(std::move(table)), line_(line), fields_(std::move(fields)) {}
  // The field under `column`; a missing or (with `required`) empty one throws
  // std::runtime_error naming the table, the line and the column.
  const std::string& text(const std::string& column, bool required = true) const;
  double number(const std::string& column) const;
  int line() const { return line_; }
  const std::string& table() const { return table_; }

 private:
  std::string table_;
  int line_;
  std::map<std::string, std::string> fields_;
};

// Every record of `text`; a row with more or fewer fields than the header throws
// std::runtime_error naming `table` and the line.
std::vector<CsvRecord> parseCsvRecords(std::string_view text, const std::string& table);

}  // namespace dermasim
