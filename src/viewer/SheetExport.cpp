#include "viewer/SheetExport.hpp"

#include <chrono>
#include <cstdio>
#include <exception>
#include <string>
#include <utility>

#include "io/AtomicFile.hpp"
#include "io/SafeFileName.hpp"

#ifdef DERMASIM_HAVE_REPORT
#include "report/ScenarioSheet.hpp"
#endif

namespace dermasim::viewer {

namespace fs = std::filesystem;

SheetExport::~SheetExport() { wait(); }

bool SheetExport::available() {
#ifdef DERMASIM_HAVE_REPORT
  return true;
#else
  return false;
#endif
}

const char* SheetExport::unavailableReason() {
  return "this viewer was built without the consultation sheet: it needs Cairo and Pango "
         "(sudo apt install libcairo2-dev libpango1.0-dev, then build again)";
}

std::vector<Scenario> sheetProtocols(const ViewerState& state) {
  if (state.compare.on && state.compare.a < state.slots.size() &&
      state.compare.b < state.slots.size()) {
    return {state.slots[state.compare.a].scenario, state.slots[state.compare.b].scenario};
  }
  return {state.slot().scenario};
}

fs::path SheetExport::fileFor(const std::vector<Scenario>& protocols, const fs::path& folder) {
  std::string name;
  for (const Scenario& s : protocols) name += (name.empty() ? "" : " vs ") + s.name;
  return folder / (safeFileName(name) + "_sheet.pdf");
}

bool SheetExport::start(std::vector<Scenario> protocols, const fs::path& folder) {
  if (busy_) return false;
  if (!available()) {
    setStatus(unavailableReason(), true);
    return false;
  }
  if (protocols.empty() || protocols.size() > 2) {
    setStatus("consultation sheet: one protocol or two, not " + std::to_string(protocols.size()),
              true);
    return false;
  }
  wait();  // the thread of the sheet before, already finished
  const fs::path file = fileFor(protocols, folder);
  busy_ = true;
  progress_ = 0;
  setStatus("consultation sheet: starting", false);
  thread_ = std::thread([this, protocols = std::move(protocols), folder, file] {
    const auto start = std::chrono::steady_clock::now();
    try {
      fs::create_directories(folder);
#ifdef DERMASIM_HAVE_REPORT
      std::vector<report::SheetScenario> sheet;
      for (const Scenario& s : protocols) sheet.push_back({s, ""});
      const std::string pdf =
          report::scenarioSheetPdf(sheet, [this](double f, std::string_view what) {
            progress_ = f;
            setStatus("consultation sheet: " + std::string(what), false);
          });
      writeFileAtomically(file, pdf);
#endif
      const double seconds =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      char took[32];
      std::snprintf(took, sizeof took, "%.1f", seconds);
      setStatus("wrote " + file.string() + " in " + took + " s", false);
    } catch (const std::exception& e) {
      setStatus(std::string("consultation sheet: ") + e.what(), true);
    }
    progress_ = 1;
    busy_ = false;
  });
  return true;
}

void SheetExport::wait() {
  if (thread_.joinable()) thread_.join();
}

std::string SheetExport::status() const {
  const std::lock_guard lock(mutex_);
  return status_;
}

void SheetExport::setStatus(std::string text, bool failed) {
  const std::lock_guard lock(mutex_);
  status_ = std::move(text);
  failed_ = failed;
}

}  // namespace dermasim::viewer
