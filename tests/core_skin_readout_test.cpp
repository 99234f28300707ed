// The readings a clinician would take, here the scar profilometry: depth and volume against the
// skin around each scar, as PRIMOS measures them. Synthetic height maps on small grids, so each
// case knows its answer; one short run checks SkinReadout reports them.

#include <catch2/catch.hpp>

#include <cmath>
#include <numbers>
#include <vector>

#include "core/Simulation.hpp"
#include "core/readout/ScarProfilometry.hpp"
#include "io/ScenarioFile.hpp"

using namespace dermasim;

namespace {

// A 0.1 mm grid: coarse, but the rings (0.5-1 mm out) are still 5 columns wide.
Grid surface(int n) { return Grid{n, n, 1, 0.1, 0.05}; }

double distanceMm(const Grid& g, int i, int j, const Scar& s) {
  return std::hypot((i + 0.5) * g.dx_mm - s.x_mm, (j + 0.5) * g.dx_mm - s.y_mm);
}

// Flat-floored pits (steep walls) of each scar's depth and width, on flat skin at height 0,
// and the footprints they leave. The scars are placed well clear of the patch's sides.
struct SyntheticSkin {
  Grid grid;
  std::vector<Scar> scars;
  Field index, height;

  SyntheticSkin(int n, std::vector<Scar> drawn)
      : grid(surface(n)), scars(std::move(drawn)), index(grid.zeros2()), height(grid.zeros2()) {
    for (int j = 0; j < grid.ny; ++j)
      for (int i = 0; i < grid.nx; ++i)
        for (std::size_t s = 0; s < scars.size(); ++s)
          if (distanceMm(grid, i, j, scars[s]) < 0.5 * scars[s].width_mm) {
            const auto c = static_cast<Eigen::Index>(grid.column(i, j));
            index[c] = static_cast<float>(s + 1);
            height[c] = static_cast<float>(-scars[s].depth_mm);
          }
  }
  ScarProfilometry profilometry() const { return ScarProfilometry(grid, index, scars); }
  Eigen::Index column(int i, int j) const { return static_cast<Eigen::Index>(grid.column(i, j)); }
};

// One boxcar scar 1.6 mm across and 0.2 mm deep in the middle of a 4 mm patch.
SyntheticSkin oneBoxcar() {
  return SyntheticSkin(40, {Scar{2.0, 2.0, ScarType::Boxcar, 0.2, 1.6}});
}

}  // namespace

TEST_CASE("ScarProfilometry: a flat-floored scar on flat skin reads its depth and volume",
          "[readout]") {
  SyntheticSkin skin = oneBoxcar();
  ScarProfilometry prof = skin.profilometry();
  REQUIRE(prof.measured(0));
  CHECK(prof.ringColumns(0) > 100);
  const ScarReadings r = prof.measure(skin.height);
  CHECK(r.measured == 1);
  CHECK(r.mean_depth_um == Approx(200.0).margin(0.01));
  CHECK(r.boxcar_depth_um == Approx(200.0).margin(0.01));
  // A cylinder: its drawn columns times their area times its depth.
  const double drawn = static_cast<double>((skin.index > 0.0F).count());
  CHECK(r.volume_mm3 == Approx(drawn * 0.01 * 0.2).epsilon(1e-6));
}

TEST_CASE("ScarProfilometry: refilling a known volume lowers the volume by that fraction",
          "[readout]") {
  SyntheticSkin skin = oneBoxcar();
  ScarProfilometry prof = skin.profilometry();
  const double untreated = prof.measure(skin.height).volume_mm3;
  // New matrix lifts the floor by 0.05 mm inside 0.5 mm of the centre only: a known volume,
  // pi 0.5^2 0.05, of the cylinder's pi 0.8^2 0.2.
  const double filled = std::numbers::pi * 0.5 * 0.5 * 0.05;
  const double expected = 1.0 - filled / (std::numbers::pi * 0.8 * 0.8 * 0.2);
  for (int j = 0; j < skin.grid.ny; ++j)
    for (int i = 0; i < skin.grid.nx; ++i)
      if (distanceMm(skin.grid, i, j, skin.scars[0]) < 0.5) skin.height[skin.column(i, j)] += 0.05F;
  const ScarReadings now = prof.measure(skin.height);
  CHECK(now.volume_mm3 / untreated == Approx(expected).epsilon(0.03));
  // The rim still reaches the old floor, so the depth reads as before: why improvement
  // follows the volume.
  CHECK(now.mean_depth_um == Approx(200.0).margin(0.01));
}

TEST_CASE("ScarProfilometry: skin thickening evenly everywhere changes no depth or volume",
          "[readout]") {
  // The old readout measured against the whole patch; a raised level around the scars, with
  // floors rising as much, must read as no change.
  SyntheticSkin skin(80, {Scar{2.0, 2.0, ScarType::Rolling, 0.15, 1.4},
                          Scar{6.0, 2.0, ScarType::Boxcar, 0.25, 1.2},
                          Scar{4.0, 6.0, ScarType::Icepick, 0.3, 0.8}});
  ScarProfilometry prof = skin.profilometry();
  const ScarReadings before = prof.measure(skin.height);
  REQUIRE(before.measured == 3);
  skin.height += 0.04F;  // e.g. epidermis_gain the same in every column
  const ScarReadings after = prof.measure(skin.height);
  for (std::size_t s = 0; s < 3; ++s) CHECK(prof.depthUm(s) > 100.0);
  CHECK(after.mean_depth_um == Approx(before.mean_depth_um).margin(0.05));
  CHECK(after.rolling_depth_um == Approx(before.rolling_depth_um).margin(0.05));
  CHECK(after.boxcar_depth_um == Approx(before.boxcar_depth_um).margin(0.05));
  CHECK(after.icepick_depth_um == Approx(before.icepick_depth_um).margin(0.05));
  CHECK(after.volume_mm3 == Approx(before.volume_mm3).epsilon(1e-4));
}

