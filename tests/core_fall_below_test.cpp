// When a reading falls back below a level (core/readout/FallBelow): exact crossings for a
// straight line and for an exponential fade, the window it looks in, and a reading that never
// rises or never falls.
#include <catch2/catch.hpp>
#include <cmath>
#include <vector>

#include "core/readout/FallBelow.hpp"

using namespace dermasim;

namespace {

// Readings every `step` days from `from` to `to`, of value(day) in erythema.
template <typename F>
std::vector<SkinReading> sampled(double from, double to, double step, F value) {
  std::vector<SkinReading> out;
  for (double d = from; d <= to + 1e-9; d += step) {
    SkinReading r;
    r.day = d;
    r.erythema = value(d);
    out.push_back(r);
  }
  return out;
}

}  // namespace

TEST_CASE("fall below: a straight line crosses where it should", "[readout]") {
  // 1 at day 0 down to 0 at day 4: below 0.25 at day 3, whatever the sampling.
  const auto line = [](double d) { return std::max(0.0, 1.0 - d / 4.0); };
  for (double step : {0.1, 0.7, 1.3}) {
    const FallBelow f = fallBelow(sampled(0, 6, step, line), -1, 6, &SkinReading::erythema, 0.25);
    CHECK(f.rose);
    REQUIRE(f.day.has_value());
    CHECK(*f.day == Approx(3.0).margin(1e-9));
  }
}

TEST_CASE("fall below: an exponential fade is crossed exactly on coarse readings", "[readout]") {
  // e^(-d/2) falls below 0.1 at d = 2 ln 10. A straight line between readings a day apart
  // would cross late.
  const auto fade = [](double d) { return std::exp(-d / 2.0); };
  const std::vector<SkinReading> r = sampled(0.5, 10, 1.0, fade);
  const FallBelow exact = fallBelow(r, 0, 10, &SkinReading::erythema, 0.1, Fade::Exponential);
  REQUIRE(exact.day.has_value());
  CHECK(*exact.day == Approx(2.0 * std::log(10.0)).epsilon(1e-12));
  const FallBelow line = fallBelow(r, 0, 10, &SkinReading::erythema, 0.1, Fade::Linear);
  REQUIRE(line.day.has_value());
  CHECK(*line.day > *exact.day + 0.01);
}

TEST_CASE("fall below: only readings after the start and up to the end count", "[readout]") {
  const auto line = [](double d) { return std::max(0.0, 1.0 - d / 4.0); };
  const std::vector<SkinReading> r = sampled(0, 8, 1.0, line);
  // The reading on the start day itself is not the session's: from day 3 on, nothing rises.
  CHECK_FALSE(fallBelow(r, 3, 8, &SkinReading::erythema, 0.25).rose);
  // Still above the level at the end of the window: it rose, and has not fallen.
  const FallBelow open = fallBelow(r, -1, 2, &SkinReading::erythema, 0.25);
  CHECK(open.rose);
  CHECK_FALSE(open.day.has_value());
  // The reading on the end day counts (taken before the next session's needles).
  CHECK(fallBelow(r, -1, 4, &SkinReading::erythema, 0.25).day.has_value());
}

TEST_CASE("fall below: a value at the start stands for the session itself", "[readout]") {
  // Only the readings after day 0: 0.5 on day 1, 0 after. From 1 at day 0, 0.75 is crossed at
  // day 0.5; without the start value nothing after day 0 reaches 0.75.
  std::vector<SkinReading> r = sampled(1, 3, 1.0, [](double d) { return d < 1.5 ? 0.5 : 0.0; });
  const FallBelow from1 = fallBelow(r, 0, 3, &SkinReading::erythema, 0.75, Fade::Linear, 1.0);
  REQUIRE(from1.day.has_value());
  CHECK(*from1.day == Approx(0.5));
  CHECK_FALSE(fallBelow(r, 0, 3, &SkinReading::erythema, 0.75).rose);
}
