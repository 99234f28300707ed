// The plot's tick helpers, and the widget itself driven headless: an ImGui context with a display
// size and a built font atlas needs no window and no renderer to produce draw lists.

#include <imgui.h>

#include <catch2/catch.hpp>
#include <cmath>
#include <vector>

#include "viewer/PlotTicks.hpp"
#include "viewer/TimePlot.hpp"

using namespace dermasim::viewer;

namespace {

std::vector<double> valuesOf(const Ticks& t) { return t.values; }

class HeadlessImGui {
 public:
  HeadlessImGui() : context_(ImGui::CreateContext()) {
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(800, 600);
    io.DeltaTime = 1.0f / 60.0f;
    unsigned char* pixels = nullptr;
    int width = 0;
    int height = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);  // builds the atlas
  }
  ~HeadlessImGui() { ImGui::DestroyContext(context_); }
  HeadlessImGui(const HeadlessImGui&) = delete;
  HeadlessImGui& operator=(const HeadlessImGui&) = delete;

 private:
  ImGuiContext* context_;
};

struct Frame {
  TimePlotResult plot;
  int drawLists = 0;
  int vertices = 0;
};

Frame drawFrame(std::span<const PlotSeries> series, const TimePlotOptions& options) {
  Frame f;
  ImGui::NewFrame();
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(ImVec2(800, 300));
  ImGui::Begin("plot window", nullptr, ImGuiWindowFlags_NoMove);
  f.plot = timePlot("##plot", series, options);
  ImGui::End();
  ImGui::Render();
  const ImDrawData* data = ImGui::GetDrawData();
  f.drawLists = data->CmdListsCount;
  f.vertices = data->TotalVtxCount;
  return f;
}

}  // namespace

TEST_CASE("PlotTicks: round values within the range", "[plot]") {
  CHECK(valuesOf(niceTicks(8, 12, 4)) == std::vector<double>{8, 10, 12});
  CHECK(valuesOf(niceTicks(0, 1, 6)) == std::vector<double>{0, 0.2, 0.4, 0.6, 0.8, 1.0});
  CHECK(valuesOf(niceTicks(-3, 7, 3)) == std::vector<double>{0, 5});
  CHECK(niceTicks(0.93, 1.97, 5).step == Approx(0.2));
  for (int maxTicks = 2; maxTicks < 12; ++maxTicks) {
    const Ticks t = niceTicks(8.7, 31.2, maxTicks);
    INFO(maxTicks);
    CHECK(t.values.size() <= static_cast<std::size_t>(maxTicks));
    CHECK(t.values.size() >= 1);
    for (double v : t.values) {
      CHECK(v >= 8.7);
      CHECK(v <= 31.2);
      CHECK(std::abs(v / t.step - std::round(v / t.step)) < 1e-9);
    }
  }
  // A flat or broken range still gives one tick rather than an endless loop.
  CHECK(niceTicks(5, 5, 4).values.size() == 1);
  CHECK(niceTicks(0, NAN, 4).values.size() == 1);
}

TEST_CASE("PlotTicks: days in calendar steps", "[plot]") {
  CHECK(valuesOf(dayTicks(0, 180, 7)) == std::vector<double>{0, 30, 60, 90, 120, 150, 180});
  CHECK(dayTicks(0, 28, 5).step == 7);
  CHECK(dayTicks(0, 3, 5).step == 1);
  CHECK(dayTicks(0, 3, 8).step == 0.5);
  CHECK(dayTicks(28, 29, 5).step == Approx(0.25));
  CHECK(dayTicks(0, 3650, 6).step == 730);
  CHECK(dayTicks(0, 0.05, 5).step < 1.0 / 24);  // under an hour: decimals
}

TEST_CASE("PlotTicks: labels", "[plot]") {
  CHECK(tickLabel(10, 2) == "10");
  CHECK(tickLabel(0.25, 0.25) == "0.25");
  CHECK(tickLabel(-1.5, 0.5) == "-1.5");
  CHECK(tickLabel(-1e-12, 0.2) == "0.0");
  CHECK(dayTickLabel(30, 30) == "30");
  CHECK(dayTickLabel(28.25, 0.25) == "6h");
  CHECK(dayTickLabel(29, 0.25) == "29");
}

