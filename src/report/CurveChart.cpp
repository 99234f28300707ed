#include "report/CurveChart.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/numerics/NumberText.hpp"

namespace dermasim::report {

std::vector<double> niceTicks(double low, double high, int count) {
  if (!(high > low)) high = low + 1;
  const double rough = (high - low) / std::max(count, 1);
  const double power = std::pow(10.0, std::floor(std::log10(rough)));
  double step = power;
  for (double m : {1.0, 2.0, 5.0, 10.0})
    if (m * power >= rough) {
      step = m * power;
      break;
    }
  std::vector<double> ticks;
  for (double t = std::floor(low / step) * step; t < high + step * 0.999; t += step)
    ticks.push_back(std::abs(t) < step * 1e-9 ? 0.0 : t);
  return ticks;
}

void drawCurveChart(PdfCanvas& pdf, const CurveChart& chart, const ChartArea& area) {
  double xMax = 0, yLow = chart.y_anchor, yHigh = chart.y_anchor;
  for (const Curve& c : chart.curves) {
    for (double v : c.x) xMax = std::max(xMax, v);
    for (const std::vector<double>* ys : {&c.y, &c.low, &c.high})
      for (double v : *ys)
        if (std::isfinite(v)) {
          yLow = std::min(yLow, v);
          yHigh = std::max(yHigh, v);
        }
  }
  const std::vector<double> yTicks = niceTicks(yLow, yHigh, 4);
  const std::vector<double> xTicks = niceTicks(0, xMax, 4);
  yLow = yTicks.front();
  yHigh = yTicks.back();
  const double xEnd = xTicks.back();

  const double titleHeight = pdf.text({area.x, area.y, area.width}, chart.title,
                                      {.size = 9, .bold = true, .align = Align::Centre});
  // Room for the tick labels left and below, and for the axis titles.
  const double left = area.x + 38, right = area.x + area.width - 6;
  const double top = area.y + titleHeight + 6, bottom = area.y + area.height - 26;
  const auto px = [&](double x) { return left + (right - left) * x / xEnd; };
  const auto py = [&](double y) { return bottom - (bottom - top) * (y - yLow) / (yHigh - yLow); };

  for (double t : yTicks) {
    pdf.line(left, py(t), right, py(t), {0.9, 0.9, 0.92}, 0.5);
    pdf.text({left - 36, py(t) - 5, 32}, readableNumber(t, 4),
             {.size = 7, .colour = kFaint, .align = Align::Right});
  }
  for (double t : xTicks)
    pdf.text({px(t) - 20, bottom + 3, 40}, readableNumber(t, 4),
             {.size = 7, .colour = kFaint, .align = Align::Centre});
  pdf.strokeRect(left, top, right - left, bottom - top, kRule);
  pdf.text({left, bottom + 13, right - left}, chart.x_label,
           {.size = 7.5, .colour = kFaint, .align = Align::Centre});
  pdf.verticalText(area.x + 5, 0.5 * (top + bottom), chart.y_unit, {.size = 7.5, .colour = kFaint});

  for (const Curve& c : chart.curves) {
    if (!c.low.empty() && c.low.size() == c.x.size() && c.high.size() == c.x.size()) {
      std::vector<double> band;
      for (std::size_t i = 0; i < c.x.size(); ++i)
        band.insert(band.end(), {px(c.x[i]), py(c.low[i])});
      for (std::size_t i = c.x.size(); i-- > 0;)
        band.insert(band.end(), {px(c.x[i]), py(c.high[i])});
      pdf.polygon(band.data(), band.size() / 2, c.colour, 0.22);
    }
    std::vector<double> line;
    for (std::size_t i = 0; i < c.x.size(); ++i)
      if (std::isfinite(c.y[i])) line.insert(line.end(), {px(c.x[i]), py(c.y[i])});
    pdf.polyline(line.data(), line.size() / 2, c.colour, 1.3);
  }
}

}  // namespace dermasim::report
