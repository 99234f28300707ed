#pragma once
// The consultation sheet of one or two scenarios, from the scenarios alone: what `dermasim run
// --report` and `compare --report` write, and the viewer's "Consultation sheet (PDF)" button,
// so the two cannot drift apart. Each scenario is simulated once more for its pictures
// (SkinRenders); its curves come from the run's timeseries.csv when the caller has one, else
// from a run simulated here exactly as `dermasim run` simulates it.
//
//   std::string pdf = scenarioSheetPdf({{scenario, ""}}, [](double f, std::string_view what) {});
//   writeFileAtomically("sheet.pdf", pdf);
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/scenario/Scenario.hpp"

namespace dermasim::report {

struct SheetScenario {
  Scenario scenario;
  std::string timeseries_csv;  // the run's timeseries.csv as written; empty: simulated here
};

// Fraction done (0..1) of the whole sheet and what is being done; called on the caller's thread.
using SheetProgress = std::function<void(double fraction, std::string_view what)>;

// The PDF's bytes for one scenario (run) or two (compare: A, then B), dated today (UTC).
// Throws std::runtime_error if Cairo fails or a timeseries.csv cannot be read.
std::string scenarioSheetPdf(const std::vector<SheetScenario>& scenarios,
                             const SheetProgress& progress = {});

}  // namespace dermasim::report
