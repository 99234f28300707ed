#pragma once
// The viewer's "Consultation sheet (PDF)" export: the same sheet `dermasim run --report
// FILE.pdf` writes for the scenario on show, or in compare mode the one `dermasim compare A B
// --report FILE.pdf` writes for A and B (report/ScenarioSheet.hpp), written on a thread of its
// own so the window keeps drawing, into the export folder under a safe name. Without Cairo and
// Pango the viewer is built without the sheet and available() says so.
//
//   SheetExport sheet;
//   sheet.start(sheetProtocols(state), exporter.settings.folder);  // returns at once
//   each frame: if (sheet.busy()) ProgressBar(sheet.progress()); else show sheet.status();
#include <atomic>
#include <filesystem>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/scenario/Scenario.hpp"
#include "viewer/ViewerState.hpp"

namespace dermasim::viewer {

// What the sheet shows: the scenario in front, or compare mode's A and B (in that order).
std::vector<Scenario> sheetProtocols(const ViewerState& state);

class SheetExport {
 public:
  SheetExport() = default;
  ~SheetExport();  // waits for a sheet being written
  SheetExport(const SheetExport&) = delete;
  SheetExport& operator=(const SheetExport&) = delete;

  // Whether this viewer was built with the sheet; if not, why not.
  static bool available();
  static const char* unavailableReason();
  // FOLDER/NAME_sheet.pdf, NAME the scenario's name made safe (io/SafeFileName.hpp); for two,
  // FOLDER/A_vs_B_sheet.pdf.
  static std::filesystem::path fileFor(const std::vector<Scenario>& protocols,
                                       const std::filesystem::path& folder);

  // Starts writing the sheet of one or two protocols; false (with status() saying why) while one
  // is being written, without the sheet, or with no protocol or more than two.
  bool start(std::vector<Scenario> protocols, const std::filesystem::path& folder);
  bool busy() const { return busy_; }
  double progress() const { return progress_; }
  std::string status() const;
  bool failed() const { return failed_; }
  // Blocks until the sheet in progress is written (for tests and shutdown).
  void wait();

 private:
  void setStatus(std::string text, bool failed);

  std::thread thread_;
  std::atomic<bool> busy_{false}, failed_{false};
  std::atomic<double> progress_{0};
  mutable std::mutex mutex_;
  std::string status_;
};

}  // namespace dermasim::viewer
