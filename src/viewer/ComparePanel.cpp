// Compare mode's lower panel: protocol A's and B's curves overlaid in their fixed colours, with
// their values on the day shown in the legend (no hover needed), and the table of the headline
// measures on that day for A, B and B - A. Also the before/after view's "before" day picker,
// which single, compare and patient mode share.
#include <imgui.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <string>
#include <vector>

#include "core/numerics/NumberText.hpp"
#include "render/RenderOptions.hpp"
#include "viewer/CompareMode.hpp"
#include "viewer/CompareView.hpp"
#include "viewer/Panels.hpp"
#include "viewer/PlotBands.hpp"
#include "viewer/ReadingColumn.hpp"
#include "viewer/TimePlot.hpp"

namespace dermasim::viewer {

namespace {

struct Measure {
  const char* name;
  const char* unit;
  int decimals;
  std::function<double(const SkinReading&)> read;
};

bool hasScars(const RunResult& r) {
  return !r.timeseries.empty() && r.timeseries.front().scar_depth_um > 0;
}

// What the run's readout holds that a practitioner weighs, as of the day shown.
std::vector<Measure> dayMeasures(bool scars) {
  // Most telling first: the table scrolls when the panel is short.
  std::vector<Measure> m{
      {"Redness", "a*", 2, [](const SkinReading& r) { return r.redness_a; }},
      {"Inflammation", "%", 1, [](const SkinReading& r) { return 100 * r.inflammation; }},
      {"Collagen gain", "%", 1, [](const SkinReading& r) { return 100 * (r.collagen_rel - 1); }},
      {"Improvement", "%", 1, [](const SkinReading& r) { return r.improvement_pct; }},
  };
  if (scars) {
    m.push_back(
        {"Scar depth", "\xC2\xB5m", 1, [](const SkinReading& r) { return r.scar_depth_um; }});
  } else {
    m.push_back(
        {"Roughness Ra", "\xC2\xB5m", 2, [](const SkinReading& r) { return r.roughness_um; }});
  }
  m.push_back(
      {"Type III gain", "%", 1, [](const SkinReading& r) { return 100 * (r.collagen3_rel - 1); }});
  m.push_back(
      {"Channels open", "%", 1, [](const SkinReading& r) { return 100 * r.channels_open; }});
  return m;
}

using Column = ReadingColumn;

double onDay(const RunResult& r, const std::function<double(const SkinReading&)>& read,
             double day) {
  const Column c = readingColumn(r.timeseries, read);
  return valueOnDay({"", c.days, c.values}, day).value_or(0.0);
}

const RunResult* resultOf(const ViewerState& state, std::size_t slot) {
  const ScenarioSlot& s = state.slots.at(slot);
  return s.result ? &*s.result : nullptr;
}

void cell(const std::string& text, ImU32 colour = 0) {
  ImGui::TableNextColumn();
  if (colour != 0) {
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colour), "%s", text.c_str());
  } else {
    ImGui::TextUnformatted(text.c_str());
  }
}

}  // namespace

std::vector<CompareRow> compareRows(const ViewerState& state, double day) {
  std::vector<CompareRow> rows;
  if (!state.compare.on) return rows;
  const RunResult* a = resultOf(state, state.compare.a);
  const RunResult* b = resultOf(state, state.compare.b);
  if (a == nullptr || b == nullptr) return rows;
  for (const Measure& m : dayMeasures(hasScars(*a) || hasScars(*b))) {
    rows.push_back({m.name, m.unit, m.decimals, onDay(*a, m.read, day), onDay(*b, m.read, day)});
  }
  // Whole-run indices (HarmRisk.hpp), not of one day.
  rows.push_back({"PIH risk, run", "0-1", 2, a->outcome.pih_risk, b->outcome.pih_risk});
  rows.push_back(
      {"Fibrosis risk, run", "0-1", 2, a->outcome.fibrosis_risk, b->outcome.fibrosis_risk});
  return rows;
}

