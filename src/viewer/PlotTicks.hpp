#pragma once
// Where to put the labelled ticks of a plot axis: a few round values that a reader takes in at a
// glance. Pure functions, tested without ImGui.

#include <string>
#include <vector>

namespace dermasim::viewer {

struct Ticks {
  double step = 0;
  std::vector<double> values;  // ascending, all within the range
};

// Steps of 1, 2 or 5 times a power of ten, at most `maxTicks` of them (at least 2 when the range
// allows): 8..12 gives 8, 10, 12.
Ticks niceTicks(double lo, double hi, int maxTicks);
// Steps a calendar reader expects: hours, 1, 2, 7, 14, 30, 60, 90, 180 days, then whole years:
// 0..180 gives 0, 30, 60 ... 180.
Ticks dayTicks(double lo, double hi, int maxTicks);
// `value` with as many decimals as `step` needs: "10", "0.25", "-1.5"; never "-0".
std::string tickLabel(double value, double step);
// A day tick's label: whole days as numbers; ticks within a day as hours, "6h", so a zoomed
// timeline reads 28, 6h, 12h, 18h, 29.
std::string dayTickLabel(double day, double step);

}  // namespace dermasim::viewer
