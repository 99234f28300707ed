#pragma once
// A small CSV reader for the knowledge table's files (assets/guidance/*.csv): a header row,
// then rows of fields, a field quoted with "..." when it holds a comma ("" inside is a quote).
// Rows are read against the columns the caller expects, so a renamed or missing column is found
// when the table loads rather than as an empty field later. Errors are std::runtime_error naming
// the file, the line and the column.
//
//   const CsvTable t = readCsv("thresholds.csv", text, {"key", "value", "source"});
//   for (const CsvRow& row : t.rows) use(row.text("key"), row.number("value"));

#include <string>
#include <string_view>
#include <vector>

namespace dermasim {

struct CsvRow {
  std::string file;
  int line = 0;
  std::vector<std::string> columns;  // the header, as read
  std::vector<std::string> fields;

  // The field under `column`, trimmed; throws when it is empty.
  const std::string& text(std::string_view column) const;
  // The field as a number; throws naming the column and the text when it is not one.
  double number(std::string_view column) const;
  // "file, line N, column: " for messages about this row.
  std::string where(std::string_view column) const;
};

struct CsvTable {
  std::vector<std::string> columns;
  std::vector<CsvRow> rows;
};

// Throws when the header is not exactly `columns` or a row has another number of fields.
CsvTable readCsv(const std::string& file, std::string_view text,
                 const std::vector<std::string>& columns);

}  // namespace dermasim
