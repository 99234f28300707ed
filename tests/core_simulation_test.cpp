// The whole pipeline on the built-in scenarios and on untreated skin.

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "TimeseriesSupport.hpp"
#include "core/Simulation.hpp"
#include "core/healing/HealingModel.hpp"
#include "core/readout/SkinReadout.hpp"
#include "core/readout/SnapshotCapture.hpp"
#include "core/tissue/BaselineSkin.hpp"
#include "io/ScenarioFile.hpp"

using namespace dermasim;

namespace {

// The default pen scenario cut to its first session and `days`, on a coarse grid and a small
// patch (cheap enough for the sanitizer run).
Scenario onePenSession(double days) {
  Scenario s = loadBuiltinScenario("acne_scars_pen");
  s.model.lateral_resolution_um = 50;
  s.model.patch_size_mm = 8;
  s.duration_days = days;
  s.sessions.resize(1);
  return s;
}

}  // namespace

TEST_CASE("Simulation: untreated skin is a steady state", "[series][simulation]") {
  for (const char* name : {"acne_scars_pen", "thigh_stretch_marks_roller", "forehead_lines_pen"}) {
    Scenario s = loadBuiltinScenario(name);
    s.model.lateral_resolution_um = 50;  // quicker; the invariant does not depend on it
    s.sessions.clear();
    s.duration_days = 60;
    const RunResult r = simulate(s);
    const SkinReading& first = r.timeseries.front();
    const SkinReading& last = r.timeseries.back();
    INFO(name);
    CHECK(last.day == Approx(60));
    const auto same = [](double a, double b) {
      return std::abs(a - b) <= 1e-6 * std::max(1.0, std::abs(a));
    };
    CHECK(same(first.redness_a, last.redness_a));
    CHECK(same(first.roughness_um, last.roughness_um));
    CHECK(same(first.scar_depth_um, last.scar_depth_um));
    CHECK(same(first.collagen_rel, last.collagen_rel));
    CHECK(same(first.elastin_rel, last.elastin_rel));
    CHECK(last.erythema == 0.0);
    CHECK(last.improvement_pct == Approx(0.0).margin(1e-4));
  }
}

TEST_CASE("Simulation: outputs at least daily, finer after sessions", "[series][simulation]") {
  Scenario s = loadBuiltinScenario("acne_scars_pen");
  s.model.lateral_resolution_um = 50;
  const RunResult r = simulate(s);
  CHECK(r.timeseries.front().day == 0.0);
  CHECK(r.timeseries.back().day == Approx(s.duration_days));
  int withinFirstDay = 0;
  for (std::size_t i = 1; i < r.timeseries.size(); ++i) {
    REQUIRE(r.timeseries[i].day - r.timeseries[i - 1].day <= 1.0 + 1e-9);
    if (r.timeseries[i].day <= 1.0) ++withinFirstDay;
  }
  CHECK(withinFirstDay >= 8);
  REQUIRE(r.sessions.size() == 4);
  // Pen sessions at 1.0-1.5 mm redden the skin for one to three days.
  for (const SessionResult& session : r.sessions) {
    CHECK(session.downtime_days > 1.0);
    CHECK(session.downtime_days < 3.0);
  }
}

TEST_CASE("Simulation: acne scars grow shallower over a series and keep improving",
          "[series][simulation]") {
  Scenario s = loadBuiltinScenario("acne_scars_pen");
  s.model.lateral_resolution_um = 50;
  const RunResult r = simulate(s);
  const auto at = [&](double day) {
    const SkinReading* best = &r.timeseries.front();
    for (const SkinReading& x : r.timeseries)
      if (std::abs(x.day - day) < std::abs(best->day - day)) best = &x;
    return *best;
  };
  CHECK(r.timeseries.front().scar_depth_um > 100.0);
  CHECK(r.outcome.improvement_pct > 20.0);
  CHECK(r.outcome.improvement_pct < 90.0);
  // Results keep improving after the last session (day 84).
  CHECK(at(180).improvement_pct > at(110).improvement_pct);
  CHECK(r.outcome.collagen_rel > 1.05);
}