TEST_CASE("TimePlot: a series' value between its points", "[plot]") {
  const std::vector<double> days{0, 1, 3};
  const std::vector<double> values{10, 20, 0};
  const PlotSeries s{"a", days, values};
  CHECK(*valueOnDay(s, 0.5) == Approx(15));
  CHECK(*valueOnDay(s, 2) == Approx(10));
  CHECK(*valueOnDay(s, -1) == 10);
  CHECK(*valueOnDay(s, 9) == 0);
  CHECK_FALSE(valueOnDay(PlotSeries{}, 1).has_value());
}

TEST_CASE("TimePlot: draws headless, reports hover and picks a day", "[plot]") {
  HeadlessImGui imgui;
  std::vector<double> days, redness, collagen;
  for (int i = 0; i <= 180; ++i) {
    days.push_back(i);
    redness.push_back(8 + 4 * std::exp(-i % 28 / 2.0));
    collagen.push_back(1 + i / 180.0);
  }
  const std::vector<PlotSeries> series{{"redness", days, redness, IM_COL32(230, 90, 80, 255)},
                                       {"collagen", days, collagen, IM_COL32(90, 160, 230, 255)}};
  const std::vector<double> sessions{0, 28, 56, 84};
  TimePlotOptions options;
  options.firstDay = 0;
  options.lastDay = 180;
  options.unit = "a*";
  options.sessionDays = sessions;
  options.cursorDay = 30;

  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = ImVec2(-1000, -1000);
  Frame first = drawFrame(series, options);
  for (int i = 0; i < 2; ++i) first = drawFrame(series, options);
  CHECK(first.drawLists >= 1);
  CHECK(first.vertices > 500);  // axes, labels, two polylines
  CHECK_FALSE(first.plot.hoveredDay.has_value());
  CHECK_FALSE(first.plot.pickedDay.has_value());
  const ImVec2 min = first.plot.plotMin;
  const ImVec2 max = first.plot.plotMax;
  REQUIRE(max.x - min.x > 600);
  REQUIRE(max.y - min.y > 100);

  // Hovering a quarter of the way along shows a tooltip (a window of its own).
  io.MousePos = ImVec2(min.x + 0.25f * (max.x - min.x), (min.y + max.y) / 2);
  drawFrame(series, options);
  const Frame hover = drawFrame(series, options);
  REQUIRE(hover.plot.hoveredDay.has_value());
  CHECK(*hover.plot.hoveredDay == Approx(45).margin(0.5));
  CHECK_FALSE(hover.plot.pickedDay.has_value());
  CHECK(hover.drawLists > first.drawLists);

  // Pressing picks the day under the mouse; dragging keeps picking.
  io.MouseDown[0] = true;
  const Frame press = drawFrame(series, options);
  REQUIRE(press.plot.pickedDay.has_value());
  CHECK(*press.plot.pickedDay == Approx(45).margin(0.5));
  io.MousePos.x = min.x + 0.5f * (max.x - min.x);
  const Frame drag = drawFrame(series, options);
  REQUIRE(drag.plot.pickedDay.has_value());
  CHECK(*drag.plot.pickedDay == Approx(90).margin(0.5));
  // Dragging past the end clamps to the last day.
  io.MousePos.x = max.x + 200;
  const Frame beyond = drawFrame(series, options);
  REQUIRE(beyond.plot.pickedDay.has_value());
  CHECK(*beyond.plot.pickedDay == 180);
  io.MouseDown[0] = false;
  io.MousePos = ImVec2(-1000, -1000);
  const Frame released = drawFrame(series, options);
  CHECK_FALSE(released.plot.pickedDay.has_value());
}

TEST_CASE("TimePlot: empty and degenerate input draws without failing", "[plot]") {
  HeadlessImGui imgui;
  TimePlotOptions options;
  options.firstDay = 5;
  options.lastDay = 5;  // widened to a day
  options.height = 10;  // raised to the minimum
  const std::vector<double> one{5};
  const std::vector<PlotSeries> series{{"", one, one}, {}};
  for (int i = 0; i < 3; ++i) {
    const Frame f = drawFrame(series, options);
    CHECK(f.drawLists >= 1);
  }
}

