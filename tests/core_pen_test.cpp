#include <catch2/catch.hpp>
#include <cmath>

#include "core/devices/NeedlingSession.hpp"
#include "core/devices/Pen.hpp"

using namespace dermasim;

namespace {

DeviceSettings pen(int needles, double hz, double widthMm, double glide, int passes) {
  DeviceSettings d;
  d.type = DeviceType::Pen;
  d.needle_length_mm = 1.5;
  d.needles = needles;
  d.frequency_hz = hz;
  d.cartridge_width_mm = widthMm;
  d.glide_speed_mm_s = glide;
  d.passes = passes;
  d.needle_diameter_mm = 0.25;
  d.pressure = Pressure::Medium;
  return d;
}

DeviceSettings roller(double needleMm) {
  DeviceSettings d;
  d.type = DeviceType::Roller;
  d.needle_length_mm = needleMm;
  d.needles = 192;
  d.rows = 8;
  d.passes = 8;
  d.drum_diameter_mm = 20;
  d.drum_width_mm = 20;
  d.needle_diameter_mm = 0.25;
  d.pressure = Pressure::Medium;
  return d;
}

}  // namespace

TEST_CASE("Pen: density per pass matches N f / (w v)", "[pen]") {
  struct Case {
    int n;
    double f, w, v;
  };
  for (const Case c : {Case{12, 110, 4, 10}, Case{16, 120, 5, 25}, Case{11, 90, 3, 40}}) {
    const double expected = c.n * c.f / (c.w * c.v) * 100.0;  // per cm2
    const auto s = needleSession(pen(c.n, c.f, c.w, c.v, 1), ModelParameters{}, Patch{10.0}, 4, 0);
    CHECK(s.stats.per_cm2 == Approx(expected).epsilon(0.10));
    CHECK(s.nominal_per_cm2 == Approx(expected));
  }
}

TEST_CASE("Pen: passes add up", "[pen]") {
  const auto one = needleSession(pen(12, 110, 4, 10, 1), ModelParameters{}, Patch{10.0}, 4, 0);
  const auto four = needleSession(pen(12, 110, 4, 10, 4), ModelParameters{}, Patch{10.0}, 4, 0);
  CHECK(four.stats.per_cm2 == Approx(4.0 * one.stats.per_cm2).epsilon(0.10));
}

TEST_CASE("Pen: depth close to the setting, never beyond it, tighter than a roller", "[pen]") {
  const auto p = needleSession(pen(12, 110, 4, 10, 2), ModelParameters{}, Patch{10.0}, 8, 0);
  for (const Puncture& x : p.punctures) REQUIRE(x.depth_mm <= 1.5);
  CHECK(p.stats.mean_depth_mm > 0.75 * 1.5);
  const auto r = needleSession(roller(1.5), ModelParameters{}, Patch{60.0}, 8, 0);
  const double penSpread = p.stats.sd_depth_mm / p.stats.mean_depth_mm;
  const double rollerSpread = r.stats.sd_depth_mm / r.stats.mean_depth_mm;
  CHECK(penSpread < 0.5 * rollerSpread);
}

TEST_CASE("Pen: openings are round and entry is near perpendicular", "[pen]") {
  const auto p = needleSession(pen(12, 110, 4, 10, 2), ModelParameters{}, Patch{10.0}, 8, 0);
  CHECK(p.stats.mean_elongation < 1.2);
  CHECK(p.stats.mean_entry_angle_deg < 5.0);
  const auto r = needleSession(roller(1.5), ModelParameters{}, Patch{60.0}, 8, 0);
  CHECK(r.stats.mean_elongation > p.stats.mean_elongation + 0.2);
}

TEST_CASE("Pen: the cartridge footprint spans its width evenly", "[pen]") {
  const Pen device(pen(16, 110, 4, 10, 1), ModelParameters{});
  REQUIRE(device.footprint().size() == 16);
  double maxR = 0, cx = 0, cy = 0;
  for (const auto& o : device.footprint()) {
    maxR = std::max(maxR, std::hypot(o.across_mm, o.along_mm));
    cx += o.across_mm;
    cy += o.along_mm;
  }
  CHECK(maxR <= 2.0);
  CHECK(maxR > 1.5);
  CHECK(std::abs(cx / 16) < 0.3);
  CHECK(std::abs(cy / 16) < 0.3);
}
