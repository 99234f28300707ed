#include "viewer/TimePlot.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "core/numerics/NumberText.hpp"
#include "viewer/PlotTicks.hpp"

namespace dermasim::viewer {
namespace {

// Pixels, chosen so labels never crowd at the viewer's font size.
constexpr float kGap = 4.0f;
constexpr float kRightMargin = 8.0f;
constexpr float kPixelsPerDayTick = 64.0f;
constexpr float kPixelsPerValueTick = 28.0f;
constexpr float kMinPlotSide = 12.0f;
constexpr float kLineWidth = 1.5f;
constexpr float kCursorWidth = 2.0f;
constexpr float kSwatch = 8.0f;
constexpr double kRangePadding = 0.05;

struct Range {
  double lo, hi;
};

// The values within the days shown, bands too, padded so a line never runs along the frame.
Range fitValues(std::span<const PlotSeries> series, const TimePlotOptions& o) {
  double lo = INFINITY, hi = -INFINITY;
  const auto take = [&](std::span<const double> days, std::span<const double> values) {
    const std::size_t n = std::min(days.size(), values.size());
    for (std::size_t i = 0; i < n; ++i) {
      if (days[i] < o.firstDay || days[i] > o.lastDay || !std::isfinite(values[i])) continue;
      lo = std::min(lo, values[i]);
      hi = std::max(hi, values[i]);
    }
  };
  for (const PlotSeries& s : series) take(s.days, s.values);
  for (const PlotBand& b : o.bands) {
    take(b.days, b.low);
    take(b.days, b.high);
  }
  Range r{o.valueMin.value_or(0.0), o.valueMax.value_or(1.0)};
  if (lo <= hi) {
    const double pad = hi > lo ? kRangePadding * (hi - lo) : std::max(1e-3, 0.05 * std::abs(hi));
    r = {o.valueMin.value_or(lo - pad), o.valueMax.value_or(hi + pad)};
  }
  if (!(r.hi > r.lo)) r.hi = r.lo + 1.0;  // a caller's empty range: still a drawable axis
  return r;
}

std::string dayText(double day) { return "Day " + fixedNumber(day, day < 10 ? 2 : 1); }

std::string valueText(double value, std::string_view unit) {
  std::string text = readableNumber(value, 4);
  if (!unit.empty()) text.append(" ").append(unit);
  return text;
}

class Mapping {
 public:
  Mapping(ImVec2 min, ImVec2 max, double firstDay, double lastDay, Range values)
      : min_(min), max_(max), firstDay_(firstDay), lastDay_(lastDay), values_(values) {}
  float x(double day) const {
    return min_.x +
           static_cast<float>((day - firstDay_) / (lastDay_ - firstDay_)) * (max_.x - min_.x);
  }
  float y(double value) const {
    return max_.y -
           static_cast<float>((value - values_.lo) / (values_.hi - values_.lo)) * (max_.y - min_.y);
  }
  double day(float x) const {
    const double f = std::clamp(static_cast<double>((x - min_.x) / (max_.x - min_.x)), 0.0, 1.0);
    return firstDay_ + f * (lastDay_ - firstDay_);
  }

