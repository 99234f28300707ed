#pragma once
// One metric over the days, for one or two protocols, drawn on a PdfCanvas: a line per protocol
// in its colour and, for a cohort run, the band between its 10th and 90th percentile. Axes carry
// their units; the legend is the sheet's, shared by its charts.
//
//   CurveChart chart{"Texture improvement", "%", "day"};
//   chart.curves.push_back({"A", kProtocolColours[0], days, values, {}, {}});
//   drawCurveChart(pdf, chart, {40, 200, 160, 150});

#include <string>
#include <vector>

#include "report/PdfCanvas.hpp"

namespace dermasim::report {

struct Curve {
  Colour colour;
  std::vector<double> x, y;
  // Both empty, or both as long as x: the band's lower and upper edge.
  std::vector<double> low, high;
};

struct CurveChart {
  std::string title;
  std::string y_unit;  // "%", "x untreated", "index 0-1"
  std::string x_label;
  std::vector<Curve> curves;
  // The y axis always includes this value (0 for a change, 1 for a ratio), so small changes
  // are not blown up to fill the chart.
  double y_anchor = 0;
};

struct ChartArea {
  double x = 0, y = 0, width = 0, height = 0;
};

void drawCurveChart(PdfCanvas& pdf, const CurveChart& chart, const ChartArea& area);

// Round steps for an axis from `low` to `high` with about `count` ticks (1, 2 or 5 times a power
// of ten), covering the range.
std::vector<double> niceTicks(double low, double high, int count);

}  // namespace dermasim::report