void drawCompareTable(const ViewerState& state) {
  const double day = state.playback.day();
  const std::vector<CompareRow> rows = compareRows(state, day);
  ImGui::Text("Day %s: A, B and B - A", render::formatDay(std::round(day * 100) / 100).c_str());
  if (rows.empty()) {
    ImGui::TextDisabled("The table fills in when both results are in.");
    return;
  }
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV |
                                ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_ScrollY;
  if (!ImGui::BeginTable("compare-table", 4, flags, ImGui::GetContentRegionAvail())) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("Measure (unit)", ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableSetupColumn("A");
  ImGui::TableSetupColumn("B");
  ImGui::TableSetupColumn("B - A");
  ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
  cell("Measure (unit)");
  cell("A", kCompareColourA);
  cell("B", kCompareColourB);
  cell("B - A");
  for (const CompareRow& r : rows) {
    ImGui::TableNextRow();
    // The unit with the name: one column fewer, so the numbers are never cut off.
    cell(r.name + " (" + r.unit + ")");
    cell(fixedNumber(r.a, r.decimals), kCompareColourA);
    cell(fixedNumber(r.b, r.decimals), kCompareColourB);
    cell(signedNumber(r.b - r.a, r.decimals));
  }
  ImGui::EndTable();
}

void drawComparePlots(ViewerState& state) {
  const RunResult* a = resultOf(state, state.compare.a);
  const RunResult* b = resultOf(state, state.compare.b);
  const RunResult* front = state.result();
  const bool scars = (a != nullptr && hasScars(*a)) || (b != nullptr && hasScars(*b));
  const std::vector<double> sessionDays = sessionDaysOf(front);
  TimePlotOptions options = plotOptions(state, sessionDays);
  options.legendValues = true;

  // Each side's spread over virtual patients in its colour, behind the lines; one legend entry
  // names both (PlotBands.hpp).
  const CohortBands* bandsA = shownBands(state, state.compare.a);
  const CohortBands* bandsB = shownBands(state, state.compare.b);
  std::string bandText;
  if (bandsA != nullptr || bandsB != nullptr) {
    const std::string sides = bandsA != nullptr && bandsB != nullptr ? "A, B"
                              : bandsA != nullptr                    ? "A"
                                                                     : "B";
    bandText = sides + ": " + bandLegend((bandsA != nullptr ? bandsA : bandsB)->patients);
  }

  std::optional<double> picked;
  const auto plot = [&](const char* id, const char* title, std::string_view unit,
                        const std::function<double(const SkinReading&)>& read) {
    ImGui::TextUnformatted(title);
    // The labels stay "A" and "B" (the names are on the skins and the table): short enough that
    // the legend, with each value on the day shown, is never cut off.
    Column ca, cb;
    std::vector<PlotSeries> series;
    if (a != nullptr) {
      ca = readingColumn(a->timeseries, read);
      series.push_back({"A", ca.days, ca.values, kCompareColourA});
    }
    if (b != nullptr) {
      cb = readingColumn(b->timeseries, read);
      series.push_back({"B", cb.days, cb.values, kCompareColourB});
    }
    BandColumns bandA, bandB;
    std::vector<PlotBand> bands;
    if (bandsA != nullptr && a != nullptr) {
      bandA = bandColumns(*bandsA, read, a->timeseries);
      bands.push_back(plotBand(bandA, bandText, kCompareColourA));
    }
    if (bandsB != nullptr && b != nullptr) {
      bandB = bandColumns(*bandsB, read, b->timeseries);
      bands.push_back(
          plotBand(bandB, bands.empty() ? std::string_view(bandText) : "", kCompareColourB));
    }
    TimePlotOptions o = options;
    o.height -= ImGui::GetTextLineHeightWithSpacing();
    o.unit = unit;
    o.bands = bands;
    const TimePlotResult r = timePlot(id, series, o);
    if (r.pickedDay) picked = r.pickedDay;
  };

  if (ImGui::BeginTable("compare-plots", 3, ImGuiTableFlags_SizingStretchProp)) {
    ImGui::TableSetupColumn("redness", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn("relief", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn("table", ImGuiTableColumnFlags_WidthStretch, 1.35f);
    ImGui::TableNextColumn();
    plot("cmp-redness", "Redness (CIELAB a*)", "a*",
         [](const SkinReading& r) { return r.redness_a; });
    ImGui::TableNextColumn();
    if (scars) {
      plot("cmp-relief", "Mean scar depth", "\xC2\xB5m",
           [](const SkinReading& r) { return r.scar_depth_um; });
    } else {
      plot("cmp-relief", "Collagen (% of untreated)", "%",
           [](const SkinReading& r) { return 100 * r.collagen_rel; });
    }
    ImGui::TableNextColumn();
    drawCompareTable(state);
    ImGui::EndTable();
  }
  if (picked) {
    state.playback.pause();
    state.playback.seek(*picked, state.lastDay());
  }
}

void drawBeforeDayPicker(ViewerState& state) {
  const double lastDay = state.lastDay();
  const std::string preview = "Before: day " + render::formatDay(state.beforeDay);
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
  if (ImGui::BeginCombo("##before-day", preview.c_str())) {
    if (ImGui::Selectable("Day 0 (untreated)", state.beforeDay == 0)) state.beforeDay = 0;
    for (const KeyDay& key : state.slot().snapshots.keyDays()) {
      const std::string label = key.label + "  (day " + render::formatDay(key.day) + ")";
      if (ImGui::Selectable(label.c_str(), key.day == state.beforeDay)) state.beforeDay = key.day;
    }
    ImGui::EndCombo();
  }
  if (ImGui::IsItemHovered()) {
    ImGui::SetTooltip("The day left of the split line: any day, e.g. session 2 against 4");
  }
  ImGui::SameLine();
  if (ImGui::SmallButton("Use the day on show")) {
    state.beforeDay = std::clamp(state.playback.day(), 0.0, lastDay);
  }
}

}  // namespace dermasim::viewer
