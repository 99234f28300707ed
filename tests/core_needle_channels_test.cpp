// NeedleChannels against its closed forms: when a channel closes and seals, the lumen it
// holds, and that neither the time step nor the grid changes what it reports.

#include <catch2/catch.hpp>
#include <cmath>
#include <numbers>
#include <vector>

#include "core/healing/NeedleChannels.hpp"

using namespace dermasim;

namespace {

constexpr double kHour = 1.0 / 24.0;

// A straight pen puncture of a 0.25 mm needle, 1.35 mm deep, in the middle of a 2 mm patch.
Puncture penPuncture(double depthMm = 1.35) {
  Puncture p;
  p.x_mm = 1.0;
  p.y_mm = 1.0;
  p.depth_mm = depthMm;
  p.opening_length_mm = 0.25;
  p.opening_width_mm = 0.25;
  return p;
}

Grid grid(double dxMm) {
  const int n = static_cast<int>(std::lround(2.0 / dxMm));
  return Grid{n, n, 32, dxMm, 0.05};
}

// Every channel closes at the median speeds, so closure times are exact.
ModelParameters sameSpeeds() {
  return ModelParameters::withOverrides({{"healing.channel_closure_log_sd", 0.0}});
}

NeedleChannels channels(const Grid& g, const ModelParameters& p, const std::vector<Puncture>& at) {
  NeedleChannels c(g, ChannelClosure::from(p), TrackGeometry::from(p));
  c.open(at, 0.0, 7, 0);
  return c;
}

double lumenVolumeMm3(const Field& lumen, const Grid& g) {
  return lumen.cast<double>().sum() * g.dx_mm * g.dx_mm * g.dz_mm;
}

}  // namespace

TEST_CASE("NeedleChannels: a channel closes when its walls meet, seals when its epidermis does",
          "[channels]") {
  const ModelParameters p = sameSpeeds();
  const Grid g = grid(0.05);
  const NeedleChannels c = channels(g, p, {penPuncture()});
  // Lumen radius 0.5 x 125 um; walls at 5 um/h close it in 12.5 h, the floor (40 um/h over
  // 1.35 mm) would take 34 h; the epidermis at 30 um/h seals it in 2.08 h.
  const double closes = 62.5 / p["healing.channel_wall_closure_um_h"] * kHour;
  const double seals = 62.5 / p["healing.barrier_seal_um_h"] * kHour;
  CHECK(c.channelsOpen(closes * 0.999) == 1.0);
  CHECK(c.channelsOpen(closes * 1.001) == 0.0);
  CHECK(c.barrierOpen(seals * 0.999) == 1.0);
  CHECK(c.barrierOpen(seals * 1.001) == 0.0);
  CHECK(c.lastClosureDay() == Approx(closes));
}

TEST_CASE("NeedleChannels: a shallow channel fills from its floor first", "[channels]") {
  const ModelParameters p = sameSpeeds();
  const NeedleChannels c = channels(grid(0.05), p, {penPuncture(0.2)});
  // 0.2 mm at 40 um/h: 5 h, before its walls (radius min(125, 200 tan 15 deg) x 0.5 um) meet.
  const double floorFills = 200.0 / p["healing.channel_floor_closure_um_h"] * kHour;
  CHECK(c.channelsOpen(floorFills * 0.999) == 1.0);
  CHECK(c.channelsOpen(floorFills * 1.001) == 0.0);
}

TEST_CASE("NeedleChannels: the lumen a channel holds is the cone's volume, on any grid",
          "[channels]") {
  const ModelParameters p = sameSpeeds();
  for (double dx : {0.05, 0.025}) {
    const Grid g = grid(dx);
    NeedleChannels c = channels(g, p, {penPuncture()});
    Field lumen;
    REQUIRE(c.meanLumen(0.0, 0.0, lumen));
    // A cylinder of radius 62.5 um down to where the 15-degree tip narrows it, then a cone.
    const double r = 0.0625, tip = 0.125 / std::tan(15.0 * std::numbers::pi / 180.0);
    const double expected =
        std::numbers::pi * r * r * (1.35 - tip) + std::numbers::pi * r * r * tip / 3.0;
    INFO("dx " << dx);
    CHECK(lumenVolumeMm3(lumen, g) == Approx(expected).epsilon(0.03));
  }
}

TEST_CASE("NeedleChannels: lumen over a step is the same whatever the steps", "[channels]") {
  // The mean over [0, T] times T equals the sum over any split of it: exact integration.
  const ModelParameters p;
  const Grid g = grid(0.05);
  std::vector<Puncture> many;
  for (int i = 0; i < 6; ++i) {
    Puncture q = penPuncture(0.3 + 0.2 * i);
    q.x_mm = 0.2 + 0.3 * i;
    many.push_back(q);
  }
  NeedleChannels c = channels(g, p, many);
  Field whole, part;
  const double T = 0.8;
  c.meanLumen(0.0, T, whole);
  const double wholeVolume = lumenVolumeMm3(whole, g) * T;
  double parts = 0;
  double from = 0;
  for (double to : {0.01, 0.05, 0.2, 0.21, 0.5, 0.8}) {
    c.meanLumen(from, to, part);
    parts += lumenVolumeMm3(part, g) * (to - from);
    from = to;
  }
  CHECK(parts == Approx(wholeVolume).epsilon(1e-5));
  CHECK(wholeVolume > 0);
}

TEST_CASE("NeedleChannels: the open surface of sparse channels is their mouths' area",
          "[channels]") {
  const ModelParameters p = sameSpeeds();
  const Grid g = grid(0.025);
  std::vector<Puncture> four;
  for (double x : {0.3, 0.8})
    for (double y : {0.4, 1.4}) {
      Puncture q = penPuncture();
      q.x_mm = x;
      q.y_mm = y;
      four.push_back(q);
    }
  const NeedleChannels c = channels(g, p, four);
  // An hour on, each mouth has closed by 5 um: radius 57.5 um.
  const double r = 0.0625 - p["healing.channel_wall_closure_um_h"] / 1000.0;
  CHECK(c.openSurfaceFraction(kHour) == Approx(4 * std::numbers::pi * r * r / 4.0).epsilon(0.15));
  CHECK(c.openSurfaceFraction(1.0) == 0.0);
}
