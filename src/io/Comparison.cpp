#include "io/Comparison.hpp"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "core/Version.hpp"
#include "core/numerics/NumberText.hpp"
#include "io/OutcomeJson.hpp"
#include "io/RunOutputs.hpp"
#include "io/TimeseriesColumns.hpp"

namespace dermasim {
namespace {

// Days that print alike (kDayDecimals) are the same day: two runs reach "28.000000" by
// different sums of time steps.
constexpr double kSameDay = 0.5e-6;

// The months the summary reports, as days after the first session.
struct Milestone {
  double day;
  const char* label;
};
constexpr Milestone kMilestones[] = {{30, "1 month"}, {90, "3 months"}, {180, "6 months"}};

template <typename Fn>
std::optional<double> meanOverSessions(const RunResult& r, Fn value) {
  if (r.sessions.empty()) return std::nullopt;
  double sum = 0;
  for (const SessionResult& s : r.sessions) {
    const std::optional<double> v = value(s);
    if (!v) return std::nullopt;
    sum += *v;
  }
  return sum / static_cast<double>(r.sessions.size());
}

double peakOver(const RunResult& r, double SkinReading::*value) {
  double peak = 0;
  for (const SkinReading& reading : r.timeseries) peak = std::max(peak, reading.*value);
  return peak;
}

std::optional<double> atDay(const RunResult& r, double day, double SkinReading::*value,
                            double scale, double offset) {
  const std::optional<SkinReading> reading = readingAt(r.timeseries, day);
  if (!reading) return std::nullopt;
  return scale * ((*reading).*value + offset);
}

nlohmann::ordered_json orNull(const std::optional<double>& v) {
  return v ? nlohmann::ordered_json(*v) : nlohmann::ordered_json(nullptr);
}

nlohmann::ordered_json runJson(const ComparedRun& run) {
  return {{"scenario", run.scenario.source},
          {"name", run.scenario.name},
          {"seed", run.scenario.seed},
          {"duration_days", run.scenario.duration_days},
          {"sessions", run.result.sessions.size()},
          {"outcome", outcomeJson(run.result.outcome)}};
}

}  // namespace

std::optional<SkinReading> readingAt(const std::vector<SkinReading>& series, double day) {
  if (series.empty() || day < series.front().day - kSameDay || day > series.back().day + kSameDay)
    return std::nullopt;
  const auto after = std::lower_bound(series.begin(), series.end(), day - kSameDay,
                                      [](const SkinReading& r, double d) { return r.day < d; });
  if (after == series.end()) return series.back();
  if (std::abs(after->day - day) <= kSameDay || after == series.begin()) return *after;
  const SkinReading& before = *(after - 1);
  SkinReading between = interpolate(before, *after, (day - before.day) / (after->day - before.day));
  between.day = day;
  return between;
}

std::vector<double> unionOfDays(const std::vector<SkinReading>& a,
                                const std::vector<SkinReading>& b) {
  std::vector<double> days;
  days.reserve(a.size() + b.size());
  for (const SkinReading& r : a) days.push_back(r.day);
  for (const SkinReading& r : b) days.push_back(r.day);
  std::stable_sort(days.begin(), days.end());
  std::vector<double> once;
  for (double d : days)
    if (once.empty() || d - once.back() > kSameDay) once.push_back(d);
  return once;
}

std::optional<double> needlingSecondsPerCm2(const DeviceSettings& device) {
  if (device.type != DeviceType::Pen) return std::nullopt;
  // Each pass sweeps the cartridge's width along strokes at the glide speed.
  const double mm2PerSecond = device.cartridge_width_mm * device.glide_speed_mm_s;
  return device.passes * 100.0 / mm2PerSecond;
}

std::vector<ComparedFigure> comparedFigures(const ComparedRun& a, const ComparedRun& b) {
  std::vector<ComparedFigure> figures;
  const auto add = [&](std::string key, std::string label, std::string unit, int decimals,
                       const auto& value) {
    // Figures that always apply come as plain numbers.
    figures.push_back({std::move(key), std::move(label), std::move(unit), decimals,
                       std::optional<double>(value(a.result)),
                       std::optional<double>(value(b.result))});
  };
  add("punctures_per_cm2", "punctures per session", "/cm2", 0, [](const RunResult& r) {
    return meanOverSessions(r, [](const SessionResult& s) { return s.needling.stats.per_cm2; });
  });
  add("needling_time_s_per_cm2", "needling time per session", "s/cm2", 2, [](const RunResult& r) {
    return meanOverSessions(r,
                            [](const SessionResult& s) { return needlingSecondsPerCm2(s.device); });
  });
  add("peak_redness_a", "peak redness", "CIELAB a*", 1,
      [](const RunResult& r) { return peakOver(r, &SkinReading::redness_a); });
  add("peak_erythema", "peak erythema", "0..1", 2,
      [](const RunResult& r) { return peakOver(r, &SkinReading::erythema); });
  add("downtime_days", "downtime per session", "days", 1, [](const RunResult& r) {
    return meanOverSessions(r, [](const SessionResult& s) { return s.downtime_days; });
  });
  for (const Milestone& m : kMilestones) {
    const std::string when = " at " + std::string(m.label);
    const std::string suffix = "_day" + readableNumber(m.day);
    add("collagen_gain_pct" + suffix, "collagen gain" + when, "%", 1, [&](const RunResult& r) {
      return atDay(r, m.day, &SkinReading::collagen_rel, 100.0, -1.0);
    });
    add("improvement_pct" + suffix, "improvement" + when, "%", 1, [&](const RunResult& r) {
      return atDay(r, m.day, &SkinReading::improvement_pct, 1.0, 0.0);
    });
  }
  add("pih_risk", "PIH risk", "0..1", 3, [](const RunResult& r) { return r.outcome.pih_risk; });
  add("fibrosis_risk", "fibrosis risk", "0..1", 3,
      [](const RunResult& r) { return r.outcome.fibrosis_risk; });
  return figures;
}

std::string comparisonCsv(const RunResult& a, const RunResult& b) {
  const std::vector<TimeseriesColumn>& columns = timeseriesColumns();
  std::string out = "day";
  for (const TimeseriesColumn& c : columns) out += "," + c.name + "_a," + c.name + "_b";
  out += '\n';
  for (double day : unionOfDays(a.timeseries, b.timeseries)) {
    const std::optional<SkinReading> ra = readingAt(a.timeseries, day);
    const std::optional<SkinReading> rb = readingAt(b.timeseries, day);
    out += fixedNumber(day, kDayDecimals);
    for (const TimeseriesColumn& c : columns) {
      out += ',';
      if (ra) out += fixedNumber((*ra).*c.value, c.decimals);
      out += ',';
      if (rb) out += fixedNumber((*rb).*c.value, c.decimals);
    }
    out += '\n';
  }
  return out;
}

std::string comparisonJson(const ComparedRun& a, const ComparedRun& b) {
  nlohmann::ordered_json j;
  j["program"] = {{"name", kProgramName}, {"version", kVersion}};
  j["a"] = runJson(a);
  j["b"] = runJson(b);
  // B - A for every outcome value: positive means B ends higher.
  nlohmann::ordered_json difference;
  const nlohmann::ordered_json& outcomeA = j["a"]["outcome"];
  const nlohmann::ordered_json& outcomeB = j["b"]["outcome"];
  for (const auto& [key, valueA] : outcomeA.items())
    difference[key] = outcomeB[key].get<double>() - valueA.get<double>();
  j["difference"] = difference;
  nlohmann::ordered_json figures;
  for (const ComparedFigure& f : comparedFigures(a, b))
    figures[f.key] = {{"label", f.label},
                      {"unit", f.unit},
                      {"a", orNull(f.a)},
                      {"b", orNull(f.b)},
                      {"difference", orNull(f.difference())}};
  j["figures"] = figures;
  dropNegativeZeros(j);
  return j.dump(2) + "\n";
}

const std::vector<std::string>& comparisonOutputNames() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> all = runOutputNames("a");
    for (const std::string& n : runOutputNames("b")) all.push_back(n);
    all.push_back("comparison.csv");
    all.push_back("comparison.json");
    return all;
  }();
  return names;
}

void stageComparisonFiles(StagedFolder& staged, const ComparedRun& a, const ComparedRun& b,
                          const std::vector<Advisory>& advisoriesA,
                          const std::vector<Advisory>& advisoriesB) {
  const std::string csv = comparisonCsv(a.result, b.result);
  const std::string json = comparisonJson(a, b);
  stageRunFiles(staged, "a", a.scenario, a.result, advisoriesA);
  stageRunFiles(staged, "b", b.scenario, b.result, advisoriesB);
  staged.write("comparison.csv", csv);
  staged.write("comparison.json", json);
}

}  // namespace dermasim
