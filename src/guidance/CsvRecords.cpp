#include "guidance/CsvRecords.hpp"

#include <cstdlib>
#include <stdexcept>

namespace dermasim {
namespace {

// One CSV line split into fields; false when a quote is left open.
bool splitFields(std::string_view line, std::vector<std::string>& fields) {
  fields.clear();
  std::string field;
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c != '"') {
        field += c;
      } else if (i + 1 < line.size() && line[i + 1] == '"') {
        field += '"';
        ++i;
      } else {
        quoted = false;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields.push_back(std::move(field));
      field.clear();
    } else {
      field += c;
    }
  }
  fields.push_back(std::move(field));
  return !quoted;
}

[[noreturn]] void failAt(const std::string& table, int line, const std::string& what) {
  throw std::runtime_error(table + ":" + std::to_string(line) + ": " + what);
}

}  // namespace

const std::string& CsvRecord::text(const std::string& column, bool required) const {
  const auto it = fields_.find(column);
  if (it == fields_.end()) failAt(table_, line_, "no column " + column);
  if (required && it->second.empty()) failAt(table_, line_, column + " is empty");
  return it->second;
}

double CsvRecord::number(const std::string& column) const {
  const std::string& t = text(column);
  char* end = nullptr;
  const double v = std::strtod(t.c_str(), &end);
  if (end == t.c_str() || *end != '\0') failAt(table_, line_, column + ": not a number: " + t);
  return v;
}

std::vector<CsvRecord> parseCsvRecords(std::string_view text, const std::string& table) {
  std::vector<CsvRecord> records;
  std::vector<std::string> header, fields;
  int lineNumber = 0;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    ++lineNumber;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    if (!splitFields(line, fields)) failAt(table, lineNumber, "a quote is not closed");
    if (header.empty()) {
      header = fields;
      continue;
    }
    if (fields.size() != header.size())
      failAt(table, lineNumber,
             std::to_string(fields.size()) + " fields, the header has " +
                 std::to_string(header.size()));
    std::map<std::string, std::string> byName;
    for (std::size_t i = 0; i < header.size(); ++i) byName[header[i]] = fields[i];
    records.emplace_back(table, lineNumber, std::move(byName));
  }
  return records;
}

}  // namespace dermasim
