#include "io/ValidationMetric.hpp"
#include "core/readout/FallBelow.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <utility>

namespace dermasim {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

using ReadingField = double SkinReading::*;

// The columns of timeseries.csv after `day`, in its order.
const std::vector<std::pair<std::string, ReadingField>>& columnFields() {
  static const std::vector<std::pair<std::string, ReadingField>> fields{
      {"redness_a", &SkinReading::redness_a},
      {"erythema", &SkinReading::erythema},
      {"barrier_open", &SkinReading::barrier_open},
      {"roughness_um", &SkinReading::roughness_um},
      {"scar_depth_um", &SkinReading::scar_depth_um},
      {"collagen_rel", &SkinReading::collagen_rel},
      {"collagen1_rel", &SkinReading::collagen1_rel},
      {"collagen3_rel", &SkinReading::collagen3_rel},
      {"elastin_rel", &SkinReading::elastin_rel},
      {"improvement_pct", &SkinReading::improvement_pct},
      {"papillary_collagen_rel", &SkinReading::papillary_collagen_rel},
      {"epidermis_rel", &SkinReading::epidermis_rel},
      {"fibroblasts_rel", &SkinReading::fibroblasts_rel},
      {"surface_blood_um", &SkinReading::surface_blood_um},
      {"lightness_L", &SkinReading::lightness_L},
      {"channels_open", &SkinReading::channels_open},
      {"scar_depth_rolling_um", &SkinReading::scar_depth_rolling_um},
      {"scar_depth_boxcar_um", &SkinReading::scar_depth_boxcar_um},
      {"scar_depth_icepick_um", &SkinReading::scar_depth_icepick_um},
      {"scar_volume_rel", &SkinReading::scar_volume_rel}};
  return fields;
}

ReadingField fieldOf(std::string_view column) {
  for (const auto& [name, field] : columnFields())
    if (name == column) return field;
  return nullptr;
}

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

// "name(arguments)" -> arguments, or nullopt when `text` is not a call of `name`.
std::optional<std::string_view> callArguments(std::string_view text, std::string_view name) {
  if (!text.starts_with(name)) return std::nullopt;
  text = trimmed(text.substr(name.size()));
  if (!text.starts_with('(') || !text.ends_with(')')) return std::nullopt;
  return trimmed(text.substr(1, text.size() - 2));
}

std::string columnProblem(std::string_view column) {
  return "names no timeseries column (" + std::string(column) +
         "); the columns are those of timeseries.csv";
}

ParsedMetric parsed(ValidationMetric metric) { return {std::move(metric), {}}; }
ParsedMetric problem(std::string text) { return {std::nullopt, std::move(text)}; }

double sessionQuantity(const SessionResult& s, std::string_view quantity) {
  if (quantity == "downtime_days") return s.downtime_days;
  if (quantity == "peak_erythema") return s.peak_erythema;
  if (quantity == "punctures_per_cm2") return s.needling.stats.per_cm2;
  if (quantity == "mean_depth_mm") return s.needling.stats.mean_depth_mm;
  if (quantity == "depth_fraction")
    return s.needling.stats.mean_depth_mm / s.device.needle_length_mm;
  return kNaN;
}

// Hours after session `index` (0-based) until `column` first falls below `threshold` after
// having been at or above it; 0 if it never rises to it, NaN if it does not fall below before
// the next session or the end.
double hoursUntilBelow(const RunResult& result, std::size_t index, std::string_view column,
                       double threshold) {
  const double start = result.sessions[index].day;
  const double end = index + 1 < result.sessions.size() ? result.sessions[index + 1].day
                                                        : std::numeric_limits<double>::infinity();
  const FallBelow f = fallBelow(result.timeseries, start, end, fieldOf(column), threshold);
  if (!f.rose) return 0.0;
  return f.day ? 24.0 * (*f.day - start) : kNaN;
}

}  // namespace

const std::vector<std::string>& validationColumns() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (const auto& [name, field] : columnFields()) out.push_back(name);
    return out;
  }();
  return names;
}

const std::vector<std::string>& validationSessionQuantities() {
  static const std::vector<std::string> names{"downtime_days", "peak_erythema", "punctures_per_cm2",
                                              "mean_depth_mm", "depth_fraction"};
  return names;
}

