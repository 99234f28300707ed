#include "cli/SensitivityReport.hpp"

#include <algorithm>
#include <cstdio>

#include "core/numerics/NumberText.hpp"

namespace dermasim {
namespace {

std::string text(std::string_view view) { return std::string(view); }

// Effects for people: 3 significant digits, mu with its sign (the direction matters).
std::string effectText(double value) { return readableNumber(value, 3); }

}  // namespace

std::string sensitivityCsv(const SensitivityResult& result) {
  std::string out = "parameter,unit,min,max,outcome,outcome_unit,mu_star,mu,sigma,rank\n";
  for (const OutcomeEffects& o : result.outcomes)
    for (const ParameterEffect& e : o.ranked) {
      const ParameterSpec& p = *e.parameter;
      out += text(p.key) + ',' + text(p.unit) + ',' + readableNumber(p.min) + ',' +
             readableNumber(p.max) + ',' + text(o.outcome->name) + ',' + text(o.outcome->unit) +
             ',' + readableNumber(e.effect.mu_star) + ',' + readableNumber(e.effect.mu) + ',' +
             readableNumber(e.effect.sigma) + ',' + std::to_string(e.rank) + '\n';
    }
  return out;
}

std::string sensitivityTable(const SensitivityResult& result, std::size_t top) {
  std::string out = "Elementary effects of " + std::to_string(result.parameters) +
                    " model parameter(s), " + std::to_string(result.trajectories) +
                    " trajectories (" + std::to_string(result.runs) + " runs), seed " +
                    std::to_string(result.seed) +
                    ": change of each outcome across a parameter's full range\n";
  char line[160];
  for (const OutcomeEffects& o : result.outcomes) {
    std::snprintf(line, sizeof line, "\n%.*s (%.*s)\n  %-4s %-44s %9s %9s %9s\n",
                  static_cast<int>(o.outcome->name.size()), o.outcome->name.data(),
                  static_cast<int>(o.outcome->unit.size()), o.outcome->unit.data(), "rank",
                  "parameter", "mu*", "mu", "sigma");
    out += line;
    const std::size_t shown = std::min(top, o.ranked.size());
    for (std::size_t i = 0; i < shown; ++i) {
      const ParameterEffect& e = o.ranked[i];
      std::snprintf(line, sizeof line, "  %-4d %-44.*s %9s %9s %9s\n", e.rank,
                    static_cast<int>(e.parameter->key.size()), e.parameter->key.data(),
                    effectText(e.effect.mu_star).c_str(), effectText(e.effect.mu).c_str(),
                    effectText(e.effect.sigma).c_str());
      out += line;
    }
  }
  return out;
}

}  // namespace dermasim
