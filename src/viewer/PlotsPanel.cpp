// Plots of what a clinician would measure, against time: redness, scar depth (by type too) or
// roughness, and the new matrix. Other scenarios' results are drawn beside the one on show for
// comparison.
#include <imgui.h>

#include <array>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "viewer/CompareView.hpp"
#include "viewer/Panels.hpp"
#include "viewer/PlotBands.hpp"
#include "viewer/ReadingColumn.hpp"
#include "viewer/TimePlot.hpp"

namespace dermasim::viewer {

namespace {

constexpr std::array<ImU32, 4> kOtherScenarios = {
    IM_COL32(120, 170, 255, 200), IM_COL32(170, 220, 120, 200), IM_COL32(220, 150, 250, 200),
    IM_COL32(250, 220, 110, 200)};

using Column = ReadingColumn;

bool hasScars(const RunResult& result) {
  return !result.timeseries.empty() && result.timeseries.front().scar_depth_um > 0;
}

}  // namespace

std::vector<double> sessionDaysOf(const RunResult* result) {
  std::vector<double> days;
  if (result != nullptr)
    for (const SessionResult& s : result->sessions) days.push_back(s.day);
  return days;
}

TimePlotOptions plotOptions(const ViewerState& state, std::span<const double> sessionDays) {
  TimePlotOptions options;
  options.height =
      std::max(80.0f, ImGui::GetContentRegionAvail().y - ImGui::GetStyle().ItemSpacing.y);
  options.lastDay = state.lastDay();
  options.sessionDays = sessionDays;
  options.cursorDay = state.playback.day();
  return options;
}

void drawPlots(ViewerState& state) {
  drawRangeControls(state);
  if (state.compare.on) {
    drawComparePlots(state);
    return;
  }
  const RunResult* shown = state.result();
  if (shown == nullptr) {
    ImGui::TextDisabled("Plots appear when the simulation has finished.");
    return;
  }
  const bool scars = hasScars(*shown);
  const auto redness = [](const SkinReading& r) { return r.redness_a; };
  const auto relief = [scars](const SkinReading& r) {
    return scars ? r.scar_depth_um : r.roughness_um;
  };
  const auto percent = [](double rel) { return 100.0 * rel; };

  const std::vector<double> sessionDays = sessionDaysOf(shown);
  TimePlotOptions options = plotOptions(state, sessionDays);

  // The scenario on show first, then the others with results.
  std::vector<const ScenarioSlot*> others;
  if (state.comparePlots) {
    for (std::size_t i = 0; i < state.slots.size(); ++i) {
      // A preview's curves are not that scenario's result: left out until its full run is in.
      if (i != state.active && state.slots[i].result && !state.slots[i].preview) {
        others.push_back(&state.slots[i]);
      }
    }
  }

  std::optional<double> picked;
  // The preview's curves move when the full result replaces them: each title says so.
  const std::string stage = state.showingPreview() ? "Preview - " : "";
  // The spread over virtual patients behind the first line, in its colour (PlotBands.hpp).
  const CohortBands* bands = shownBands(state, state.active);
  const std::string legend = bands != nullptr ? bandLegend(bands->patients) : std::string();
  const auto plot = [&](const char* id, const std::string& title, std::string_view unit,
                        const std::vector<Column>& columns, const std::vector<std::string>& labels,
                        const std::vector<ImU32>& colours,
                        const std::function<double(const SkinReading&)>& read) {
    std::vector<PlotSeries> series;
    for (std::size_t i = 0; i < columns.size(); ++i) {
      series.push_back({labels[i], columns[i].days, columns[i].values, colours[i]});
    }
    BandColumns band;
    std::vector<PlotBand> shownBand;
    if (bands != nullptr) {
      band = bandColumns(*bands, read, shown->timeseries);
      shownBand.push_back(plotBand(band, legend, colours.front()));
    }
    ImGui::TextUnformatted((stage + title).c_str());
    TimePlotOptions o = options;
    o.height -= ImGui::GetTextLineHeightWithSpacing();
    o.unit = unit;
    o.bands = shownBand;
    const TimePlotResult r = timePlot(id, series, o);
    if (r.pickedDay) picked = r.pickedDay;
  };

  const std::string shownName = others.empty() ? std::string() : state.slot().scenario.name;
  if (ImGui::BeginTable("plots", 3, ImGuiTableFlags_SizingStretchSame)) {
    ImGui::TableNextColumn();
    {
      std::vector<Column> cols{readingColumn(shown->timeseries, redness)};
      std::vector<std::string> labels{shownName};
      std::vector<ImU32> colours{IM_COL32(235, 100, 90, 255)};
      for (std::size_t i = 0; i < others.size(); ++i) {
        cols.push_back(readingColumn(others[i]->result->timeseries, redness));
        labels.push_back(others[i]->scenario.name);
        colours.push_back(kOtherScenarios[i % kOtherScenarios.size()]);
      }
      plot("redness", "Redness (CIELAB a*)", "a*", cols, labels, colours, redness);
    }
    ImGui::TableNextColumn();
    {
      std::vector<Column> cols{readingColumn(shown->timeseries, relief)};
      std::vector<std::string> labels{shownName};
      std::vector<ImU32> colours{IM_COL32(200, 200, 210, 255)};
      // Alone, a scarred patch also shows each type its patient has: they respond differently
      // to needling (rolling and boxcar well, ice-pick little), which the mean hides.
      if (scars && others.empty()) {
        using Depth = double SkinReading::*;
        const std::array<std::pair<const char*, Depth>, 3> types{
            {{"rolling", &SkinReading::scar_depth_rolling_um},
             {"boxcar", &SkinReading::scar_depth_boxcar_um},
             {"ice-pick", &SkinReading::scar_depth_icepick_um}}};
        const std::array<ImU32, 3> typeColours{IM_COL32(120, 170, 255, 255),
                                               IM_COL32(170, 220, 120, 255),
                                               IM_COL32(250, 220, 110, 255)};
        labels.front() = "all scars";
        for (std::size_t t = 0; t < types.size(); ++t) {
          const Depth depth = types[t].second;
          if (!(shown->timeseries.front().*depth > 0)) continue;
          cols.push_back(
              readingColumn(shown->timeseries, [depth](const SkinReading& r) { return r.*depth; }));
          labels.emplace_back(types[t].first);
          colours.push_back(typeColours[t]);
        }
      }
      for (std::size_t i = 0; i < others.size(); ++i) {
        cols.push_back(readingColumn(others[i]->result->timeseries, relief));
        labels.push_back(others[i]->scenario.name);
        colours.push_back(kOtherScenarios[i % kOtherScenarios.size()]);
      }
      plot("relief", scars ? "Mean scar depth" : "Surface roughness (Ra)", "\xC2\xB5m", cols,
           labels, colours, relief);
    }
    ImGui::TableNextColumn();
    {
      std::vector<Column> cols{
          readingColumn(shown->timeseries,
                        [&](const SkinReading& r) { return percent(r.collagen_rel); }),
          readingColumn(shown->timeseries,
                        [&](const SkinReading& r) { return percent(r.collagen3_rel); }),
          readingColumn(shown->timeseries,
                        [&](const SkinReading& r) { return percent(r.elastin_rel); })};
      std::vector<std::string> labels{"collagen", "type III", "elastin"};
      std::vector<ImU32> colours{IM_COL32(230, 90, 80, 255), IM_COL32(120, 210, 120, 255),
                                 IM_COL32(240, 210, 90, 255)};
      for (std::size_t i = 0; i < others.size(); ++i) {
        cols.push_back(readingColumn(others[i]->result->timeseries, [&](const SkinReading& r) {
          return percent(r.collagen_rel);
        }));
        labels.push_back(others[i]->scenario.name + " collagen");
        colours.push_back(kOtherScenarios[i % kOtherScenarios.size()]);
      }
      plot("matrix", "Dermal matrix (% of untreated)", "%", cols, labels, colours,
           [&](const SkinReading& r) { return percent(r.collagen_rel); });
    }
    ImGui::EndTable();
  }
  if (picked) {
    state.playback.pause();
    state.playback.seek(*picked, state.lastDay());
  }
}

}  // namespace dermasim::viewer
