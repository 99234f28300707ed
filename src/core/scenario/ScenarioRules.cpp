#include "core/scenario/ScenarioRules.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "core/numerics/NumberText.hpp"
#include "core/parameters/ModelParameters.hpp"
#include "core/scenario/ScenarioSchema.hpp"

namespace dermasim {
namespace {

// Days are compared after arithmetic (k * interval), so exact equality would be too strict.
constexpr double kSameDay = 1e-6;

std::string text(double v) { return readableNumber(v); }

std::string_view leaf(std::string_view key) { return key.substr(key.rfind('.') + 1); }

bool isNumeric(const KeySpec& spec) {
  return spec.kind == ValueKind::Real || spec.kind == ValueKind::Integer;
}

class Problems {
 public:
  void add(std::string key, std::string expectation, std::string got) {
    list_.push_back({std::move(key), std::move(expectation), std::move(got)});
  }
  // The range rule of one numeric key; returns false when it failed.
  bool range(const KeySpec& spec, double value, std::string key) {
    if (inRange(spec, value)) return true;
    add(std::move(key), rangeText(spec), text(value));
    return false;
  }
  std::vector<ScenarioProblem> take() { return std::move(list_); }

 private:
  std::vector<ScenarioProblem> list_;
};

void checkScenarioKeys(const Scenario& s, Problems& out) {
  for (const KeySpec& spec : scenarioSchema())
    if (spec.read != nullptr && isNumeric(spec))
      out.range(spec, spec.read(s), std::string(spec.key));
  const ScarMix& mix = s.patient.scars.mix;
  const double sum = mix.rolling + mix.boxcar + mix.icepick;
  if (!(std::abs(sum - 1.0) <= kScarMixTolerance))
    out.add("patient.scars.mix", "rolling + boxcar + icepick must sum to 1", text(sum));
}

// The device keys of `device` that break their range, named `prefix.leaf`. With `base`, a value
// equal to base's is skipped: the [device] table's own check has reported it already.
void checkDevice(const DeviceSettings& device, const DeviceSettings* base,
                 const std::string& prefix, Problems& out) {
  const bool sameType = base != nullptr && base->type == device.type;
  for (const KeySpec& spec : scenarioSchema()) {
    if (!spec.key.starts_with("device.") || !isNumeric(spec)) continue;
    if (findKey(spec.key, device.type) != &spec) continue;  // the other type's key or spec
    const double value = deviceNumber(device, spec);
    if (sameType && value == deviceNumber(*base, spec)) continue;
    if (std::isnan(value) && spec.required) {
      out.add(prefix + "." + std::string(leaf(spec.key)), "required key is missing", "");
      continue;
    }
    out.range(spec, value, prefix + "." + std::string(leaf(spec.key)));
  }
  if (device.type != DeviceType::Roller || device.rows <= 0) return;
  if (sameType && device.needles == base->needles && device.rows == base->rows) return;
  if (device.needles % device.rows != 0)
    out.add(prefix + ".needles",
            "a roller's needles must be a multiple of device.rows = " + std::to_string(device.rows),
            std::to_string(device.needles));
}

void checkSessions(const Scenario& s, Problems& out) {
  if (s.sessions.empty()) {
    out.add("schedule", "a [schedule] table or at least one [[session]] is required", "");
    return;
  }
  for (std::size_t i = 0; i < s.sessions.size(); ++i) {
    const SessionPlan& plan = s.sessions[i];
    const std::string label = sessionLabel(s, i);
    if (!(plan.day >= 0 && plan.day <= s.duration_days))
      out.add(label + ".day",
              "must be between 0 and scenario.duration_days = " + text(s.duration_days),
              text(plan.day));
    checkDevice(plan.device, &s.device, label, out);
  }
  // Sorted by day (stable: ties keep their written order), so duplicates are neighbours.
  std::vector<std::size_t> order(s.sessions.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return s.sessions[a].day < s.sessions[b].day;
  });
  for (std::size_t k = 1; k < order.size(); ++k) {
    const SessionPlan& earlier = s.sessions[order[k - 1]];
    const SessionPlan& later = s.sessions[order[k]];
    if (std::abs(later.day - earlier.day) < kSameDay)
      out.add(sessionLabel(s, order[k]) + ".day",
              sessionLabel(s, order[k - 1]) + " is already on that day", text(later.day));
  }
  const SessionPlan& first = s.sessions[order.front()];
  if (first.day > kSameDay)
    out.add(sessionLabel(s, order.front()) + ".day",
            "the earliest session must be on day 0, the start of the simulation", text(first.day));
}

void checkModel(const ModelSettings& m, Problems& out) {
  const double cells = m.patch_size_mm * 1000.0 / m.lateral_resolution_um;
  if (cells > kMaxLateralCells)
    out.add("model.lateral_resolution_um",
            "too fine for model.patch_size_mm = " + text(m.patch_size_mm) + ": " +
                text(std::ceil(cells)) + " cells per side, at most " + text(kMaxLateralCells),
            text(m.lateral_resolution_um));
}

// The parameter table owns the ranges and their wording.
void checkParameters(const Scenario& s, Problems& out) {
  for (const auto& [key, value] : s.parameter_overrides) {
    const ParameterSpec* spec = findParameter(key);
    if (spec == nullptr)
      out.add("parameters." + key, "unknown model parameter (see `dermasim params`)", "");
    else if (!inRange(*spec, value))
      out.add("parameters." + key, rangeText(*spec), text(value));
  }
}

}  // namespace

std::string ScenarioProblem::expectationAndGot() const {
  return got.empty() ? expectation : expectation + " (got " + got + ")";
}

std::string ScenarioProblem::message() const { return key + ": " + expectationAndGot(); }

std::string sessionLabel(const Scenario& scenario, std::size_t index) {
  const std::string& origin = scenario.sessions[index].origin;
  return origin.empty() ? "session[" + std::to_string(index) + "]" : origin;
}

std::vector<ScenarioProblem> checkScenarioRules(const Scenario& scenario) {
  Problems out;
  checkScenarioKeys(scenario, out);
  checkDevice(scenario.device, nullptr, "device", out);
  checkSessions(scenario, out);
  checkModel(scenario.model, out);
  checkParameters(scenario, out);
  return out.take();
}

}  // namespace dermasim
