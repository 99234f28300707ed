#pragma once
// The pipeline from a resolved scenario to results: each session's punctures land on the
// tissue, which heals and remodels between sessions and after the last one.

#include <atomic>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/devices/NeedlingSession.hpp"
#include "core/healing/Adjuncts.hpp"
#include "core/parameters/ModelParameters.hpp"
#include "core/readout/SkinReadout.hpp"
#include "core/readout/SkinSnapshot.hpp"
#include "core/scenario/Scenario.hpp"

namespace dermasim {

struct SessionResult {
  int index = 0;
  double day = 0;
  DeviceSettings device;
  SessionPunctures needling;
  double blood_released_mm3 = 0;
  // How fractional the injury is: surface over open lumen an hour after, and papillary dermis
  // injured (HealingModel's SessionInjury).
  double open_surface_fraction = 0;
  double injured_area_fraction = 0;
  // How deep the needles went against the layers: whether any reached the subcutis, how far
  // the deepest went below the dermis (0 if none did), and the share of punctures that did.
  bool subcutis_reached = false;
  double track_depth_below_dermis_mm = 0;
  double subcutis_puncture_fraction = 0;
  // What a serum put on right after the session took in (all zero without one), and whether
  // platelet-rich plasma went on.
  SerumUptake serum;
  bool prp = false;
  double downtime_days = 0;  // until erythema falls below 0.1
  double peak_erythema = 0;
};

struct Outcome {
  double improvement_pct = 0;
  double collagen_rel = 1;
  double collagen1_rel = 1, collagen3_rel = 1, elastin_rel = 1;
  double papillary_collagen_rel = 1;
  double epidermis_rel = 1;
  double roughness_um = 0, baseline_roughness_um = 0;
  double scar_depth_um = 0, baseline_scar_depth_um = 0;
  // By scar type (0 when the type is absent), and the missing volume (1 = untreated).
  double scar_depth_rolling_um = 0, baseline_scar_depth_rolling_um = 0;
  double scar_depth_boxcar_um = 0, baseline_scar_depth_boxcar_um = 0;
  double scar_depth_icepick_um = 0, baseline_scar_depth_icepick_um = 0;
  double scar_volume_rel = 1;
  // Harm (HarmRisk.hpp): indices 0..1 from the inflammation carried over the run, and the
  // highest mean dermal infiltrate any reading showed.
  double pih_risk = 0, fibrosis_risk = 0;
  double peak_inflammation = 0;
};

struct RunResult {
  ModelParameters parameters;
  Patch patch;
  Grid grid;
  std::vector<SessionResult> sessions;
  // Day 0 (untreated) first, then after every step, with readings interpolated inside a step
  // longer than a day (appendReadingsInside).
  std::vector<SkinReading> timeseries;
  std::vector<double> step_days;  // the day each model step ended: the readings not interpolated
  Outcome outcome;
  std::vector<SkinSnapshot> snapshots;  // at the requested days, in order
};

struct RunOptions {
  // Days at which to capture the skin for drawing (day 0 is the untreated skin). The steps land
  // on each day, so each snapshot is a model state, unless interpolate_snapshots. Out-of-range
  // days are clamped.
  std::vector<double> snapshot_days;
  // The viewer draws every day without forcing 1-day steps: the run takes the steps it takes
  // without snapshots, and a day inside a step is interpolated from the step's two ends
  // (interpolate(SkinSnapshot)). Off, `dermasim render` draws model states.
  bool interpolate_snapshots = false;
  // Vertical sections each snapshot keeps, spread evenly across the patch (see sectionRows):
  // 1 for an image, more for a viewer that moves the section.
  int section_count = 1;
  // When set, each snapshot is handed to it as it is taken instead of kept in
  // RunResult::snapshots: a caller drawing many days holds one at a time.
  std::function<void(SkinSnapshot&&)> on_snapshot;
};

// What a run tells its caller and asks it. simulate() reports how far it has got and, before
// every time step and session, asks whether to stop, so a caller on another thread (the viewer
// replacing a run) can end it within one step without unwinding it through an exception.
//
//   Progress progress([](double fraction, std::string_view what) { show(fraction, what); });
//   std::jthread run([&] { result = simulate(scenario, progress); });
//   progress.requestCancel();  // from any thread; the run then returns std::nullopt
class Progress {
 public:
  using ReportFn = std::function<void(double fraction, std::string_view what)>;

  Progress() = default;
  explicit Progress(ReportFn report) : report_(std::move(report)) {}
  // A part of the job `whole` reports: it stops whenever `whole` is asked to, and its fraction
  // done shows on `whole` as from + (to - from) x done, under `what` (its own words when empty).
  Progress(const Progress& whole, double from, double to, std::string what = {});
  // A part that stops with `whole` but reports nothing to it (parts running side by side).
  static Progress quietPartOf(const Progress& whole) { return Progress(&whole); }
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  // The fraction done (0..1) and what is being worked on; called on the simulating thread.
  void report(double fraction, std::string_view what) const {
    if (report_) report_(fraction, what);
  }
  // Safe from any thread; the run stops before its next step or session.
  void requestCancel() noexcept { cancel_.store(true, std::memory_order_relaxed); }
  bool cancelRequested() const noexcept {
    return cancel_.load(std::memory_order_relaxed) ||
           (whole_ != nullptr && whole_->cancelRequested());
  }

 private:
  explicit Progress(const Progress* whole) : whole_(whole) {}

  ReportFn report_;
  const Progress* whole_ = nullptr;  // the job this is a part of, if any
  std::atomic<bool> cancel_{false};
};

// Both run on the calling thread's OpenMP thread count (omp_set_num_threads), fewer while other
// programs hold the cores (numerics/ThreadGovernor.hpp), and leave that count as they found it;
// the numbers are the same on any count.
//
// Runs to the end: nothing asks it to stop.
RunResult simulate(const Scenario& scenario, const RunOptions& options = {});
// Runs until done or until `progress` asks it to stop; a cancelled run returns std::nullopt.
// Errors (a bad parameter override) are still thrown.
std::optional<RunResult> simulate(const Scenario& scenario, const Progress& progress,
                                  const RunOptions& options = {});

// Time steps simulate() takes for `scenario`, and the readings it keeps (one per step and one
// per day inside a step longer than a day), without simulating (for resource estimates).
struct StepCount {
  std::size_t steps = 0;
  std::size_t readings = 0;  // the untreated skin's included
};
StepCount countTimeSteps(const Scenario& scenario, const ModelParameters& parameters);

// Readings at most a day apart between two taken at the ends of one model step: a step longer
// than a day (the quiet weeks between sessions) gets ceil(length) - 1 evenly spaced readings
// inside it, each linearly interpolated from the two ends, appended to `series` before `after`
// is. A step of a day or less adds nothing. `before` is taken by value: it is usually the
// series' own last reading, which growing the series would move.
void appendReadingsInside(SkinReading before, const SkinReading& after,
                          std::vector<SkinReading>& series);

// Days after `sessionDay` until erythema first falls below `threshold` after rising to it
// (readout/FallBelow.hpp, an exponential fade between readings); 0 when it never rises to it,
// the whole interval when it is still above it at `nextSessionDay`.
double downtimeDays(const std::vector<SkinReading>& series, double sessionDay,
                    double nextSessionDay, double threshold = 0.1);

}  // namespace dermasim
