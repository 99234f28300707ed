#include "core/Simulation.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>

#include "core/TimeStepParameters.hpp"
#include "core/healing/HarmRisk.hpp"
#include "core/healing/HealingModel.hpp"
#include "core/numerics/ThreadGovernor.hpp"
#include "core/readout/FallBelow.hpp"
#include "core/readout/SnapshotCapture.hpp"
#include "core/tissue/BaselineSkin.hpp"

namespace dermasim {
namespace {

// Time steps short right after a session, growing as the skin settles: a step taken t days
// after the session is min(max, first + (growth - 1) t), which for scale 1 is the geometric
// sequence first, first x growth, ... . `scale` (model.time_step_scale) multiplies the step at
// every moment, so 0.5 truly halves every step (scaling only the first would leave the later
// steps of a geometric sequence as they were).
class StepSchedule {
 public:
  StepSchedule(const TimeStepParameters& p, double scale)
      : first_(p.first_step_days), growth_(p.step_growth), max_(p.max_step_days), scale_(scale) {}
  void restart() { since_ = 0; }
  double take(double remaining) {
    const double wanted = scale_ * std::min(max_, first_ + (growth_ - 1.0) * since_);
    const double dt = std::min(wanted, remaining);
    since_ += dt;
    return dt;
  }

 private:
  double first_, growth_, max_, scale_;
  double since_ = 1e30;  // long after any session: the longest steps
};

// Serum and PRP go on right after the needles, while the channels are at their widest.
void applyAdjuncts(const Adjuncts& adjuncts, const AdjunctParameters& params, HealingModel& model,
                   SessionResult& s) {
  if (adjuncts.serum == Serum::None && !adjuncts.prp) return;
  Field lumen;
  model.lumenNow(lumen);
  if (adjuncts.prp) {
    model.addGrowthFactors(lumen, params.prp_growth_factor_load);
    s.prp = true;
  }
  if (adjuncts.serum != Serum::None)
    s.serum = serumUptake(lumen, model.grid(), model.channels().meanBarrierOpenDays(),
                          params.serumDiffusivityUm2s(adjuncts.serum), s.needling.stats.per_cm2);
}

}  // namespace

double downtimeDays(const std::vector<SkinReading>& series, double sessionDay,
                    double nextSessionDay, double threshold) {
  const FallBelow f = fallBelow(series, sessionDay, nextSessionDay, &SkinReading::erythema,
                                threshold, Fade::Exponential);
  if (!f.rose) return 0.0;
  return f.day.value_or(nextSessionDay) - sessionDay;
}

Progress::Progress(const Progress& whole, double from, double to, std::string what)
    : report_([&whole, from, to, what = std::move(what)](double done, std::string_view own) {
        whole.report(from + (to - from) * done, what.empty() ? own : std::string_view(what));
      }),
      whole_(&whole) {}

RunResult simulate(const Scenario& scenario, const RunOptions& options) {
  const Progress uninterrupted;
  return *simulate(scenario, uninterrupted, options);
}

std::optional<RunResult> simulate(const Scenario& scenario, const Progress& progress,
                                  const RunOptions& options) {
  RunResult result;
  result.parameters = ModelParameters::withOverrides(scenario.parameter_overrides);
  const ModelParameters& params = result.parameters;

  // Fewer threads while other programs hold the cores; the numbers are the same on any count.
  ThreadGovernor governor;
  progress.report(0.0, "building the untreated skin");
  // The model's own sub-steps (the mediators') are time steps too: the scale halves them with
  // the rest, so a convergence check halves every step the solution depends on.
  HealingModel model(makeBaselineSkin(scenario, params), params, scenario.model.time_step_scale);
  result.grid = model.grid();
  result.patch = Patch{model.grid().sizeXMm()};
  SkinReadout readout(model, scenario.patient.fitzpatrick, params);
  result.timeseries.push_back(readout.read(model));
  governor.afterStep();

  std::vector<double> wanted = options.snapshot_days;
  std::sort(wanted.begin(), wanted.end());
  std::size_t nextSnapshot = 0;
  const std::vector<int> rows = sectionRows(model.grid().ny, options.section_count);
  // Whether a session has changed the model since the last reading (its needles, serum, PRP).
  bool changedSinceReading = false;
  const auto capture = [&]() {
    const SkinReading& reading =
        changedSinceReading ? readout.read(model) : result.timeseries.back();
    SkinSnapshot shot = takeSnapshot(model, readout, reading, rows);
    shot.needle = needleReachOn(scenario.sessions, params, model.day());
    return shot;
  };
  const auto deliver = [&](SkinSnapshot&& shot) {
    if (options.on_snapshot)
      options.on_snapshot(std::move(shot));
    else
      result.snapshots.push_back(std::move(shot));
    ++nextSnapshot;
  };
  // The model as it is now for every wanted day reached (and all still wanted at the run's end).
  // `now`, when given, is a snapshot already taken of the model as it is.
  const auto snapshotDue = [&](const SkinSnapshot* now = nullptr) {
    while (nextSnapshot < wanted.size() && (model.day() >= wanted[nextSnapshot] - 1e-9 ||
                                            model.day() >= scenario.duration_days - 1e-9))
      deliver(now ? SkinSnapshot(*now) : capture());
  };
  // A wanted day strictly before `day` (and after the model's: the earlier ones are taken).
  const auto wantedBefore = [&](double day) {
    return nextSnapshot < wanted.size() && wanted[nextSnapshot] < day - 1e-9;
  };
  // Day 0 shows the untreated skin, before the first session's needles.
  snapshotDue();

  StepSchedule steps(TimeStepParameters::from(params), scenario.model.time_step_scale);
  const AdjunctParameters adjunctParams = AdjunctParameters::from(params);
  // False when cancelled on the way.
  const auto advanceTo = [&](double until) {
    while (model.day() < until - 1e-9) {
      if (progress.cancelRequested()) return false;
      const double start = model.day();
      // Without interpolation, land exactly on the next snapshot day if it comes first. With it,
      // take the steps a run without snapshots takes, and draw the days inside a step from the
      // snapshots of its two ends.
      double stop = until;
      if (!options.interpolate_snapshots && nextSnapshot < wanted.size() &&
          wanted[nextSnapshot] > start + 1e-9)
        stop = std::min(stop, wanted[nextSnapshot]);
      const double dt = steps.take(stop - start);
      // The model at the step's start, captured only when a wanted day falls inside the step.
      std::optional<SkinSnapshot> before;
      if (options.interpolate_snapshots && wantedBefore(start + dt)) before = capture();
      model.step(dt);
      changedSinceReading = false;
      SkinReading reading = readout.read(model);
      appendReadingsInside(result.timeseries.back(), reading, result.timeseries);
      result.timeseries.push_back(reading);
      result.step_days.push_back(model.day());
      std::optional<SkinSnapshot> after;
      if (before) {
        after = capture();
        while (wantedBefore(model.day())) {
          SkinSnapshot shot = interpolate(*before, *after, (wanted[nextSnapshot] - start) / dt);
          shot.needle = needleReachOn(scenario.sessions, params, shot.day);
          deliver(std::move(shot));
        }
      }
      // A wanted day on the step's end is the snapshot just taken, not a second capture.
      snapshotDue(after ? &*after : nullptr);
      governor.afterStep();
      progress.report(model.day() / scenario.duration_days, "healing");
    }
    return true;
  };

  for (std::size_t i = 0; i < scenario.sessions.size(); ++i) {
    const SessionPlan& plan = scenario.sessions[i];
    if (!advanceTo(plan.day) || progress.cancelRequested()) return std::nullopt;
    progress.report(
        model.day() / scenario.duration_days,
        "session " + std::to_string(i + 1) + " of " + std::to_string(scenario.sessions.size()));
    SessionResult s;
    s.index = static_cast<int>(i);
    s.day = plan.day;
    s.device = plan.device;
    s.needling =
        needleSession(plan.device, params, result.patch, scenario.seed, static_cast<int>(i));
    const SessionInjury injury = model.applySession(s.needling.punctures, scenario.seed);
    s.blood_released_mm3 = injury.blood_released_mm3;
    s.open_surface_fraction = injury.open_surface_fraction;
    s.injured_area_fraction = injury.injured_area_fraction;
    applyAdjuncts(scenario.adjuncts, adjunctParams, model, s);
    changedSinceReading = true;
    const double dermisBottom = model.baseline().layers.totalMm();
    std::size_t below = 0;
    for (const Puncture& p : s.needling.punctures) {
      if (p.depth_mm <= dermisBottom) continue;
      ++below;
      s.track_depth_below_dermis_mm =
          std::max(s.track_depth_below_dermis_mm, p.depth_mm - dermisBottom);
    }
    s.subcutis_reached = below > 0;
    if (!s.needling.punctures.empty())
      s.subcutis_puncture_fraction =
          static_cast<double>(below) / static_cast<double>(s.needling.punctures.size());
    result.sessions.push_back(std::move(s));
    steps.restart();
    governor.afterStep();
  }
  if (!advanceTo(scenario.duration_days)) return std::nullopt;
  snapshotDue();

  for (std::size_t i = 0; i < result.sessions.size(); ++i) {
    SessionResult& s = result.sessions[i];
    const double next =
        i + 1 < result.sessions.size() ? result.sessions[i + 1].day : scenario.duration_days;
    s.downtime_days = downtimeDays(result.timeseries, s.day, next);
    for (const SkinReading& r : result.timeseries)
      if (r.day >= s.day && r.day <= next) s.peak_erythema = std::max(s.peak_erythema, r.erythema);
  }
  const SkinReading& first = result.timeseries.front();
  const SkinReading& last = result.timeseries.back();
  Outcome& o = result.outcome;
  o.improvement_pct = last.improvement_pct;
  o.collagen_rel = last.collagen_rel;
  o.collagen1_rel = last.collagen1_rel;
  o.collagen3_rel = last.collagen3_rel;
  o.elastin_rel = last.elastin_rel;
  o.papillary_collagen_rel = last.papillary_collagen_rel;
  o.epidermis_rel = last.epidermis_rel;
  o.roughness_um = last.roughness_um;
  o.baseline_roughness_um = first.roughness_um;
  o.scar_depth_um = last.scar_depth_um;
  o.baseline_scar_depth_um = first.scar_depth_um;
  o.scar_depth_rolling_um = last.scar_depth_rolling_um;
  o.baseline_scar_depth_rolling_um = first.scar_depth_rolling_um;
  o.scar_depth_boxcar_um = last.scar_depth_boxcar_um;
  o.baseline_scar_depth_boxcar_um = first.scar_depth_boxcar_um;
  o.scar_depth_icepick_um = last.scar_depth_icepick_um;
  o.baseline_scar_depth_icepick_um = first.scar_depth_icepick_um;
  o.scar_volume_rel = last.scar_volume_rel;
  const HarmRisk risk = harmRisk(model.inflammationDose(), scenario.patient.fitzpatrick,
                                 HarmParameters::from(params));
  o.pih_risk = risk.pih;
  o.fibrosis_risk = risk.fibrosis;
  for (const SkinReading& r : result.timeseries)
    o.peak_inflammation = std::max(o.peak_inflammation, r.inflammation);
  progress.report(1.0, "done");
  return result;
}

}  // namespace dermasim

