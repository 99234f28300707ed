#include "cli/ValidationCommand.hpp"

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "cli/ValidationChart.hpp"
#include "core/Simulation.hpp"
#include "io/AtomicFile.hpp"
#include "io/InputError.hpp"
#include "io/PrintableText.hpp"
#include "io/ValidationCase.hpp"
#include "io/ValidationReport.hpp"

namespace dermasim {
namespace {

constexpr int kExitFailed = 1;
namespace fs = std::filesystem;

// Run from the project folder the cases are the ones beside the program's sources there; from
// anywhere else, those of the source tree this program was built from.
fs::path casesFolder(const std::string& option) {
  if (!option.empty()) return option;
  const fs::path here = fs::path("scenarios") / "validation";
  std::error_code ec;
  if (fs::is_directory(here, ec)) return here;
  return fs::path(DERMASIM_SOURCE_DIR) / "scenarios" / "validation";
}

// The folder is made and checked before the cases run, so a bad --out is found at once.
void prepareOutFolder(const fs::path& dir) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec || !fs::is_directory(dir, ec))
    throw InputError("--out: must be a folder that can be created or written (got " +
                     printable(dir.string(), std::string::npos) + ")");
}

}  // namespace

CLI::App* addValidationCommand(CLI::App& app, ValidationRequest& request) {
  auto* command = app.add_subcommand(
      "validation",
      "run every validation case against its published figures: table on stdout, "
      "validation.csv and validation.png in --out; exit 1 if any target fails");
  command->add_option("--cases", request.cases,
                      "folder of validation cases (default: scenarios/validation)");
  command->add_option("--out", request.out, "folder for validation.csv and validation.png")
      ->capture_default_str();
  command->add_flag("-q,--quiet", request.quiet, "no progress on stderr");
  return command;
}

int validationCommand(const ValidationRequest& request) {
  using Clock = std::chrono::steady_clock;
  const fs::path folder = casesFolder(request.cases);
  // Every case is read before any is simulated: a bad file is found in a moment.
  std::vector<ValidationCase> cases;
  for (const fs::path& file : validationCaseFiles(folder))
    cases.push_back(loadValidationCase(file));
  const fs::path out = request.out;
  prepareOutFolder(out);

  const auto start = Clock::now();
  std::vector<TargetOutcome> outcomes;
  // One case at a time, each simulation using every thread: results do not depend on the
  // thread count, and progress reads in order.
  for (std::size_t i = 0; i < cases.size(); ++i) {
    const ValidationCase& c = cases[i];
    const auto caseStart = Clock::now();
    if (!request.quiet)
      std::fprintf(stderr, "[%zu/%zu] %s: %g days, %zu session(s)...", i + 1, cases.size(),
                   c.name.c_str(), c.scenario.duration_days, c.scenario.sessions.size());
    // Cases are deliberate protocols, some deep or dense on purpose to check harm: they run
    // whatever `check` finds, as `run --force` would (docs/GUIDANCE.md).
    const RunResult result = simulate(c.scenario);
    std::vector<TargetOutcome> judged = evaluateCase(c, result);
    if (!request.quiet) {
      const auto passed = std::count_if(judged.begin(), judged.end(),
                                        [](const TargetOutcome& o) { return o.pass; });
      std::fprintf(stderr, " %.1f s, %td of %zu pass\n",
                   std::chrono::duration<double>(Clock::now() - caseStart).count(), passed,
                   judged.size());
    }
    outcomes.insert(outcomes.end(), judged.begin(), judged.end());
  }

  std::fputs(validationTable(outcomes).c_str(), stdout);
  writeFileAtomically(out / "validation.csv", validationCsv(outcomes));
  const bool drawn = writeValidationChart(out / "validation.png", outcomes);
  if (!request.quiet) {
    std::fprintf(
        stderr, "dermasim: %zu case(s) in %.1f s; wrote %s%s\n", cases.size(),
        std::chrono::duration<double>(Clock::now() - start).count(),
        (out / "validation.csv").string().c_str(),
        drawn ? " and validation.png" : " (no chart: built without the rendering library)");
  }
  const bool allPass =
      std::all_of(outcomes.begin(), outcomes.end(), [](const TargetOutcome& o) { return o.pass; });
  return allPass ? 0 : kExitFailed;
}

}  // namespace dermasim