TEST_CASE("Simulation: one session's scars show no change in the first week, then fill for months",
          "[series][simulation]") {
  // Visible results come from 4-6 weeks and keep improving for months (calibration sheet 3):
  // new matrix lifts the surface only once remodelling has refilled the deficit and the new
  // collagen has cross-linked.
  Scenario s = loadBuiltinScenario("acne_scars_pen");
  s.sessions.resize(1);
  s.duration_days = 180;
  const RunResult r = simulate(s);
  const auto improvement = [&](double day) {
    return readingOn(r, day, &SkinReading::improvement_pct);
  };
  CHECK(improvement(7) < 5.0);
  CHECK(readingOn(r, 7, &SkinReading::collagen_rel) > 1.02);  // while collagen is laid down
  CHECK(improvement(42) > improvement(7) + 2.0);
  CHECK(improvement(90) > improvement(42));
  CHECK(improvement(180) > improvement(90));
}

TEST_CASE("Simulation: snapshots for drawing at the requested days", "[simulation]") {
  const Scenario s = onePenSession(20);
  RunOptions options;
  options.snapshot_days = {7, 0, 1, 500};
  const RunResult r = simulate(s, options);
  REQUIRE(r.snapshots.size() == 4);
  CHECK(r.snapshots[0].day == 0.0);
  CHECK(r.snapshots[1].day == Approx(1.0));
  CHECK(r.snapshots[2].day == Approx(7.0));
  CHECK(r.snapshots[3].day == Approx(20.0));  // clamped to the end
  const SkinSnapshot& untreated = r.snapshots[0];
  const auto columns = static_cast<std::size_t>(untreated.nx * untreated.ny);
  REQUIRE(untreated.height_mm.size() == columns);
  REQUIRE(untreated.srgb.size() == 3 * columns);
  REQUIRE(untreated.sections.size() == 1);
  CHECK(untreated.sections[0].row == untreated.ny / 2);
  REQUIRE(untreated.sections[0].collagen1.size() ==
          static_cast<std::size_t>(untreated.nx * untreated.nz));
  // Skin-coloured, redder after the session than a week later.
  CHECK(untreated.srgb[0] > untreated.srgb[1]);
  CHECK(untreated.srgb[1] > untreated.srgb[2]);
  const auto mean = [](const std::vector<float>& v) {
    double sum = 0;
    for (float x : v) sum += static_cast<double>(x);
    return sum / static_cast<double>(v.size());
  };
  CHECK(mean(r.snapshots[1].erythema) > mean(r.snapshots[2].erythema) + 0.1);
  // The section runs from epidermis at the top into dermis.
  CHECK(untreated.sections[0].epidermis.front() == 1.0F);
  CHECK(untreated.sections[0].epidermis.back() == 0.0F);
  CHECK(mean(r.snapshots[1].sections[0].injury) > 0.0);
}

TEST_CASE("Simulation: snapshots handed to a caller as they are taken, none kept", "[simulation]") {
  const Scenario s = onePenSession(10);
  RunOptions kept;
  kept.snapshot_days = {0, 2, 9};
  const RunResult stored = simulate(s, kept);

  RunOptions handed = kept;
  std::vector<SkinSnapshot> received;
  handed.on_snapshot = [&](SkinSnapshot&& shot) { received.push_back(std::move(shot)); };
  const RunResult streamed = simulate(s, handed);
  CHECK(streamed.snapshots.empty());
  REQUIRE(received.size() == stored.snapshots.size());
  for (std::size_t i = 0; i < received.size(); ++i) {
    CHECK(received[i].day == stored.snapshots[i].day);
    CHECK(received[i].height_mm == stored.snapshots[i].height_mm);
    CHECK(received[i].srgb == stored.snapshots[i].srgb);
  }
  CHECK(streamed.outcome.improvement_pct == stored.outcome.improvement_pct);
}

