#pragma once
// The skin of a scenario on a few days, for the consultation sheet: one simulation keeping a
// snapshot of each day, each drawn by the headless renderer seen from straight above, in
// overhead light (colour reads best), with the relief exaggerated as the viewer does. Each
// render knows how many mm its width spans, for a scale bar, and carries the patient caption
// of its day.
//
//   const RenderedRun run = simulateAndRender(scenario, sheetDays(scenario.duration_days));
//   pdf.image(run.renders[0].image, x, y, w, w);  // run.result: the sessions, the timeseries

#include <string>
#include <vector>

#include "core/Simulation.hpp"
#include "core/scenario/Scenario.hpp"
#include "render/Image.hpp"

namespace dermasim::report {

struct DayRender {
  double day = 0;
  render::Image image;
  double width_mm = 0;             // skin the image's width spans
  double relief_exaggeration = 1;  // heights drawn this many times their true size
  std::string caption;             // guidance's patient caption for the day
};

struct RenderedRun {
  RunResult result;
  std::vector<DayRender> renders;
  // Why there are no renders (no EGL on this machine), or empty.
  std::string renders_unavailable;
};

// Days 1, 7, 30 and the last day, those within the scenario, in order, each once.
std::vector<double> sheetDays(double durationDays);

// Simulates `scenario` once (quietly) and draws the skin on `days`, `pixels` square each. A
// machine without EGL still gets the result, with renders_unavailable saying why.
RenderedRun simulateAndRender(const Scenario& scenario, const std::vector<double>& days,
                              int pixels = 420);

}  // namespace dermasim::report
