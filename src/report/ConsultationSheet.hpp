#pragma once
// The consultation sheet of `dermasim run --report FILE.pdf` and `dermasim compare --report`:
// an A4 PDF, two pages, for a clinician to go through with a patient. Page 1: the patient's
// inputs, the program version, seed and date; improvement, collagen and redness over the days
// for each protocol (with the 10th-90th percentile band of a cohort run); the sessions with
// their expected downtime; for a comparison, the table of A, B and B - A. Page 2: the skin on
// days 1, 7, 30 and the last day with scale bars and guidance's plain-language captions. The
// watermark of patient mode (render::kWatermarkText) is on every page.
//
//   SheetProtocol a{scenario, rendered.result, parseTimeseriesCsv(csv), rendered.renders, ""};
//   const std::string pdf = consultationSheetPdf({{a}, "2026-12-01"});
//   writeFileAtomically("sheet.pdf", pdf);

#include <string>
#include <vector>

#include "core/Simulation.hpp"
#include "core/scenario/Scenario.hpp"
#include "report/SkinRenders.hpp"
#include "report/TimeseriesTable.hpp"

namespace dermasim::report {

struct SheetProtocol {
  const Scenario& scenario;
  // Its sessions, and the readings the captions and the comparison's figures are taken from.
  const RunResult& result;
  // The run's timeseries.csv: one value per metric, or a cohort's _p10/_p50/_p90.
  TimeseriesTable curves;
  std::vector<DayRender> renders;
  std::string renders_unavailable;  // why there are no renders, or empty
};

struct ConsultationSheet {
  std::vector<SheetProtocol> protocols;  // one (run) or two (compare: A, then B)
  std::string date;                      // when the sheet was made, "2026-12-01"
};

// The PDF's bytes. Throws std::runtime_error if Cairo fails.
std::string consultationSheetPdf(const ConsultationSheet& sheet);

// Today's date in UTC, "2026-12-01".
std::string todayUtc();

}  // namespace dermasim::report