 private:
  ImVec2 min_, max_;
  double firstDay_, lastDay_;
  Range values_;
};

void drawSeries(ImDrawList& draw, const PlotSeries& s, const Mapping& map, double firstDay,
                double lastDay) {
  const std::size_t n = std::min(s.days.size(), s.values.size());
  // One point either side of the days shown, so the line runs to the frame's edges.
  const auto begin =
      std::lower_bound(s.days.begin(), s.days.begin() + static_cast<long>(n), firstDay);
  const auto end = std::upper_bound(begin, s.days.begin() + static_cast<long>(n), lastDay);
  std::size_t from = static_cast<std::size_t>(begin - s.days.begin());
  std::size_t to = static_cast<std::size_t>(end - s.days.begin());
  if (from > 0) --from;
  if (to < n) ++to;
  std::vector<ImVec2> points;
  points.reserve(to - from);
  for (std::size_t i = from; i < to; ++i)
    if (std::isfinite(s.values[i])) points.emplace_back(map.x(s.days[i]), map.y(s.values[i]));
  if (points.size() >= 2)
    draw.AddPolyline(points.data(), static_cast<int>(points.size()), s.colour, 0, kLineWidth);
}

// Quads between consecutive days, each convex as long as low <= high. Without anti-aliased
// edges: the fringes of neighbouring quads would overlap into a striped fill.
void drawBand(ImDrawList& draw, const PlotBand& b, const Mapping& map, double firstDay,
              double lastDay) {
  const std::size_t n = std::min({b.days.size(), b.low.size(), b.high.size()});
  const ImDrawListFlags flags = draw.Flags;
  draw.Flags &= ~ImDrawListFlags_AntiAliasedFill;
  for (std::size_t i = 0; i + 1 < n; ++i) {
    if (b.days[i + 1] < firstDay || b.days[i] > lastDay) continue;
    if (!std::isfinite(b.low[i]) || !std::isfinite(b.high[i]) || !std::isfinite(b.low[i + 1]) ||
        !std::isfinite(b.high[i + 1]))
      continue;
    const float x0 = map.x(b.days[i]), x1 = map.x(b.days[i + 1]);
    const ImVec2 quad[4] = {ImVec2(x0, map.y(b.high[i])), ImVec2(x1, map.y(b.high[i + 1])),
                            ImVec2(x1, map.y(b.low[i + 1])), ImVec2(x0, map.y(b.low[i]))};
    draw.AddConvexPolyFilled(quad, 4, b.colour);
  }
  draw.Flags = flags;
}

// A band's legend swatch: its colour, more opaque than its fill so it shows on its own.
ImU32 swatchColour(ImU32 fill) {
  constexpr ImU32 kSwatchAlpha = 160;
  return (fill & ~IM_COL32_A_MASK) | (kSwatchAlpha << IM_COL32_A_SHIFT);
}

void drawTooltip(std::span<const PlotSeries> series, std::span<const PlotBand> bands, double day,
                 std::string_view unit) {
  ImGui::BeginTooltip();
  ImGui::TextUnformatted(dayText(day).c_str());
  for (const PlotSeries& s : series) {
    const std::optional<double> value = valueOnDay(s, day);
    if (!value) continue;
    const std::string text =
        (s.label.empty() ? std::string() : std::string(s.label) + ": ") + valueText(*value, unit);
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(s.colour), "%s", text.c_str());
  }
  // Each band's range on the day, in its colour (which tells compare mode's A from B).
  for (const PlotBand& b : bands) {
    const std::optional<double> low = valueOnDay({"", b.days, b.low}, day);
    const std::optional<double> high = valueOnDay({"", b.days, b.high}, day);
    if (!low || !high) continue;
    const std::string text =
        "p10-p90: " + readableNumber(*low, 4) + " to " + valueText(*high, unit);
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(b.colour | IM_COL32_A_MASK), "%s",
                       text.c_str());
  }
  ImGui::EndTooltip();
}

}  // namespace

std::optional<double> valueOnDay(const PlotSeries& s, double day) {
  const std::size_t n = std::min(s.days.size(), s.values.size());
  if (n == 0) return std::nullopt;
  const auto last = s.days.begin() + static_cast<long>(n);
  const auto after = std::lower_bound(s.days.begin(), last, day);
  if (after == s.days.begin()) return s.values[0];
  if (after == last) return s.values[n - 1];
  const auto i = static_cast<std::size_t>(after - s.days.begin());
  const double span = s.days[i] - s.days[i - 1];
  const double f = span > 0 ? (day - s.days[i - 1]) / span : 1.0;
  return s.values[i - 1] + f * (s.values[i] - s.values[i - 1]);
}