TEST_CASE("ScarProfilometry: a tilted surface leaves a scar's depth and volume alone",
          "[readout]") {
  SyntheticSkin skin = oneBoxcar();
  ScarProfilometry prof = skin.profilometry();
  const ScarReadings flat = prof.measure(skin.height);
  // A 5 % slope along x and 2 % along y: across the scar the skin falls 80 um, which a level
  // reference (the ring's mean) would add to its depth on the low side.
  for (int j = 0; j < skin.grid.ny; ++j)
    for (int i = 0; i < skin.grid.nx; ++i)
      skin.height[skin.column(i, j)] += static_cast<float>(0.05 * (i + 0.5) * skin.grid.dx_mm +
                                                           0.02 * (j + 0.5) * skin.grid.dx_mm);
  const ScarReadings tilted = prof.measure(skin.height);
  CHECK(tilted.mean_depth_um == Approx(flat.mean_depth_um).margin(0.5));
  CHECK(tilted.volume_mm3 == Approx(flat.volume_mm3).epsilon(0.005));
}

TEST_CASE("ScarProfilometry: depths by type for a mix, 0 for a type the patch lacks", "[readout]") {
  SyntheticSkin skin(
      80, {Scar{2.0, 2.0, ScarType::Rolling, 0.1, 1.2}, Scar{6.0, 2.0, ScarType::Boxcar, 0.2, 1.2},
           Scar{2.0, 6.0, ScarType::Boxcar, 0.3, 1.2}});
  ScarProfilometry prof = skin.profilometry();
  const ScarReadings r = prof.measure(skin.height);
  CHECK(r.measured == 3);
  CHECK(r.rolling_depth_um == Approx(100.0).margin(0.01));
  CHECK(r.boxcar_depth_um == Approx(250.0).margin(0.01));
  CHECK(r.icepick_depth_um == 0.0);
  CHECK(r.mean_depth_um == Approx(200.0).margin(0.01));
}

TEST_CASE("ScarProfilometry: one needle channel in a scar's floor hardly moves its depth",
          "[readout]") {
  SyntheticSkin skin = oneBoxcar();
  ScarProfilometry prof = skin.profilometry();
  skin.height[skin.column(20, 20)] -= 0.5F;
  // The floor is the deepest tenth of about 200 columns: 0.5 mm in one moves it ~25 um, where
  // the deepest column alone would read 700 um.
  CHECK(prof.measure(skin.height).mean_depth_um < 230.0);
}

TEST_CASE("ScarProfilometry: a crowded ring widens, a scar with no skin left is not measured",
          "[readout]") {
  // A 2 mm patch: the 1.6 mm scar leaves only corners, under 0.5 mm from it.
  SyntheticSkin crowded(20, {Scar{1.0, 1.0, ScarType::Boxcar, 0.2, 1.6}});
  ScarProfilometry widened = crowded.profilometry();
  REQUIRE(widened.measured(0));
  CHECK(widened.measure(crowded.height).mean_depth_um == Approx(200.0).margin(0.01));

  SyntheticSkin covered(20, {Scar{1.0, 1.0, ScarType::Boxcar, 0.2, 3.0}});
  ScarProfilometry none = covered.profilometry();
  CHECK_FALSE(none.measured(0));
  const ScarReadings r = none.measure(covered.height);
  CHECK(r.measured == 0);
  CHECK(r.mean_depth_um == 0.0);
  CHECK(r.volume_mm3 == 0.0);
}

TEST_CASE("SkinReadout: scar improvement is the refilled share of the scars' volume", "[readout]") {
  // Boxcar scars only, on a coarse grid, one session: quick, and the other types are absent.
  const Scenario s = parseScenario(
      "[scenario]\nduration_days = 20\n[patient]\nsite = \"cheek\"\nindication = "
      "\"acne_scars\"\n[patient.scars]\ncount_per_cm2 = 8\nmean_depth_mm = 0.3\n"
      "mix = { rolling = 0, boxcar = 1, icepick = 0 }\n[device]\ntype = \"pen\"\n"
      "needle_length_mm = 1.5\n[schedule]\nsessions = 1\ninterval_days = 30\n[model]\n"
      "patch_size_mm = 5\nlateral_resolution_um = 100\ndepth_resolution_um = 50\n",
      "test.toml");
  const RunResult r = simulate(s);
  const SkinReading& untreated = r.timeseries.front();
  CHECK(untreated.scar_volume_rel == 1.0);
  CHECK(untreated.improvement_pct == Approx(0.0).margin(1e-9));
  CHECK(untreated.scar_depth_boxcar_um > 100.0);
  CHECK(untreated.scar_depth_um == Approx(untreated.scar_depth_boxcar_um));
  for (const SkinReading& reading : r.timeseries) {
    CHECK(reading.scar_depth_rolling_um == 0.0);
    CHECK(reading.scar_depth_icepick_um == 0.0);
    CHECK(reading.improvement_pct == Approx(100.0 * (1.0 - reading.scar_volume_rel)));
  }
  CHECK(r.outcome.scar_volume_rel == r.timeseries.back().scar_volume_rel);
  CHECK(r.outcome.baseline_scar_depth_boxcar_um == untreated.scar_depth_boxcar_um);
}
