#include "viewer/PlotTicks.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "core/numerics/NumberText.hpp"

namespace dermasim::viewer {
namespace {

// Tolerance for values that land on a tick after float arithmetic, relative to the step.
constexpr double kOnTick = 1e-9;

int tickCount(double lo, double hi, double step) {
  const double first = std::ceil(lo / step - kOnTick);
  const double last = std::floor(hi / step + kOnTick);
  return static_cast<int>(last - first) + 1;
}

Ticks ticksWithStep(double lo, double hi, double step) {
  // A decimal step as an integer over a power of ten, so 3 x 0.2 gives 0.6 and not
  // 0.6000000000000001.
  double scale = 1;
  while (scale < 1e12 && std::abs(step * scale - std::round(step * scale)) > kOnTick * step * scale)
    scale *= 10;
  const double units = std::round(step * scale);
  const bool decimal = std::abs(step * scale - units) <= kOnTick * step * scale;
  Ticks t;
  t.step = step;
  const double first = std::ceil(lo / step - kOnTick);
  const double last = std::floor(hi / step + kOnTick);
  for (double k = first; k <= last; ++k) {
    const double value = decimal ? k * units / scale : k * step;
    t.values.push_back(value == 0 ? 0.0 : value);  // no -0
  }
  return t;
}

}  // namespace

Ticks niceTicks(double lo, double hi, int maxTicks) {
  if (!(hi > lo) || !std::isfinite(lo) || !std::isfinite(hi)) return {1.0, {lo}};
  maxTicks = std::max(2, maxTicks);
  // Start from a step too small to fit, then grow through 1, 2, 5 x 10^k until the ticks fit.
  double decade = std::pow(10.0, std::floor(std::log10((hi - lo) / maxTicks)));
  while (true) {
    for (const double m : {1.0, 2.0, 5.0}) {
      const double step = m * decade;
      if (tickCount(lo, hi, step) <= maxTicks) return ticksWithStep(lo, hi, step);
    }
    decade *= 10.0;
  }
}

Ticks dayTicks(double lo, double hi, int maxTicks) {
  if (!(hi > lo) || !std::isfinite(lo) || !std::isfinite(hi)) return {1.0, {lo}};
  maxTicks = std::max(2, maxTicks);
  static constexpr std::array<double, 13> kSteps{
      1.0 / 24, 2.0 / 24, 3.0 / 24, 6.0 / 24, 12.0 / 24, 1, 2, 7, 14, 30, 60, 90, 180};
  // Under a couple of hours, hour ticks would be too few: plain decimals of a day.
  if (hi - lo < 2 * kSteps.front()) return niceTicks(lo, hi, maxTicks);
  for (const double step : kSteps)
    if (tickCount(lo, hi, step) <= maxTicks) return ticksWithStep(lo, hi, step);
  // Longer than the table covers: whole years, in nice numbers of them.
  const double years = std::max(1.0, niceTicks(lo / 365.0, hi / 365.0, maxTicks).step);
  return ticksWithStep(lo, hi, 365.0 * years);
}

std::string tickLabel(double value, double step) {
  int decimals = 0;
  if (step > 0 && step < 1) {
    // Enough decimals to tell neighbouring ticks apart (0.25 needs two, 1/24 day needs three).
    decimals = static_cast<int>(std::ceil(-std::log10(step) - kOnTick));
    const double scaled = step * std::pow(10.0, decimals);
    if (std::abs(scaled - std::round(scaled)) > 1e-6) ++decimals;
    decimals = std::min(decimals, 6);
  }
  return fixedNumber(value, decimals);
}

std::string dayTickLabel(double day, double step) {
  if (step >= 1) return tickLabel(day, 1);
  if (step < 1.0 / 24 - kOnTick) return tickLabel(day, step);  // finer than hours
  const double whole = std::floor(day + kOnTick);
  const long hours = std::lround((day - whole) * 24.0);
  if (hours == 0 || hours == 24) return tickLabel(std::round(day), 1);
  return std::to_string(hours) + "h";
}

}  // namespace dermasim::viewer
