#include "core/readout/FallBelow.hpp"

#include <cmath>

namespace dermasim {
namespace {

// Where between a reading `hi` (at or above `level`) and the next, `lo` (below), it crossed.
double crossingShare(double hi, double lo, double level, Fade fade) {
  if (!(hi > lo)) return 1.0;
  if (fade == Fade::Exponential && lo > 0) return std::log(hi / level) / std::log(hi / lo);
  return (hi - level) / (hi - lo);
}

}  // namespace

FallBelow fallBelow(const std::vector<SkinReading>& series, double fromDay, double untilDay,
                    double SkinReading::*field, double level, Fade fade,
                    std::optional<double> valueAtFrom) {
  FallBelow out;
  double previousDay = fromDay;
  double previous = valueAtFrom.value_or(0.0);
  out.rose = valueAtFrom && *valueAtFrom >= level;
  for (const SkinReading& r : series) {
    if (r.day <= fromDay) continue;
    if (r.day > untilDay) break;
    const double v = r.*field;
    if (v >= level) {
      out.rose = true;
    } else if (out.rose) {
      out.day = previousDay + crossingShare(previous, v, level, fade) * (r.day - previousDay);
      return out;
    }
    previousDay = r.day;
    previous = v;
  }
  return out;
}

}  // namespace dermasim
