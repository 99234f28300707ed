#pragma once
// A validation case (docs/VALIDATION.md): one TOML file holding a scenario (the same tables as
// any scenario file, read by parseScenario) and, beside it, a `[case]` table and `[[target]]`
// entries, each a published figure, the model quantity that stands for it and the range it must
// fall in. Every problem is an InputError naming the file and the key.
//
//   const ValidationCase c = loadValidationCase("scenarios/validation/lotfi_2013.toml");
//   const RunResult result = simulate(c.scenario);
//   for (const TargetOutcome& o : evaluateCase(c, result)) ...  // ValidationReport.hpp

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/scenario/Scenario.hpp"
#include "io/ValidationMetric.hpp"

namespace dermasim {

struct ValidationTarget {
  std::string measure;  // what was published, in words
  ValidationMetric metric;
  MetricMoment moment;  // the day (metrics read on a day) or the session it is read at
  std::string when;     // the moment as written: "day 168", "session 1 + 7 d", "session 2"
  // The published figure as shown: a number, or words ("up", "hours") when the source gives
  // a direction or a band rather than a number.
  std::string published;
  std::optional<double> published_value;
  // Pass when low <= model <= high (either side may be open: -inf, +inf).
  double low = 0, high = 0;
  std::string tolerance;  // as written: "+/- 0.15", ">= 1.02", "1 .. 3"
  std::string mapping;    // how the model quantity stands for the published measure
  std::string source;
  std::string quality;  // A, S, M, D, or two of them ("S/A")
};

struct ValidationCase {
  std::string name;         // the file's stem unless [case] name says otherwise
  std::string description;  // optional
  std::filesystem::path file;
  Scenario scenario;
  std::vector<ValidationTarget> targets;
};

ValidationCase loadValidationCase(const std::filesystem::path& file);
// `sourceName` prefixes error messages and names the case by its stem.
ValidationCase parseValidationCase(std::string_view tomlText, const std::string& sourceName);

// The case files in `dir` (*.toml), sorted by name. An InputError when there are none.
std::vector<std::filesystem::path> validationCaseFiles(const std::filesystem::path& dir);

}  // namespace dermasim
