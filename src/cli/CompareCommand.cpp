#include "cli/CompareCommand.hpp"

#include <omp.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <exception>
#include <optional>
#include <thread>
#include <vector>

#include "cli/CohortCompareCommand.hpp"
#include "cli/RunProgress.hpp"
#include "cli/RunRefusal.hpp"
#include "core/numerics/NumberText.hpp"
#include "guidance/Advisories.hpp"
#include "guidance/Findings.hpp"
#include "guidance/HealingFindings.hpp"
#include "io/AtomicFile.hpp"
#include "io/Comparison.hpp"
#include "io/PrintableText.hpp"
#include "io/ScenarioSource.hpp"

namespace dermasim {
namespace {

struct BothResults {
  std::optional<RunResult> a, b;
};

// Both at once, each on its own thread with half the OpenMP threads: the results are the same
// on any thread count, so only the wall time differs from running them one after the other.
BothResults simulateSideBySide(const Scenario& a, const Scenario& b, bool quiet) {
  const int share = std::max(1, omp_get_max_threads() / 2);
  BothResults results;
  std::exception_ptr failureB;
  std::thread runB([&] {
    try {
      omp_set_num_threads(share);  // a new thread starts from the program's default
      results.b = simulateReporting(b, quiet, "B ");
    } catch (...) {
      failureB = std::current_exception();
    }
  });
  try {
    omp_set_num_threads(share);
    results.a = simulateReporting(a, quiet, "A ");
  } catch (...) {
    runB.join();
    throw;
  }
  runB.join();
  if (failureB) std::rethrow_exception(failureB);
  return results;
}

BothResults simulateOneAtATime(const Scenario& a, const Scenario& b, bool quiet) {
  BothResults results;
  results.a = simulateReporting(a, quiet, "A ");
  results.b = simulateReporting(b, quiet, "B ");
  return results;
}

std::string shown(const std::optional<double>& v, int decimals, bool asChange) {
  if (!v) return "n/a";
  return asChange ? signedNumber(*v, decimals) : fixedNumber(*v, decimals);
}

void printSummary(const ComparedRun& a, const ComparedRun& b) {
  std::printf("A: %s (%s)\nB: %s (%s)\n\n", printable(a.scenario.name).c_str(),
              printable(a.scenario.source).c_str(), printable(b.scenario.name).c_str(),
              printable(b.scenario.source).c_str());
  std::printf("%-44s %10s %10s %10s\n", "", "A", "B", "B - A");
  for (const ComparedFigure& f : comparedFigures(a, b)) {
    const std::string label = f.label + " (" + f.unit + ")";
    std::printf("%-44s %10s %10s %10s\n", label.c_str(), shown(f.a, f.decimals, false).c_str(),
                shown(f.b, f.decimals, false).c_str(),
                shown(f.difference(), f.decimals, true).c_str());
  }
  std::printf(
      "\nPer session: the mean over the sessions. 1, 3, 6 months: days 30, 90, 180 after the\n"
      "first session; n/a past a scenario's end, and needling time for a roller (no speed).\n");
}

void printAdvisories(const char* label, const std::vector<Advisory>& advisories) {
  for (const Advisory& x : advisories)
    std::fprintf(stderr, "  %s %s %s: %s\n", label, std::string(toString(x.level)).c_str(),
                 x.code.c_str(), x.message.c_str());
}

}  // namespace

CLI::App* addCompareCommand(CLI::App& app, CompareRequest& request) {
  auto* cmd = app.add_subcommand(
      "compare",
      "simulate two scenarios side by side; write DIR/a/ and DIR/b/ as `run` does, "
      "DIR/comparison.csv and DIR/comparison.json, and print A, B and B - A");
  cmd->add_option("a", request.a, "scenario A: file or built-in name")->required();
  cmd->add_option("b", request.b, "scenario B: file or built-in name")->required();
  cmd->add_option("--out", request.out,
                  "output folder (created if needed; its outputs are replaced as one set, and a "
                  "folder holding other files is refused)")
      ->required();
  auto* oneAtATime = cmd->add_flag("--one-at-a-time", request.one_at_a_time,
                                   "simulate A, then B, each with every thread, rather than both "
                                   "at once (the results are the same); not with --cohort, whose "
                                   "workers each run one patient");
  cmd->add_flag("-q,--quiet", request.quiet, "print nothing on stderr but errors");
  cmd->add_option("--report", request.report,
                  "also write the consultation sheet, a PDF of both protocols' curves, "
                  "sessions, differences and pictures of the skin, once the outputs are written");
  addForceFlag(*cmd, request.force);
  auto* cohort = cmd->add_option("--cohort", request.cohort,
                                 "the same N virtual patients under A and under B (A and B share "
                                 "their seed): DIR/a/ and DIR/b/ as run --cohort writes them, "
                                 "percentile columns twice in comparison.csv, and the paired "
                                 "differences B - A in comparison.json")
                     ->each([&request](const std::string&) { request.cohort_given = true; });
  cmd->add_option_function<std::string>(
         "--shard", [&request](const std::string& text) { request.shard = text; },
         "with --cohort: run only shard I of N (I/N) and write a shard folder for `dermasim "
         "merge` (docs/CLUSTER.md)")
      ->needs(cohort);
  // A cohort comparison runs one patient per worker already: the flag would change nothing,
  // so it is refused rather than silently ignored.
  oneAtATime->excludes(cohort);
  return cmd;
}

int compareCommand(const CompareRequest& request) {
  if (request.cohort_given) {
    if (!request.force) refuseOnErrors(resolveScenario(request.a), resolveScenario(request.b));
    return cohortCompareCommand(request);
  }
  // Both scenarios and the folder are checked before simulating: a bad B or --out is found at
  // once, not after A has run.
  const Scenario scenarioA = resolveScenario(request.a);
  const Scenario scenarioB = resolveScenario(request.b);
  if (!request.force) refuseOnErrors(scenarioA, scenarioB);
  StagedFolder outputs(request.out, "--out", comparisonOutputNames());
  // One thread in all (--threads 1 or a one-core machine) is honoured: no second thread.
  const bool oneAtATime = request.one_at_a_time || omp_get_max_threads() < 2;
  if (!request.quiet)
    std::fprintf(stderr, "dermasim: comparing A %s with B %s (%s)\n",
                 printable(scenarioA.source).c_str(), printable(scenarioB.source).c_str(),
                 oneAtATime ? "one at a time" : "side by side");
  const BothResults results = oneAtATime ? simulateOneAtATime(scenarioA, scenarioB, request.quiet)
                                         : simulateSideBySide(scenarioA, scenarioB, request.quiet);
  const ComparedRun a{scenarioA, *results.a}, b{scenarioB, *results.b};
  std::vector<Advisory> advisoriesA = findingsFor(scenarioA);
  std::vector<Advisory> advisoriesB = findingsFor(scenarioB);
  for (Advisory& f : healingFindings(scenarioA, *results.a)) advisoriesA.push_back(std::move(f));
  for (Advisory& f : healingFindings(scenarioB, *results.b)) advisoriesB.push_back(std::move(f));
  stageComparisonFiles(outputs, a, b, advisoriesA, advisoriesB);
  outputs.commit();
  printSummary(a, b);
  if (!request.quiet) {
    printAdvisories("A", advisoriesA);
    printAdvisories("B", advisoriesB);
    std::fprintf(stderr, "dermasim: wrote %s/a/, b/, comparison.csv and comparison.json\n",
                 printable(request.out).c_str());
  }
  return 0;
}

}  // namespace dermasim
