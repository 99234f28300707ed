#pragma once
// The one home of every model parameter: unit, default, plausible range and source.
// Scenario files may override any of them in a [parameters] table, within the range.
// Each mechanism reads its own rows once, into a typed struct (HealingRates::from,
// PenParameters::from, AnatomyParameters::from, ...); the table remembers which rows were
// read, so a test can prove that no row is left without a reader.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dermasim {

// How a parameter differs between the virtual patients of a cohort (`--cohort N`): lognormal
// about the scenario's value (its median), `log_sd` the standard deviation of the logarithm,
// clipped to the row's range. Rows naming the same `factor` move together: each patient draws
// one number per factor, so a slow healer is slow in every repair rate at once. A row without
// a factor is the same for every patient.
struct CohortSpread {
  std::string_view factor;
  double log_sd = 0;
  std::string_view source;
};

struct ParameterSpec {
  std::string_view key;
  std::string_view unit;
  double value;  // default
  double min;
  double max;
  std::string_view source;
  std::string_view description;
  CohortSpread cohort{};
};

// Every model parameter, in a stable order (documentation and summary.json follow it).
const std::vector<ParameterSpec>& parameterTable();
const ParameterSpec* findParameter(std::string_view key);
// A parameter's range rule in the words every message uses: "must be between 0.01 and 0.2 mm".
// inRange is false for NaN.
bool inRange(const ParameterSpec& spec, double value);
std::string rangeText(const ParameterSpec& spec);

// Resolved values: defaults with the scenario's overrides applied.
class ModelParameters {
 public:
  ModelParameters();  // defaults
  // Applies overrides; returns an error message for the first unknown key or value out of range.
  static std::optional<std::string> validate(const std::map<std::string, double>& overrides);
  static ModelParameters withOverrides(const std::map<std::string, double>& overrides);

  // Throws std::out_of_range for a key not in the table: that is a programming error.
  // Marks the key as read: lookups belong in a mechanism's from(), not in hot loops.
  double operator[](std::string_view key) const;

  // Keys of the table no lookup has asked for yet on this object, in table order.
  std::vector<std::string_view> unreadKeys() const;

 private:
  std::vector<double> values_;  // in parameterTable() order
  // Per row, whether it was read. Marked through std::atomic_ref, so structs may be built
  // from one shared table on several threads; copies start with the original's marks.
  mutable std::vector<unsigned char> read_;
};

}  // namespace dermasim
