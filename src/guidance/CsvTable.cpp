#include "guidance/CsvTable.hpp"

#include <charconv>
#include <stdexcept>

namespace dermasim {
namespace {

std::string trimmed(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r");
  if (first == std::string_view::npos) return {};
  return std::string(s.substr(first, s.find_last_not_of(" \t\r") - first + 1));
}

// One line's fields. Quoted fields may not span lines: the
// table's prose fits on one.
std::vector<std::string> splitLine(std::string_view line, const std::string& where) {
  std::vector<std::string> fields;
  std::string field;
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields.push_back(trimmed(field));
      field.clear();
    } else {
      field += c;
    }
  }
  if (quoted) throw std::runtime_error(where + ": a quoted field is not closed");
  fields.push_back(trimmed(field));
  return fields;
}

}  // namespace

std::string CsvRow::where(std::string_view column) const {
  return file + ", line " + std::to_string(line) + ", " + std::string(column);
}

const std::string& CsvRow::text(std::string_view column) const {
  for (std::size_t i = 0; i < columns.size(); ++i)
    if (columns[i] == column) {
      if (fields[i].empty()) throw std::runtime_error(where(column) + ": must not be empty");
      return fields[i];
    }
  throw std::logic_error(file + ": no column named " + std::string(column));
}

double CsvRow::number(std::string_view column) const {
  const std::string& s = text(column);
  double value = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || end != s.data() + s.size())
    throw std::runtime_error(where(column) + ": expected a number (got \"" + s + "\")");
  return value;
}

CsvTable readCsv(const std::string& file, std::string_view text,
                 const std::vector<std::string>& columns) {
  CsvTable table;
  int lineNumber = 0;
  bool header = true;
  while (!text.empty()) {
    const auto end = text.find('\n');
    const std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
    ++lineNumber;
    if (trimmed(line).empty()) continue;
    const std::string where = file + ", line " + std::to_string(lineNumber);
    std::vector<std::string> fields = splitLine(line, where);
    if (header) {
      if (fields != columns) {
        std::string expected;
        for (const std::string& c : columns) expected += (expected.empty() ? "" : ",") + c;
        throw std::runtime_error(where + ": expected the header " + expected + " (got \"" +
                                 std::string(trimmed(line)) + "\")");
      }
      table.columns = std::move(fields);
      header = false;
      continue;
    }
    if (fields.size() != columns.size())
      throw std::runtime_error(where + ": expected " + std::to_string(columns.size()) +
                               " fields (got " + std::to_string(fields.size()) + ")");
    table.rows.push_back({file, lineNumber, columns, std::move(fields)});
  }
  if (header) throw std::runtime_error(file + ": empty, expected a header row");
  return table;
}

}  // namespace dermasim
