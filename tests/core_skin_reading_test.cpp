// SkinReading's interpolation and the readings simulate() adds inside a step longer than a day:
// every timeseries column is carried, the rows are evenly spaced and at most a day apart, and
// a step of a day or less adds none.
#include <catch2/catch.hpp>
#include <vector>

#include "core/Simulation.hpp"
#include "core/readout/SkinReading.hpp"
#include "io/TimeseriesColumns.hpp"

using namespace dermasim;

TEST_CASE("SkinReading: interpolation carries every timeseries column", "[readout]") {
  for (const TimeseriesColumn& c : timeseriesColumns()) {
    SkinReading a, b;
    a.*c.value = 1.0;
    b.*c.value = 3.0;
    a.day = 10;
    b.day = 14;
    const SkinReading r = interpolate(a, b, 0.25);
    INFO(c.name);
    CHECK(r.*c.value == Approx(1.5));
    CHECK(r.day == Approx(11.0));
  }
}

TEST_CASE("SkinReading: a long step gets readings at most a day apart", "[readout]") {
  SkinReading before, after;
  before.day = 10;
  before.collagen_rel = 1.2;
  after.day = 13.5;
  after.collagen_rel = 1.3;
  std::vector<SkinReading> series;
  appendReadingsInside(before, after, series);
  REQUIRE(series.size() == 3);
  for (std::size_t i = 0; i < series.size(); ++i) {
    const double w = static_cast<double>(i + 1) / 4.0;
    CHECK(series[i].day == Approx(10 + 3.5 * w));
    CHECK(series[i].collagen_rel == Approx(1.2 + 0.1 * w));
  }
}

TEST_CASE("SkinReading: the readings inside may start from the series' own last one", "[readout]") {
  // As simulate() calls it: growing the series must not pull `before` from under it.
  std::vector<SkinReading> series(1);
  series.shrink_to_fit();
  series[0].day = 0;
  series[0].collagen_rel = 1.0;
  SkinReading after;
  after.day = 8;
  after.collagen_rel = 2.0;
  appendReadingsInside(series.back(), after, series);
  REQUIRE(series.size() == 8);
  for (std::size_t i = 1; i < series.size(); ++i) {
    CHECK(series[i].day == Approx(static_cast<double>(i)));
    CHECK(series[i].collagen_rel == Approx(1.0 + static_cast<double>(i) / 8.0));
  }
}

TEST_CASE("SkinReading: a step of a day or less adds no reading", "[readout]") {
  for (double length : {0.01, 0.3, 1.0}) {
    SkinReading before, after;
    before.day = 5;
    after.day = 5 + length;
    std::vector<SkinReading> series;
    appendReadingsInside(before, after, series);
    INFO(length);
    CHECK(series.empty());
  }
  SkinReading before, after;
  before.day = 5;
  after.day = 6.001;
  std::vector<SkinReading> series;
  appendReadingsInside(before, after, series);
  CHECK(series.size() == 1);
}
