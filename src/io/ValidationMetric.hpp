#pragma once
// The model quantities a validation case compares with a published figure (docs/VALIDATION.md):
// a timeseries column on a day, a ratio of two columns, a per-session summary, or one of two
// derived measures. Parsed from a case file's `metric` text, evaluated on a RunResult.
//
//   const auto metric = parseValidationMetric("hours_until_below(channels_open, 0.5)");
//   const double hours = evaluateMetric(*metric, result, {.session = 1});

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/Simulation.hpp"

namespace dermasim {

struct ValidationMetric {
  enum class Kind {
    Column,           // a timeseries column on a day: "epidermis_rel"
    Ratio,            // two columns on a day: "collagen3_rel/collagen1_rel"
    Session,          // a session's summary: "downtime_days", "punctures_per_cm2", ...
    HoursUntilBelow,  // "hours_until_below(COLUMN, X)": after a session, until COLUMN < X
    ReductionPct,     // "reduction_pct(COLUMN)": 100 (1 - value on the day / untreated value)
    ShareOfPeak,      // "share_of_peak(COLUMN)": value on the day / largest value of the run
  };
  Kind kind = Kind::Column;
  std::string column;       // the column, or the session quantity
  std::string denominator;  // Ratio only
  double threshold = 0;     // HoursUntilBelow only
  std::string text;         // as written in the case

  // Whether the metric is read at a day (else at a session: Session, HoursUntilBelow).
  bool readsOnDay() const { return kind != Kind::Session && kind != Kind::HoursUntilBelow; }
};

// When a metric is read: `day` for metrics read on a day, `session` (1-based) for the others.
struct MetricMoment {
  double day = 0;
  int session = 1;
};

// The metric `text` names, or the reason it names none (one phrase, for an InputError).
struct ParsedMetric {
  std::optional<ValidationMetric> metric;
  std::string problem;
};
ParsedMetric parseValidationMetric(std::string_view text);

// Every timeseries column a metric may name, in timeseries.csv's order (without `day`).
const std::vector<std::string>& validationColumns();
// Every per-session quantity a metric may name.
const std::vector<std::string>& validationSessionQuantities();

// NaN when the model never reaches it (hours_until_below that never falls below, a reduction
// of a column that is 0 untreated, a share of a peak that is 0).
double evaluateMetric(const ValidationMetric& metric, const RunResult& result,
                      const MetricMoment& moment);

// A column at `day`, linear between the readings around it (clamped to the series' ends).
double columnOnDay(const std::vector<SkinReading>& series, std::string_view column, double day);

}  // namespace dermasim
