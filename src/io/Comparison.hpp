#pragma once
// Two runs side by side, as `dermasim compare` writes them: comparison.csv (the metrics of both
// on one day axis), comparison.json (both outcomes and B - A) and the figures of its summary.
//
//   const ComparedRun a{scenarioA, resultA}, b{scenarioB, resultB};
//   StagedFolder staged(dir, "--out", comparisonOutputNames());
//   stageComparisonFiles(staged, a, b, findingsFor(scenarioA), findingsFor(scenarioB));
//   staged.commit();  // dir/a/, dir/b/, dir/comparison.csv and .json as one set
//
// Days: the two runs take their time steps at different days, so comparison.csv's rows are the
// union of both runs' days, sorted. At a day a run has a reading for, its columns are that
// reading exactly; between two readings they are linearly interpolated; past a run's last
// reading they are empty.

#include <optional>
#include <string>
#include <vector>

#include "core/Simulation.hpp"
#include "core/scenario/Scenario.hpp"
#include "guidance/Advisories.hpp"
#include "io/AtomicFile.hpp"

namespace dermasim {

struct ComparedRun {
  const Scenario& scenario;
  const RunResult& result;
};

// The reading at `day`, linear between the two readings around it; nullopt outside the series.
std::optional<SkinReading> readingAt(const std::vector<SkinReading>& series, double day);

// Both series' days, sorted, days closer than the written precision counted once.
std::vector<double> unionOfDays(const std::vector<SkinReading>& a,
                                const std::vector<SkinReading>& b);

// One line of the summary: a figure for A and for B (nullopt where it does not apply, e.g. a
// day past the scenario's end), in `unit`, shown with `decimals`.
struct ComparedFigure {
  std::string key;    // for comparison.json: "improvement_pct_day90"
  std::string label;  // for people: "improvement at 3 months"
  std::string unit;
  int decimals;
  std::optional<double> a, b;
  std::optional<double> difference() const {
    if (!a || !b) return std::nullopt;
    return *b - *a;
  }
};

// Punctures, needling time, peak redness and downtime per session; collagen gain and
// improvement at 1, 3 and 6 months; the harm risks.
std::vector<ComparedFigure> comparedFigures(const ComparedRun& a, const ComparedRun& b);

// Seconds of needling per cm2 of skin in one session (all passes) by the device's geometry;
// nullopt for a roller, whose rolling speed the model does not know.
std::optional<double> needlingSecondsPerCm2(const DeviceSettings& device);

std::string comparisonCsv(const RunResult& a, const RunResult& b);
std::string comparisonJson(const ComparedRun& a, const ComparedRun& b);

// What a compare folder holds: a/ and b/ as `run` writes them, and the comparison files.
const std::vector<std::string>& comparisonOutputNames();

// Writes the whole set into `staged`; the caller commits it.
void stageComparisonFiles(StagedFolder& staged, const ComparedRun& a, const ComparedRun& b,
                          const std::vector<Advisory>& advisoriesA,
                          const std::vector<Advisory>& advisoriesB);

}  // namespace dermasim
