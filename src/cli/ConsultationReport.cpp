#include "cli/ConsultationReport.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <filesystem>

#include "io/InputError.hpp"
#include "io/PrintableText.hpp"

#ifdef DERMASIM_HAVE_REPORT
#include "io/AtomicFile.hpp"
#include "io/ScenarioSource.hpp"
#include "io/TextFile.hpp"
#include "report/ScenarioSheet.hpp"
#endif

namespace dermasim {

namespace {

namespace fs = std::filesystem;

std::string lowerExtension(const fs::path& path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

void checkSheetPath(const SheetRequest& request) {
#ifndef DERMASIM_HAVE_REPORT
  throw InputError(
      "--report: this dermasim was built without the consultation sheet (it needs Cairo and "
      "Pango, libcairo2-dev and libpango1.0-dev, and the rendering library when configured)");
#endif
  const fs::path path(request.path);
  const std::string shown = " (got " + printable(request.path) + ")";
  if (lowerExtension(path) != ".pdf") throw InputError("--report: must be a .pdf file" + shown);
  std::error_code ec;
  if (fs::is_directory(path, ec)) throw InputError("--report: is a folder, not a file" + shown);
  const fs::path folder = path.parent_path().empty() ? fs::path(".") : path.parent_path();
  if (!fs::is_directory(folder, ec))
    throw InputError("--report: folder " + printable(folder.string()) + " does not exist" + shown);
  // The --out folder is replaced as one set and refuses files it did not write.
  if (fs::weakly_canonical(folder, ec) == fs::weakly_canonical(request.out, ec))
    throw InputError(
        "--report: must be outside the --out folder, whose files are replaced as "
        "one set" +
        shown);
}

#ifdef DERMASIM_HAVE_REPORT
// The run's own timeseries.csv, read back for the curves: a 6-month series is ~40 kB, a
// cohort's percentile columns a few times that.
constexpr std::size_t kMaxTimeseriesBytes = std::size_t{64} << 20;

void writeSheet(const SheetRequest& request) {
  using Clock = std::chrono::steady_clock;
  const auto start = Clock::now();
  if (!request.quiet)
    std::fprintf(stderr,
                 "dermasim: drawing the consultation sheet (simulating %s once more for "
                 "its pictures)\n",
                 request.scenarios.size() == 1 ? "the scenario" : "each scenario");
  const bool comparison = request.scenarios.size() == 2;
  std::vector<report::SheetScenario> scenarios;
  for (std::size_t i = 0; i < request.scenarios.size(); ++i) {
    const fs::path folder =
        comparison ? fs::path(request.out) / (i == 0 ? "a" : "b") : fs::path(request.out);
    scenarios.push_back(
        {resolveScenario(request.scenarios[i]),
         readTextFile(folder / "timeseries.csv", kMaxTimeseriesBytes, "the timeseries of a run")});
  }
  writeFileAtomically(request.path, report::scenarioSheetPdf(scenarios));
  if (!request.quiet)
    std::fprintf(stderr, "dermasim: wrote %s in %.1f s\n", printable(request.path).c_str(),
                 std::chrono::duration<double>(Clock::now() - start).count());
}
#endif

}  // namespace

int withConsultationSheet(const SheetRequest& request, const std::function<int()>& command) {
  if (request.path.empty()) return command();
  checkSheetPath(request);
  const int code = command();
  if (code != 0) return code;
#ifdef DERMASIM_HAVE_REPORT
  writeSheet(request);
#endif
  return 0;
}

}  // namespace dermasim