TEST_CASE("simulate: snapshots keep sections spread across the patch", "[simulation][snapshot]") {
  CHECK(sectionRows(200, 1) == std::vector<int>{100});
  CHECK(sectionRows(200, 4) == std::vector<int>{25, 75, 125, 175});
  CHECK(sectionRows(3, 10) == std::vector<int>{0, 1, 2});  // at most one per row
  CHECK(sectionRows(50, 0) == std::vector<int>{25});

  Scenario s = loadBuiltinScenario("acne_scars_pen");
  s.model.lateral_resolution_um = 50;
  s.duration_days = 2;
  s.sessions.resize(1);
  RunOptions options;
  options.snapshot_days = {1};
  options.section_count = 4;
  const RunResult r = simulate(s, options);
  REQUIRE(r.snapshots.size() == 1);
  const SkinSnapshot& snap = r.snapshots[0];
  REQUIRE(snap.sections.size() == 4);
  const std::vector<int> rows = sectionRows(snap.ny, 4);
  for (std::size_t i = 0; i < 4; ++i) CHECK(snap.sections[i].row == rows[i]);
  // The nearest stored section to a position across the patch.
  CHECK(snap.sectionNear(0.0).row == rows[0]);
  CHECK(snap.sectionNear(0.3).row == rows[1]);
  CHECK(snap.sectionNear(0.6).row == rows[2]);
  CHECK(snap.sectionNear(1.0).row == rows[3]);
  // Different rows cut different tissue after a session.
  CHECK(snap.sections[0].injury != snap.sections[2].injury);
}

namespace {

// Two of the default series' sessions and two weeks after, on a small coarse patch: long steps
// in the quiet weeks, in a few seconds.
Scenario twoSessionsSmallPatch() {
  Scenario s = loadBuiltinScenario("acne_scars_pen");
  s.model.lateral_resolution_um = 100;
  s.model.patch_size_mm = 8;
  s.duration_days = 42;
  s.sessions.resize(2);  // days 0 and 28
  return s;
}

void checkSameSnapshot(const SkinSnapshot& x, const SkinSnapshot& y) {
  INFO("day " << x.day);
  CHECK(x.day == y.day);
  CHECK(x.height_mm == y.height_mm);
  CHECK(x.srgb == y.srgb);
  CHECK(x.erythema == y.erythema);
  CHECK(x.surface_blood_um == y.surface_blood_um);
  REQUIRE(x.sections.size() == y.sections.size());
  for (std::size_t n = 0; n < x.sections.size(); ++n) {
    CHECK(x.sections[n].collagen1 == y.sections[n].collagen1);
    CHECK(x.sections[n].injury == y.sections[n].injury);
  }
  CHECK(x.reading.erythema == y.reading.erythema);
  CHECK(x.needle.session == y.needle.session);
  CHECK(x.needle.planned == y.needle.planned);
}

}  // namespace