TEST_CASE("TimePlot: a long legend wraps instead of running off, values on the cursor's day",
          "[plot]") {
  HeadlessImGui imgui;
  const std::vector<double> days{0, 10, 20};
  const std::vector<double> pen{10, 14, 12}, roller{11, 16, 13};
  TimePlotOptions options;
  options.lastDay = 20;
  options.unit = "a*";
  options.cursorDay = 5;
  // Short labels: one legend line above the data.
  const std::vector<PlotSeries> short_{{"A", days, pen}, {"B", days, roller}};
  const Frame one = drawFrame(short_, options);
  // Names as long as scenario names: the legend takes more lines, and the data starts lower.
  const std::string a = "Acne scars - pen 1.5 mm, 4 monthly sessions";
  const std::string b = "Acne scars - roller 1.5 mm, 4 monthly sessions";
  const std::string c = "Acne scars - pen 2.5 mm, 4 fortnightly sessions";
  const std::vector<PlotSeries> long_{{a, days, pen}, {b, days, roller}, {c, days, pen}};
  const Frame two = drawFrame(long_, options);
  const float line = ImGui::GetTextLineHeight();
  CHECK(two.plot.plotMin.y == Approx(one.plot.plotMin.y + line));
  // Values on the day: logged with the legend, as ImGui logs its own text.
  options.legendValues = true;
  ImGui::NewFrame();
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(ImVec2(800, 300));
  ImGui::Begin("plot window", nullptr, ImGuiWindowFlags_NoMove);
  ImGui::LogToClipboard();
  timePlot("##plot", short_, options);
  ImGui::LogFinish();
  ImGui::End();
  ImGui::Render();
  const std::string logged = ImGui::GetClipboardText() != nullptr ? ImGui::GetClipboardText() : "";
  CHECK(logged.find("[A 12]") != std::string::npos);
  CHECK(logged.find("[B 13.5]") != std::string::npos);
}

TEST_CASE("TimePlot: a band fills behind the line, with its own legend entry, wrapped if long",
          "[plot]") {
  HeadlessImGui imgui;
  const std::vector<double> days{0, 10, 20};
  const std::vector<double> line{10, 14, 12}, low{9, 12, 11}, high{11, 17, 13};
  TimePlotOptions options;
  options.lastDay = 20;
  // A lone unnamed line: no legend at all.
  const std::vector<PlotSeries> series{{"", days, line}};
  const Frame plain = drawFrame(series, options);

  // With its band: two quads more to draw, and its label on the line kept above the data for
  // the unit and legend.
  const std::string label = "p10-p90 of 20 virtual patients, coarse grid";
  const std::vector<PlotBand> bands{{label, days, low, high}};
  options.bands = bands;
  const Frame banded = drawFrame(series, options);
  const float lineHeight = ImGui::GetTextLineHeight();
  CHECK(banded.vertices > plain.vertices + 8);
  CHECK(banded.plot.plotMin.y == Approx(plain.plot.plotMin.y));
  // Hovered, the tooltip gives the band's range on the day as well as the line's value.
  ImGuiIO& io = ImGui::GetIO();
  const ImVec2 min = banded.plot.plotMin, max = banded.plot.plotMax;
  io.MousePos = ImVec2((min.x + max.x) / 2, (min.y + max.y) / 2);
  drawFrame(series, options);
  const Frame hovered = drawFrame(series, options);
  CHECK(hovered.plot.hoveredDay.has_value());
  CHECK(hovered.drawLists > banded.drawLists);  // the tooltip's own window
  io.MousePos = ImVec2(-1000, -1000);

  // A label wider than the plot wraps at its spaces onto more lines: none runs off.
  std::string longLabel;
  for (int i = 0; i < 4; ++i) longLabel += label + " and ";
  longLabel += "the end";
  const std::vector<PlotBand> longBands{{longLabel, days, low, high}};
  options.bands = longBands;
  ImGui::NewFrame();
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(ImVec2(800, 300));
  ImGui::Begin("plot window", nullptr, ImGuiWindowFlags_NoMove);
  ImGui::LogToClipboard();
  const TimePlotResult wrapped = timePlot("##plot", series, options);
  ImGui::LogFinish();
  ImGui::End();
  ImGui::Render();
  const std::string logged = ImGui::GetClipboardText() != nullptr ? ImGui::GetClipboardText() : "";
  INFO(logged);
  CHECK(wrapped.plotMin.y >= plain.plot.plotMin.y + lineHeight);
  CHECK(logged.find("the end]") != std::string::npos);
  CHECK(logged.find("[" + longLabel + "]") == std::string::npos);
}