TimePlotResult timePlot(const char* id, std::span<const PlotSeries> series,
                        const TimePlotOptions& options) {
  TimePlotResult result;
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const ImVec2 size(std::max(ImGui::GetContentRegionAvail().x, 4 * kMinPlotSide),
                    std::max(options.height, 4 * kMinPlotSide));
  ImGui::InvisibleButton(id, size);
  const bool hovered = ImGui::IsItemHovered();
  const bool active = ImGui::IsItemActive();
  const double firstDay = options.firstDay;
  const double lastDay = options.lastDay > firstDay ? options.lastDay : firstDay + 1.0;

  const float lineHeight = ImGui::GetTextLineHeight();
  const Range values = fitValues(series, options);
  const float plotHeightGuess = size.y - 2 * lineHeight - 2 * kGap;
  const Ticks valueTicks =
      niceTicks(values.lo, values.hi, static_cast<int>(plotHeightGuess / kPixelsPerValueTick));
  std::vector<std::string> valueLabels;
  float labelWidth = ImGui::CalcTextSize("days").x;
  for (const double v : valueTicks.values) {
    valueLabels.push_back(tickLabel(v, valueTicks.step));
    labelWidth = std::max(labelWidth, ImGui::CalcTextSize(valueLabels.back().c_str()).x);
  }
  // The legend's entries, laid out first: the data area starts below as many lines as they take.
  struct LegendEntry {
    std::string text;
    ImU32 colour;
    ImVec2 at;
    bool swatch = true;  // false on an entry's continuation lines
  };
  std::vector<LegendEntry> legend;
  const float legendLeft = options.unit.empty() ? origin.x : origin.x + labelWidth + 2 * kGap;
  int legendLines = 1;
  const bool labelledBand = std::any_of(options.bands.begin(), options.bands.end(),
                                        [](const PlotBand& b) { return !b.label.empty(); });
  if (series.size() > 1 || (series.size() == 1 && !series[0].label.empty()) || labelledBand) {
    float x = legendLeft;
    const float right = origin.x + size.x;
    const auto lineTop = [&] {
      return origin.y + static_cast<float>(legendLines - 1) * lineHeight;
    };
    const auto add = [&](std::string text, ImU32 colour) {
      const float width = kSwatch + kGap + ImGui::CalcTextSize(text.c_str()).x;
      if (x > legendLeft && x + width > right) {
        x = legendLeft;
        ++legendLines;
      }
      if (x + width <= right || text.find(' ') == std::string::npos) {
        legend.push_back({std::move(text), colour, ImVec2(x, lineTop())});
        x += width + 2 * kGap;
        return;
      }
      // Wider than the plot on its own line (a band's description): wrapped at its spaces, the
      // continuation lines under the first line's text.
      const float indent = kSwatch + kGap;
      std::string line;
      bool first = true;
      std::size_t from = 0;
      while (from <= text.size()) {
        const std::size_t space = std::min(text.find(' ', from), text.size());
        const std::string word = text.substr(from, space - from);
        const std::string longer = line.empty() ? word : line + ' ' + word;
        if (!line.empty() && x + indent + ImGui::CalcTextSize(longer.c_str()).x > right) {
          legend.push_back({line, colour, ImVec2(x, lineTop()), first});
          first = false;
          ++legendLines;
          line = word;
        } else {
          line = longer;
        }
        from = space + 1;
      }
      legend.push_back({line, colour, ImVec2(x, lineTop()), first});
      x += indent + ImGui::CalcTextSize(line.c_str()).x + 2 * kGap;
    };
    for (const PlotSeries& s : series) {
      std::string text(s.label);
      if (options.legendValues && options.cursorDay) {
        if (const std::optional<double> v = valueOnDay(s, *options.cursorDay)) {
          if (!text.empty()) text += ' ';
          text += readableNumber(*v, 4);
        }
      }
      // A lone unnamed line beside a band needs no entry: the band's says what it is.
      if (!text.empty() || series.size() > 1) add(std::move(text), s.colour);
    }
    for (const PlotBand& b : options.bands)
      if (!b.label.empty()) add(std::string(b.label), swatchColour(b.colour));
  }
  const float legendHeight = static_cast<float>(legendLines) * lineHeight;
  result.plotMin = ImVec2(origin.x + labelWidth + 2 * kGap, origin.y + legendHeight + kGap);
  result.plotMax = ImVec2(origin.x + size.x - kRightMargin, origin.y + size.y - lineHeight - kGap);
  if (result.plotMax.x - result.plotMin.x < kMinPlotSide ||
      result.plotMax.y - result.plotMin.y < kMinPlotSide)
    return result;
  const Mapping map(result.plotMin, result.plotMax, firstDay, lastDay, values);

  ImDrawList& draw = *ImGui::GetWindowDrawList();
  const ImU32 textColour = ImGui::GetColorU32(ImGuiCol_Text);
  const ImU32 dimText = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  const ImU32 gridColour = ImGui::GetColorU32(ImGuiCol_Border, 0.5f);
  draw.AddRectFilled(result.plotMin, result.plotMax, ImGui::GetColorU32(ImGuiCol_FrameBg));

  for (std::size_t i = 0; i < valueTicks.values.size(); ++i) {
    const float y = map.y(valueTicks.values[i]);
    draw.AddLine(ImVec2(result.plotMin.x, y), ImVec2(result.plotMax.x, y), gridColour);
    const float w = ImGui::CalcTextSize(valueLabels[i].c_str()).x;
    draw.AddText(ImVec2(result.plotMin.x - kGap - w, y - lineHeight / 2), textColour,
                 valueLabels[i].c_str());
  }
  const Ticks dayTicksShown = dayTicks(
      firstDay, lastDay,
      std::max(2, static_cast<int>((result.plotMax.x - result.plotMin.x) / kPixelsPerDayTick)));
  for (const double day : dayTicksShown.values) {
    const float x = map.x(day);
    draw.AddLine(ImVec2(x, result.plotMin.y), ImVec2(x, result.plotMax.y), gridColour);
    const std::string label = dayTickLabel(day, dayTicksShown.step);
    const float w = ImGui::CalcTextSize(label.c_str()).x;
    draw.AddText(ImVec2(x - w / 2, result.plotMax.y + kGap / 2), textColour, label.c_str());
  }
  draw.AddText(ImVec2(origin.x, result.plotMax.y + kGap / 2), dimText, "days");

  // The unit, then the legend, on the lines above the data.
  if (!options.unit.empty()) {
    const std::string unit(options.unit);
    draw.AddText(origin, dimText, unit.c_str());
  }
  for (const LegendEntry& e : legend) {
    const float top = e.at.y + (lineHeight - kSwatch) / 2;
    if (e.swatch)
      draw.AddRectFilled(ImVec2(e.at.x, top), ImVec2(e.at.x + kSwatch, top + kSwatch), e.colour);
    draw.AddText(ImVec2(e.at.x + kSwatch + kGap, e.at.y), textColour, e.text.c_str());
    // Logged as ImGui's own text is (nothing when no log is open): copied as text, and read
    // back by the viewer's tests.
    ImGui::LogText(" [%s]", e.text.c_str());
  }

  draw.PushClipRect(result.plotMin, result.plotMax, true);
  for (const PlotBand& b : options.bands) drawBand(draw, b, map, firstDay, lastDay);
  const ImU32 sessionColour = ImGui::GetColorU32(ImGuiCol_PlotHistogram, 0.8f);
  for (const double day : options.sessionDays) {
    if (day < firstDay || day > lastDay) continue;
    draw.AddLine(ImVec2(map.x(day), result.plotMin.y), ImVec2(map.x(day), result.plotMax.y),
                 sessionColour, kLineWidth);
  }
  for (const PlotSeries& s : series) drawSeries(draw, s, map, firstDay, lastDay);
  if (options.cursorDay && *options.cursorDay >= firstDay && *options.cursorDay <= lastDay) {
    const float cx = map.x(*options.cursorDay);
    draw.AddLine(ImVec2(cx, result.plotMin.y), ImVec2(cx, result.plotMax.y), textColour,
                 kCursorWidth);
  }
  draw.PopClipRect();
  draw.AddRect(result.plotMin, result.plotMax, gridColour);

  const float mouseX = ImGui::GetIO().MousePos.x;
  if (hovered || active) {
    const double day = map.day(mouseX);
    result.hoveredDay = day;
    draw.AddLine(ImVec2(map.x(day), result.plotMin.y), ImVec2(map.x(day), result.plotMax.y),
                 dimText);
    drawTooltip(series, options.bands, day, options.unit);
  }
  if (active) result.pickedDay = map.day(mouseX);
  return result;
}

}  // namespace dermasim::viewer
