#include "core/cohort/VirtualPatients.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "core/numerics/CounterRandom.hpp"

namespace dermasim {
namespace {

// Keeps the cohort's streams apart from the needling's, which share the scenario's seed.
constexpr std::uint64_t kCohortStream = 0xC0407'0000'0001ULL;

// A row of one body site ("anatomy.cheek.dermis_mm") applies only to patients treated there.
bool appliesTo(const ParameterSpec& spec, const Scenario& scenario) {
  constexpr std::string_view kAnatomy = "anatomy.";
  if (!spec.key.starts_with(kAnatomy)) return true;
  const std::string_view rest = spec.key.substr(kAnatomy.size());
  const std::size_t dot = rest.find('.');
  if (dot == std::string_view::npos) return true;
  const auto site = parseSite(rest.substr(0, dot));
  return !site || *site == scenario.patient.site;
}

}  // namespace

std::vector<const ParameterSpec*> cohortParameters(const Scenario& scenario) {
  std::vector<const ParameterSpec*> varied;
  for (const ParameterSpec& spec : parameterTable())
    if (!spec.cohort.factor.empty() && spec.cohort.log_sd > 0 && appliesTo(spec, scenario))
      varied.push_back(&spec);
  return varied;
}

double cohortMedian(const ParameterSpec& spec, const Scenario& scenario) {
  const auto given = scenario.parameter_overrides.find(std::string(spec.key));
  return given == scenario.parameter_overrides.end() ? spec.value : given->second;
}

std::vector<std::string_view> cohortFactors() {
  std::vector<std::string_view> factors;
  for (const ParameterSpec& spec : parameterTable())
    if (!spec.cohort.factor.empty() &&
        std::find(factors.begin(), factors.end(), spec.cohort.factor) == factors.end())
      factors.push_back(spec.cohort.factor);
  return factors;
}

VirtualPatient virtualPatient(const Scenario& scenario, std::size_t index) {
  // One draw per factor of the whole table, whatever the site, so a patient's healing does not
  // change with where the scenario needles.
  const std::vector<std::string_view> factors = cohortFactors();
  CounterRandom random(scenario.seed, {kCohortStream, index});
  std::vector<double> z;
  for (std::size_t f = 0; f < factors.size(); ++f) z.push_back(random.normal());

  VirtualPatient patient{index, {}, scenario};
  for (const ParameterSpec* spec : cohortParameters(scenario)) {
    const auto factor = std::find(factors.begin(), factors.end(), spec->cohort.factor);
    const double draw = z[static_cast<std::size_t>(factor - factors.begin())];
    const double value = std::clamp(
        cohortMedian(*spec, scenario) * std::exp(spec->cohort.log_sd * draw), spec->min, spec->max);
    patient.values.push_back(value);
    patient.scenario.parameter_overrides[std::string(spec->key)] = value;
  }
  return patient;
}

}  // namespace dermasim