TEST_CASE("simulate: interpolated snapshots keep the steps of a run without snapshots",
          "[simulation][snapshot]") {
  const Scenario s = twoSessionsSmallPatch();
  const RunResult plain = simulate(s);

  // A step longer than a day with a whole day strictly inside it, in the quiet weeks.
  std::size_t longStep = 0;
  for (std::size_t i = 1; i < plain.step_days.size() && longStep == 0; ++i) {
    const double t0 = plain.step_days[i - 1], t1 = plain.step_days[i];
    if (t1 - t0 > 2.0 && std::floor(t1) - t0 > 1e-6 && std::floor(t1) < t1 - 1e-6) longStep = i;
  }
  REQUIRE(longStep > 0);
  const double t0 = plain.step_days[longStep - 1], t1 = plain.step_days[longStep];
  const double inside = std::floor(t1);

  // Every day, 6 hours after each session, and the long step's two ends (model states).
  std::vector<double> days{t1, 28.25, t0, 0.25};
  for (int d = 0; d <= 42; ++d) days.push_back(d);
  RunOptions options;
  options.snapshot_days = days;
  options.section_count = 2;
  options.interpolate_snapshots = true;
  std::vector<SkinSnapshot> shots;
  options.on_snapshot = [&](SkinSnapshot&& shot) { shots.push_back(std::move(shot)); };
  const RunResult interpolated = simulate(s, options);

  CHECK(interpolated.step_days == plain.step_days);
  CHECK(interpolated.timeseries.size() == plain.timeseries.size());
  CHECK(interpolated.outcome.improvement_pct == plain.outcome.improvement_pct);
  CHECK(interpolated.snapshots.empty());
  std::sort(days.begin(), days.end());
  REQUIRE(shots.size() == days.size());
  for (std::size_t i = 0; i < days.size(); ++i) {
    INFO("snapshot " << i);
    CHECK(shots[i].day == Approx(days[i]).margin(1e-9));
    CHECK(shots[i].reading.day == Approx(days[i]).margin(1e-9));
    CHECK(shots[i].sections.size() == 2);
  }

  // Days that are model states (the untreated skin, a session's day, the end) are taken as a run
  // without interpolation takes them.
  RunOptions exact;
  exact.snapshot_days = {0, 28, 42};
  exact.section_count = 2;
  const RunResult modelStates = simulate(s, exact);
  CHECK(modelStates.step_days == plain.step_days);
  REQUIRE(modelStates.snapshots.size() == 3);
  const auto shotOn = [&](double day) -> const SkinSnapshot& {
    const auto at = std::find_if(shots.begin(), shots.end(), [&](const SkinSnapshot& x) {
      return std::abs(x.day - day) < 1e-9;
    });
    REQUIRE(at != shots.end());
    return *at;
  };
  for (const SkinSnapshot& expected : modelStates.snapshots)
    checkSameSnapshot(shotOn(expected.day), expected);

  // A day inside the long step lies on the line between the step's two ends.
  const SkinSnapshot& a = shotOn(t0);
  const SkinSnapshot& b = shotOn(t1);
  const SkinSnapshot& m = shotOn(inside);
  const double w = (inside - t0) / (t1 - t0);
  // The value a share w of the way from x to y.
  const auto between = [&](float x, float y) {
    return (1 - w) * static_cast<double>(x) + w * static_cast<double>(y);
  };
  std::size_t changing = 0;
  for (std::size_t c = 0; c < m.erythema.size(); ++c) {
    CHECK(m.height_mm[c] == Approx(between(a.height_mm[c], b.height_mm[c])).margin(1e-7));
    CHECK(m.erythema[c] >= std::min(a.erythema[c], b.erythema[c]) - 1e-7F);
    CHECK(m.erythema[c] <= std::max(a.erythema[c], b.erythema[c]) + 1e-7F);
    if (a.height_mm[c] != b.height_mm[c]) ++changing;
  }
  CHECK(changing > 0);  // the skin does change over the step
  const std::vector<float>& collagen = m.sections[1].collagen1;
  for (std::size_t v = 0; v < collagen.size(); ++v)
    CHECK(collagen[v] ==
          Approx(between(a.sections[1].collagen1[v], b.sections[1].collagen1[v])).margin(1e-6));
  CHECK(m.reading.collagen_rel ==
        Approx((1 - w) * a.reading.collagen_rel + w * b.reading.collagen_rel));
  CHECK(m.needle.session == (inside < 28 ? 1 : 2));
  CHECK_FALSE(m.needle.planned);
  // Six hours after the second session, inside a step: its needles; on its day, the first's.
  CHECK(shotOn(28.25).needle.session == 2);
  CHECK(shotOn(28).needle.session == 1);
}

TEST_CASE("simulate: a snapshot inside the first step after the needles shows the needled skin",
          "[simulation][snapshot]") {
  Scenario s = twoSessionsSmallPatch();
  s.sessions.resize(1);
  s.duration_days = 1;
  // Inside the first (10-minute) step after the needles; a run without interpolation cuts the
  // step there and reads the model itself.
  const double day = 0.002;
  RunOptions interpolating;
  interpolating.snapshot_days = {day};
  interpolating.interpolate_snapshots = true;
  RunOptions cut;
  cut.snapshot_days = {day};
  const RunResult a = simulate(s, interpolating);
  const RunResult b = simulate(s, cut);
  REQUIRE(a.snapshots.size() == 1);
  REQUIRE(b.snapshots.size() == 1);
  REQUIRE(a.step_days.front() > day);  // the day is inside the first step
  const double needled = b.snapshots[0].reading.redness_a;
  // The needles change the reading at once (blood on the skin), so a start taken from the
  // reading before them would be far off.
  REQUIRE(std::abs(needled - a.timeseries.front().redness_a) > 0.5);
  CHECK(a.snapshots[0].reading.redness_a == Approx(needled).epsilon(0.05));
}

TEST_CASE("simulate: without interpolation every snapshot day is a model state",
          "[simulation][snapshot]") {
  const Scenario s = twoSessionsSmallPatch();
  RunOptions options;
  for (int d = 0; d <= 42; d += 3) options.snapshot_days.push_back(d + 0.5);
  const RunResult r = simulate(s, options);
  REQUIRE(r.snapshots.size() == options.snapshot_days.size());
  for (std::size_t i = 0; i < r.snapshots.size(); ++i) {
    const double day = r.snapshots[i].day;
    INFO("snapshot " << i << " on day " << day);
    CHECK(day == Approx(std::min(42.0, options.snapshot_days[i])).margin(1e-9));
    CHECK(std::find(r.step_days.begin(), r.step_days.end(), day) != r.step_days.end());
  }
  CHECK(r.step_days.size() > simulate(s).step_days.size());  // the steps were cut
}

