#include "report/ScenarioSheet.hpp"

#include <algorithm>

#include "core/Simulation.hpp"
#include "io/RunOutputs.hpp"
#include "report/ConsultationSheet.hpp"
#include "report/SkinRenders.hpp"

namespace dermasim::report {

std::string scenarioSheetPdf(const std::vector<SheetScenario>& scenarios,
                             const SheetProgress& progress) {
  const auto report = [&](double fraction, std::string_view what) {
    if (progress) progress(fraction, what);
  };
  // Each scenario: its curves' run (when no CSV is given), then the pictures' run; the PDF last.
  const double share = 0.95 / static_cast<double>(std::max<std::size_t>(scenarios.size(), 1));
  std::vector<RenderedRun> runs;
  std::vector<std::string> csvs;
  runs.reserve(scenarios.size());
  for (std::size_t i = 0; i < scenarios.size(); ++i) {
    const Scenario& scenario = scenarios[i].scenario;
    const double base = share * static_cast<double>(i);
    std::string csv = scenarios[i].timeseries_csv;
    if (csv.empty()) {
      // As `dermasim run` simulates: no snapshot days, which would land extra time steps.
      const Progress curves([&](double f, std::string_view) {
        report(base + share * 0.5 * f, "simulating " + scenario.name);
      });
      csv = timeseriesCsv(*simulate(scenario, curves, {}));
    }
    report(base + share * 0.5, "simulating " + scenario.name + " for its pictures");
    runs.push_back(simulateAndRender(scenario, sheetDays(scenario.duration_days)));
    csvs.push_back(std::move(csv));
  }
  report(0.95, "writing the PDF");
  ConsultationSheet sheet{{}, todayUtc()};
  for (std::size_t i = 0; i < scenarios.size(); ++i) {
    sheet.protocols.push_back({scenarios[i].scenario, runs[i].result, parseTimeseriesCsv(csvs[i]),
                               runs[i].renders, runs[i].renders_unavailable});
  }
  std::string pdf = consultationSheetPdf(sheet);
  report(1.0, "done");
  return pdf;
}

}  // namespace dermasim::report