namespace dermasim {

namespace {

// Readings inside a step of `length` days, so that they are at most a day apart.
std::size_t readingsInside(double length) {
  return static_cast<std::size_t>(std::max(0.0, std::ceil(length - 1e-9) - 1.0));
}

}  // namespace

StepCount countTimeSteps(const Scenario& scenario, const ModelParameters& parameters) {
  // The same stepping as simulate(), without the model: sessions restart the short steps.
  StepSchedule steps(TimeStepParameters::from(parameters), scenario.model.time_step_scale);
  StepCount count;
  count.readings = 1;
  double day = 0;
  const auto advanceTo = [&](double until) {
    while (day < until - 1e-9) {
      const double dt = steps.take(until - day);
      day += dt;
      ++count.steps;
      count.readings += 1 + readingsInside(dt);
    }
  };
  for (const SessionPlan& plan : scenario.sessions) {
    advanceTo(plan.day);
    steps.restart();
  }
  advanceTo(scenario.duration_days);
  return count;
}

void appendReadingsInside(SkinReading before, const SkinReading& after,
                          std::vector<SkinReading>& series) {
  const std::size_t inside = readingsInside(after.day - before.day);
  for (std::size_t j = 1; j <= inside; ++j)
    series.push_back(
        interpolate(before, after, static_cast<double>(j) / static_cast<double>(inside + 1)));
}

}  // namespace dermasim
