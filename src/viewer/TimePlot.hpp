#pragma once
// A line plot of values over simulated days, drawn with ImGui's draw list (ImPlot is not in
// Debian): labelled axes, one or more series, a vertical line at each session, a cursor at the
// day shown, the values under the mouse in a tooltip. Pressing or dragging on it picks a day.
// The legend wraps onto as many lines as its labels need, so no name is cut off. Bands (a range
// of values per day, such as p10-p90 over virtual patients) are filled translucent behind the
// lines.

#include <imgui.h>

#include <optional>
#include <span>
#include <string_view>

namespace dermasim::viewer {

struct PlotSeries {
  std::string_view label;
  std::span<const double> days;    // ascending
  std::span<const double> values;  // one per day
  ImU32 colour = IM_COL32(230, 120, 100, 255);
};

// A range per day, filled between `low` and `high`; `colour` is its fill (give it a low alpha so
// the lines read through it). A band with a label gets a legend entry.
struct PlotBand {
  std::string_view label;
  std::span<const double> days;  // ascending
  std::span<const double> low, high;
  ImU32 colour = IM_COL32(230, 120, 100, 60);
};

struct TimePlotOptions {
  float height = 160;  // pixels; the plot takes the available width
  double firstDay = 0, lastDay = 1;
  // Fitted to the series within the days shown when not given.
  std::optional<double> valueMin, valueMax;
  std::string_view unit;  // of the values, shown above the axis and in the tooltip
  std::span<const double> sessionDays;
  std::optional<double> cursorDay;
  // Each legend entry also gives its series' value on cursorDay ("A 12.3"), read without hover.
  bool legendValues = false;
  // Drawn behind the series, and counted in the fitted value range.
  std::span<const PlotBand> bands;
};

struct TimePlotResult {
  // Pressed or dragged on this frame: the caller moves the timeline there.
  std::optional<double> pickedDay;
  std::optional<double> hoveredDay;
  // The data area, in screen pixels.
  ImVec2 plotMin{0, 0}, plotMax{0, 0};
};

// Draws the plot at the cursor position as one ImGui item; `id` must be unique in the window.
TimePlotResult timePlot(const char* id, std::span<const PlotSeries> series,
                        const TimePlotOptions& options);

// A series' value on `day`, linear between its points and held flat beyond them; nullopt when
// the series is empty.
std::optional<double> valueOnDay(const PlotSeries& series, double day);

}  // namespace dermasim::viewer