namespace {

Scenario quickSeries(int sessions, double days) {
  Scenario s = loadBuiltinScenario("acne_scars_pen");
  s.model.lateral_resolution_um = 50;
  s.model.patch_size_mm = 8;
  s.duration_days = days;
  s.sessions.resize(static_cast<std::size_t>(sessions));
  return s;
}

}  // namespace

TEST_CASE("simulate: a run asked to stop returns nothing, throws nothing, steps no further",
          "[simulation][progress]") {
  const Scenario s = quickSeries(1, 20);
  int healingReports = 0;
  int reportsAfterCancel = 0;
  Progress* self = nullptr;
  Progress progress([&](double, std::string_view what) {
    if (self->cancelRequested()) ++reportsAfterCancel;
    if (what == "healing" && ++healingReports == 3) self->requestCancel();
  });
  self = &progress;
  std::optional<RunResult> result;
  CHECK_NOTHROW(result = simulate(s, progress));
  CHECK_FALSE(result.has_value());
  CHECK(healingReports == 3);
  CHECK(reportsAfterCancel == 0);
}

TEST_CASE("simulate: a run cancelled before it starts stops before the first session",
          "[simulation][progress]") {
  const Scenario s = quickSeries(1, 20);
  std::vector<std::string> seen;
  Progress progress([&](double, std::string_view what) { seen.emplace_back(what); });
  progress.requestCancel();
  CHECK_FALSE(simulate(s, progress).has_value());
  CHECK(seen == std::vector<std::string>{"building the untreated skin"});
}

TEST_CASE("simulate: cancelling between sessions stops before the next session",
          "[simulation][progress]") {
  Scenario s = quickSeries(2, 60);
  std::vector<std::string> sessions;
  Progress* self = nullptr;
  Progress progress([&](double, std::string_view what) {
    if (!what.starts_with("session")) return;
    sessions.emplace_back(what);
    self->requestCancel();  // as session 1 begins: no healing step may follow
  });
  self = &progress;
  CHECK_FALSE(simulate(s, progress).has_value());
  CHECK(sessions == std::vector<std::string>{"session 1 of 2"});
}

TEST_CASE("simulate: a run nobody stops reports up to done and gives the plain run's result",
          "[simulation][progress]") {
  const Scenario s = quickSeries(1, 10);
  double last = -1;
  bool monotone = true;
  std::string lastWhat;
  const Progress progress([&](double fraction, std::string_view what) {
    monotone = monotone && fraction >= last;
    last = fraction;
    lastWhat = what;
  });
  const std::optional<RunResult> asked = simulate(s, progress);
  REQUIRE(asked.has_value());
  CHECK(monotone);
  CHECK(last == 1.0);
  CHECK(lastWhat == "done");
  const RunResult plain = simulate(s);
  REQUIRE(plain.timeseries.size() == asked->timeseries.size());
  CHECK(plain.timeseries.back().collagen_rel == asked->timeseries.back().collagen_rel);
  CHECK(plain.outcome.improvement_pct == asked->outcome.improvement_pct);
}

namespace {

// A small patch and one session keep these depth comparisons quick.
Scenario depthScenario(const std::string& site, double needleMm, double duration = 60) {
  const std::string toml = "[scenario]\nseed = 3\nduration_days = " + std::to_string(duration) +
                           "\n[patient]\nsite = \"" + site +
                           "\"\nindication = \"rejuvenation\"\n"
                           "[device]\ntype = \"pen\"\nneedle_length_mm = " +
                           std::to_string(needleMm) +
                           "\npasses = 2\n[schedule]\nsessions = 1\ninterval_days = 30\n"
                           "[model]\npatch_size_mm = 3\nlateral_resolution_um = 50\n";
  return parseScenario(toml, "depth.toml");
}

}  // namespace

