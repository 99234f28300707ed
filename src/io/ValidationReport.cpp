#include "io/ValidationReport.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/numerics/NumberText.hpp"
#include "io/CsvField.hpp"

namespace dermasim {
namespace {

std::string boundText(double bound) { return std::isfinite(bound) ? readableNumber(bound) : ""; }

// Cut to `width` characters so one long measure does not push the table apart.
std::string cell(const std::string& text, std::size_t width) {
  std::string out = text.size() > width ? text.substr(0, width - 2) + ".." : text;
  out.resize(width, ' ');
  return out;
}

}  // namespace

std::vector<TargetOutcome> evaluateCase(const ValidationCase& validationCase,
                                        const RunResult& result) {
  std::vector<TargetOutcome> outcomes;
  for (const ValidationTarget& t : validationCase.targets) {
    TargetOutcome o{validationCase.name, t, evaluateMetric(t.metric, result, t.moment), false};
    // NaN compares false: a quantity the model never reaches fails.
    o.pass = o.model >= t.low && o.model <= t.high;
    outcomes.push_back(std::move(o));
  }
  return outcomes;
}

std::string modelText(double value) {
  if (std::isnan(value)) return "never";
  // Three decimals near 1, where relative quantities sit and 1.004 against a bound of 1 matters;
  // fewer for counts and hours.
  const double size = std::abs(value);
  return fixedNumber(value, size < 10 ? 3 : size < 100 ? 1 : 0);
}

std::string validationTable(const std::vector<TargetOutcome>& outcomes) {
  std::string out = cell("case", 21) + cell("measure", 46) + cell("when", 17) + cell("model", 9) +
                    cell("published", 15) + cell("range", 14) + "pass\n";
  int passed = 0;
  for (const TargetOutcome& o : outcomes) {
    out += cell(o.case_name, 21) + cell(o.target.measure, 46) + cell(o.target.when, 17) +
           cell(modelText(o.model), 9) + cell(o.target.published, 15) +
           cell(o.target.tolerance, 14) + (o.pass ? "pass" : "FAIL") + "\n";
    passed += o.pass ? 1 : 0;
  }
  out += std::to_string(passed) + " of " + std::to_string(outcomes.size()) + " targets pass\n";
  return out;
}

std::string validationCsv(const std::vector<TargetOutcome>& outcomes) {
  std::string out =
      "case,measure,metric,when,model,published,low,high,pass,quality,mapping,source\n";
  for (const TargetOutcome& o : outcomes) {
    const ValidationTarget& t = o.target;
    out += csvField(o.case_name) + ',' + csvField(t.measure) + ',' + csvField(t.metric.text) + ',' +
           csvField(t.when) + ',' + (std::isnan(o.model) ? "" : readableNumber(o.model)) + ',' +
           csvField(t.published) + ',' + boundText(t.low) + ',' + boundText(t.high) + ',' +
           (o.pass ? "pass" : "fail") + ',' + csvField(t.quality) + ',' + csvField(t.mapping) +
           ',' + csvField(t.source) + '\n';
  }
  return out;
}

}  // namespace dermasim
