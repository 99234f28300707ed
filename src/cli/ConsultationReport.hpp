#pragma once
// `--report FILE.pdf` of `dermasim run` and `dermasim compare`: after the command has written
// its outputs, the consultation sheet (report/ConsultationSheet.hpp) is drawn from them and
// written atomically. The path is checked before the command runs, so a bad one (not .pdf, a
// folder that does not exist) or a dermasim built without Cairo and Pango is exit 2 at once.
//
//   return withConsultationSheet({reportPath, {scenarioArg}, outDir, quiet},
//                                [&] { return runCommand(scenarioArg, outDir, quiet); });
//
// The curves come from the run's own timeseries.csv (a cohort's percentiles included); the
// sessions, the comparison's figures and the pictures from one more simulation of each
// scenario, which keeps the snapshots of the pictured days.

#include <functional>
#include <string>
#include <vector>

namespace dermasim {

struct SheetRequest {
  std::string path;                    // --report; empty: no sheet
  std::vector<std::string> scenarios;  // as given: run's one, compare's A and B
  std::string out;                     // the command's --out
  bool quiet = false;
};

// Runs `command`; when it returns 0 and a sheet is asked for, writes the sheet and returns 0.
// Throws InputError (exit 2) for a bad path before `command` runs.
int withConsultationSheet(const SheetRequest& request, const std::function<int()>& command);

}  // namespace dermasim
