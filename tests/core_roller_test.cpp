#include <catch2/catch.hpp>
#include <cmath>
#include <numbers>

#include "core/devices/NeedlingSession.hpp"
#include "core/devices/Roller.hpp"

using namespace dermasim;

namespace {

DeviceSettings medicalRoller(double needleMm, int passes) {
  DeviceSettings d;
  d.type = DeviceType::Roller;
  d.needle_length_mm = needleMm;
  d.needles = 192;
  d.rows = 8;
  d.passes = passes;
  d.drum_diameter_mm = 20;
  d.drum_width_mm = 20;
  d.needle_diameter_mm = 0.25;
  d.pressure = Pressure::Medium;
  return d;
}

// Large enough that a single pass leaves hundreds of punctures on it.
const Patch kWidePatch{60.0};

}  // namespace

TEST_CASE("Roller: a 192-needle 20 x 20 mm drum leaves ~15 punctures/cm2 per pass", "[roller]") {
  const ModelParameters params;
  for (std::uint64_t seed : {1u, 2u, 3u}) {
    const auto one = needleSession(medicalRoller(1.5, 1), params, kWidePatch, seed, 0);
    CHECK(one.stats.per_cm2 == Approx(15.3).epsilon(0.10));
  }
  const Roller roller(medicalRoller(1.5, 1), params);
  CHECK(roller.nominalDensityPerPassCm2() == Approx(192.0 / (std::numbers::pi * 2.0 * 2.0)));
}

TEST_CASE("Roller: 15 passes give ~230 punctures/cm2", "[roller]") {
  const auto s = needleSession(medicalRoller(1.5, 15), ModelParameters{}, kWidePatch, 11, 0);
  CHECK(s.stats.per_cm2 == Approx(230.0).epsilon(0.10));
  CHECK(s.nominal_per_cm2 == Approx(229.2).epsilon(0.01));
}

TEST_CASE("Roller: effective depth never exceeds the needle, and grows with pressure", "[roller]") {
  // The deepest-reaching parameters the table allows.
  const ModelParameters extreme = ModelParameters::withOverrides(
      {{"roller.penetration_fraction_firm", 0.85}, {"roller.depth_spread", 0.40}});
  for (double needle : {0.2, 0.5, 1.5, 3.0}) {
    DeviceSettings d = medicalRoller(needle, 6);
    d.pressure = Pressure::Firm;
    const auto s = needleSession(d, extreme, kWidePatch, 5, 0);
    REQUIRE(s.stats.count > 100);
    for (const Puncture& p : s.punctures) {
      REQUIRE(p.depth_mm <= needle);
      REQUIRE(p.depth_mm > 0.0);
    }
  }
  double previous = 0;
  for (Pressure pressure : {Pressure::Light, Pressure::Medium, Pressure::Firm}) {
    DeviceSettings d = medicalRoller(1.5, 4);
    d.pressure = pressure;
    const double mean = needleSession(d, ModelParameters{}, kWidePatch, 5, 0).stats.mean_depth_mm;
    CHECK(mean > previous);
    previous = mean;
  }
}

TEST_CASE("Roller: needles enter at the drum's geometric angle", "[roller]") {
  const Roller roller(medicalRoller(1.5, 1), ModelParameters{});
  // A point at radius R + d on a drum of radius R meets the surface at acos(R / (R + d)).
  CHECK(roller.entryAngleRad(1.0) == Approx(std::acos(10.0 / 11.0)));
  CHECK(roller.entryAngleRad(0.0) == Approx(0.0).margin(1e-12));
  CHECK(roller.rigidSweepMm(0.0) == Approx(0.0).margin(1e-12));
  CHECK(roller.rigidSweepMm(1.0) > roller.rigidSweepMm(0.5));

  const auto s = needleSession(medicalRoller(1.5, 4), ModelParameters{}, kWidePatch, 3, 0);
  for (const Puncture& p : s.punctures)
    REQUIRE(p.entry_angle_deg ==
            Approx(roller.entryAngleRad(p.depth_mm) * 180.0 / std::numbers::pi));
}

TEST_CASE("Roller: openings are torn along the rolling direction", "[roller]") {
  const auto s = needleSession(medicalRoller(1.5, 4), ModelParameters{}, kWidePatch, 9, 0);
  CHECK(s.stats.mean_elongation > 1.3);
  for (const Puncture& p : s.punctures) {
    REQUIRE(p.opening_length_mm > p.opening_width_mm);
    // A tapered tip opens less than the shaft when it goes in less than the tip's length.
    REQUIRE(p.opening_width_mm == Approx(openingWidthMm(0.25, p.depth_mm, 15.0)));
    REQUIRE(p.opening_width_mm <= 0.25);
    // The long axis follows the pass's cross-hatch direction (up to the hand's jitter), and
    // the shaft leans the same way.
    const double nominal = passDirectionDeg(p.pass);
    const double off = std::fmod(std::abs(p.opening_direction_deg - nominal), 180.0);
    REQUIRE(std::min(off, 180.0 - off) < 25.0);
    REQUIRE(p.entry_direction_deg == Approx(p.opening_direction_deg));
  }
  // Shallow needles tear less than deep ones.
  const auto shallow = needleSession(medicalRoller(0.25, 4), ModelParameters{}, kWidePatch, 9, 0);
  CHECK(shallow.stats.mean_elongation < s.stats.mean_elongation);
}

TEST_CASE("Roller: shallow punctures open less than the shaft (tapered tip)", "[roller]") {
  CHECK(openingWidthMm(0.25, 1.0, 15.0) == Approx(0.25));
  CHECK(openingWidthMm(0.25, 0.1, 15.0) ==
        Approx(2 * 0.1 * std::tan(15.0 * std::numbers::pi / 180)));
  const auto shallow = needleSession(medicalRoller(0.25, 4), ModelParameters{}, kWidePatch, 9, 0);
  const double widest = 2 * 0.25 * std::tan(15.0 * std::numbers::pi / 180);  // tip fully in
  double sum = 0;
  for (const Puncture& p : shallow.punctures) {
    REQUIRE(p.opening_width_mm <= widest + 1e-12);
    sum += p.opening_width_mm;
  }
  CHECK(sum / static_cast<double>(shallow.punctures.size()) < 0.1);
}
