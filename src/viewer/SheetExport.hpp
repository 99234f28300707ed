#pragma once
// The viewer's "Consultation sheet (PDF)" export: the same two-page sheet `dermasim run
// --report FILE.pdf` writes (report/ScenarioSheet.hpp), for the scenario on show, written on a
// thread of its own so the window keeps drawing, into the export folder under a safe name.
// Without Cairo and Pango the viewer is built without the sheet and available() says so.
//
//   SheetExport sheet;
//   sheet.start(state.slot().scenario, exporter.settings.folder);  // returns at once
//   each frame: if (sheet.busy()) ProgressBar(sheet.progress()); else show sheet.status();
#include <atomic>
#include <filesystem>
#include <mutex>
#include <string>
#include <thread>

#include "core/scenario/Scenario.hpp"

namespace dermasim::viewer {

class SheetExport {
 public:
  SheetExport() = default;
  ~SheetExport();  // waits for a sheet being written
  SheetExport(const SheetExport&) = delete;
  SheetExport& operator=(const SheetExport&) = delete;

  // Whether this viewer was built with the sheet; if not, why not.
  static bool available();
  static const char* unavailableReason();
  // FOLDER/NAME_sheet.pdf, NAME the scenario's name made safe (io/SafeFileName.hpp).
  static std::filesystem::path fileFor(const Scenario& scenario,
                                       const std::filesystem::path& folder);

  // Starts writing the sheet of `scenario`; false (with status() saying why) while one is being
  // written or without the sheet.
  bool start(const Scenario& scenario, const std::filesystem::path& folder);
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
