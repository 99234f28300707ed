#pragma once
// The one home of every model parameter: unit, default, plausible range and source.
// Scenario files may override any of them in a [parameters] table, within the range.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dermasim {

struct ParameterSpec {
  std::string_view key;
  std::string_view unit;
  double value;  // default
  double min;
  double max;
  std::string_view source;
  std::string_view description;
};

// Every model parameter, in a stable order (documentation and summary.json follow it).
const std::vector<ParameterSpec>& parameterTable();
const ParameterSpec* findParameter(std::string_view key);

// Resolved values: defaults with the scenario's overrides applied.
class ModelParameters {
 public:
  ModelParameters();  // defaults
  // Applies overrides; returns an error message for the first unknown key or value out of range.
  static std::optional<std::string> validate(const std::map<std::string, double>& overrides);
  static ModelParameters withOverrides(const std::map<std::string, double>& overrides);

  // Throws std::out_of_range for a key not in the table: that is a programming error.
  double operator[](std::string_view key) const;
  const std::map<std::string, double, std::less<>>& values() const { return values_; }

 private:
  std::map<std::string, double, std::less<>> values_;
};

}  // namespace dermasim