TEST_CASE("simulate: in thick skin deeper needles injure more dermis and lay down more collagen",
          "[simulation][depth]") {
  // The back has the thickest dermis of any site (~3 mm): 1.0 to 2.0 mm needles all stop in it.
  std::vector<RunResult> runs;
  for (double mm : {1.0, 1.5, 2.0}) runs.push_back(simulate(depthScenario("back", mm)));
  for (std::size_t i = 0; i < runs.size(); ++i) {
    INFO("run " << i << ": collagen_rel " << runs[i].outcome.collagen_rel << ", improvement "
                << runs[i].outcome.improvement_pct);
    CHECK_FALSE(runs[i].sessions.front().subcutis_reached);
    CHECK(runs[i].sessions.front().track_depth_below_dermis_mm == 0.0);
  }
  CHECK(runs[0].outcome.collagen_rel > 1.0);
  CHECK(runs[1].outcome.collagen_rel > runs[0].outcome.collagen_rel + 0.02);
  CHECK(runs[2].outcome.collagen_rel > runs[1].outcome.collagen_rel + 0.02);
  CHECK(runs[1].outcome.improvement_pct > runs[0].outcome.improvement_pct);
  CHECK(runs[2].outcome.improvement_pct > runs[1].outcome.improvement_pct);
  // The grid did not grow: no fat was needed.
  CHECK(runs[2].grid.nz == runs[0].grid.nz);
}

TEST_CASE("simulate: in thin skin a needle into the fat adds no collagen, only inflammation",
          "[simulation][depth]") {
  // Periorbital dermis ~0.7 mm: 1.5 mm already crosses it, 2.5 mm goes on into the fat.
  const RunResult usual = simulate(depthScenario("periorbital", 1.5));
  const RunResult deep = simulate(depthScenario("periorbital", 2.5));
  const SessionResult& s = deep.sessions.front();
  CHECK(s.subcutis_reached);
  CHECK(s.subcutis_puncture_fraction > 0.9);
  CHECK(s.track_depth_below_dermis_mm > usual.sessions.front().track_depth_below_dermis_mm + 0.5);
  INFO("collagen_rel 1.5 mm " << usual.outcome.collagen_rel << ", 2.5 mm "
                              << deep.outcome.collagen_rel << "; peak inflammation "
                              << usual.outcome.peak_inflammation << ", "
                              << deep.outcome.peak_inflammation);
  CHECK(deep.outcome.collagen_rel <= usual.outcome.collagen_rel + 0.01);
  CHECK(deep.outcome.peak_inflammation > usual.outcome.peak_inflammation + 0.01);
  CHECK(deep.outcome.fibrosis_risk > usual.outcome.fibrosis_risk);
  CHECK(s.blood_released_mm3 > usual.sessions.front().blood_released_mm3);
}

TEST_CASE("HealingModel: injured fat inflames but lays down no collagen", "[simulation][depth]") {
  const Scenario sc = depthScenario("periorbital", 2.5);
  const ModelParameters params = ModelParameters::withOverrides(sc.parameter_overrides);
  HealingModel model(makeBaselineSkin(sc, params), params);
  const Patch patch{model.grid().sizeXMm()};
  model.applySession(
      needleSession(sc.sessions.front().device, params, patch, sc.seed, 0).punctures);
  const Grid& g = model.grid();
  const DepthProfile& prof = model.baseline().profile;
  const auto columns = static_cast<Eigen::Index>(g.columns());
  // The first wholly fat row is torn, and inflamed over the next days.
  int top = 0;
  while (prof.subcutis[static_cast<std::size_t>(top)] < 1.0F) ++top;
  CHECK(model.state().injury.segment(top * columns, columns).maxCoeff() > 0.5F);
  for (int i = 0; i < 8; ++i) model.step(0.25);
  CHECK(model.onTissueGrid(model.state().inflammation).segment(top * columns, columns).maxCoeff() >
        0.05F);
  for (int i = 0; i < 28; ++i) model.step(1.0);  // a month: fibroblasts have laid down matrix
  int fatRows = 0;
  for (int k = 0; k < g.nz; ++k) {
    if (prof.subcutis[static_cast<std::size_t>(k)] < 1.0F) continue;
    ++fatRows;
    const Eigen::Index o = k * columns;
    INFO("row " << k);
    CHECK(model.state().collagen1.segment(o, columns).maxCoeff() == 0.0F);
    CHECK(model.state().collagen3.segment(o, columns).maxCoeff() == 0.0F);
  }
  REQUIRE(fatRows > 5);
}