ParsedMetric parseValidationMetric(std::string_view text) {
  ValidationMetric m;
  m.text = std::string(text);
  text = trimmed(text);
  if (const auto args = callArguments(text, "hours_until_below")) {
    const std::size_t comma = args->find(',');
    if (comma == std::string_view::npos)
      return problem("expected hours_until_below(COLUMN, THRESHOLD)");
    m.kind = ValidationMetric::Kind::HoursUntilBelow;
    m.column = std::string(trimmed(args->substr(0, comma)));
    const std::string_view number = trimmed(args->substr(comma + 1));
    const auto [end, error] =
        std::from_chars(number.data(), number.data() + number.size(), m.threshold);
    if (error != std::errc() || end != number.data() + number.size())
      return problem("expected a number as the threshold of hours_until_below");
    if (!fieldOf(m.column)) return problem(columnProblem(m.column));
    return parsed(std::move(m));
  }
  if (const auto args = callArguments(text, "reduction_pct")) {
    m.kind = ValidationMetric::Kind::ReductionPct;
    m.column = std::string(*args);
    if (!fieldOf(m.column)) return problem(columnProblem(m.column));
    return parsed(std::move(m));
  }
  if (const auto args = callArguments(text, "share_of_peak")) {
    m.kind = ValidationMetric::Kind::ShareOfPeak;
    m.column = std::string(*args);
    if (!fieldOf(m.column)) return problem(columnProblem(m.column));
    return parsed(std::move(m));
  }
  const auto& quantities = validationSessionQuantities();
  if (std::find(quantities.begin(), quantities.end(), text) != quantities.end()) {
    m.kind = ValidationMetric::Kind::Session;
    m.column = std::string(text);
    return parsed(std::move(m));
  }
  if (const std::size_t slash = text.find('/'); slash != std::string_view::npos) {
    m.kind = ValidationMetric::Kind::Ratio;
    m.column = std::string(trimmed(text.substr(0, slash)));
    m.denominator = std::string(trimmed(text.substr(slash + 1)));
    if (!fieldOf(m.column)) return problem(columnProblem(m.column));
    if (!fieldOf(m.denominator)) return problem(columnProblem(m.denominator));
    return parsed(std::move(m));
  }
  m.kind = ValidationMetric::Kind::Column;
  m.column = std::string(text);
  if (!fieldOf(m.column))
    return problem(
        "must be a timeseries column, A/B of two, a session quantity (downtime_days, "
        "peak_erythema, punctures_per_cm2, mean_depth_mm, depth_fraction), "
        "hours_until_below(COLUMN, X), reduction_pct(COLUMN) or share_of_peak(COLUMN)");
  return parsed(std::move(m));
}

double columnOnDay(const std::vector<SkinReading>& series, std::string_view column, double day) {
  const ReadingField field = fieldOf(column);
  if (field == nullptr || series.empty()) return kNaN;
  if (day <= series.front().day) return series.front().*field;
  for (std::size_t i = 1; i < series.size(); ++i) {
    const SkinReading& a = series[i - 1];
    const SkinReading& b = series[i];
    if (b.day < day) continue;
    if (b.day == a.day) return b.*field;
    const double t = (day - a.day) / (b.day - a.day);
    return a.*field + t * (b.*field - a.*field);
  }
  return series.back().*field;
}

double evaluateMetric(const ValidationMetric& metric, const RunResult& result,
                      const MetricMoment& moment) {
  using Kind = ValidationMetric::Kind;
  const auto& series = result.timeseries;
  const bool sessionExists =
      moment.session >= 1 && static_cast<std::size_t>(moment.session) <= result.sessions.size();
  switch (metric.kind) {
    case Kind::Column:
      return columnOnDay(series, metric.column, moment.day);
    case Kind::Ratio:
      return columnOnDay(series, metric.column, moment.day) /
             columnOnDay(series, metric.denominator, moment.day);
    case Kind::Session:
      return sessionExists ? sessionQuantity(result.sessions[moment.session - 1], metric.column)
                           : kNaN;
    case Kind::HoursUntilBelow:
      return sessionExists
                 ? hoursUntilBelow(result, moment.session - 1, metric.column, metric.threshold)
                 : kNaN;
    case Kind::ReductionPct: {
      if (series.empty()) return kNaN;
      const double untreated = columnOnDay(series, metric.column, series.front().day);
      if (untreated == 0) return kNaN;
      return 100.0 * (1.0 - columnOnDay(series, metric.column, moment.day) / untreated);
    }
    case Kind::ShareOfPeak: {
      const ReadingField field = fieldOf(metric.column);
      double peak = 0;
      for (const SkinReading& s : series) peak = std::max(peak, s.*field);
      if (!(peak > 0)) return kNaN;
      return columnOnDay(series, metric.column, moment.day) / peak;
    }
  }
  return kNaN;
}

}  // namespace dermasim
