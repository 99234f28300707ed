// SkinReading's interpolation and the readings simulate() adds inside a step longer than a day:
// every timeseries column is carried, the rows are evenly spaced and at most a day apart, and
// a step of a day or less adds none. SkinSnapshot's interpolation: the ends exactly, every map
// and section linear between them, and snapshots of different shapes refused.
#include <catch2/catch.hpp>
#include <stdexcept>
#include <vector>

#include "core/Simulation.hpp"
#include "core/readout/SkinReading.hpp"
#include "core/readout/SkinSnapshot.hpp"
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

namespace {

// Every per-column vector of a snapshot, and every per-cell vector of a section.
constexpr std::vector<float> SkinSnapshot::*kColumnMaps[] = {
    &SkinSnapshot::height_mm, &SkinSnapshot::srgb, &SkinSnapshot::erythema,
    &SkinSnapshot::surface_blood_um, &SkinSnapshot::scar};
constexpr std::vector<float> SkinSection::*kSectionCells[] = {
    &SkinSection::epidermis, &SkinSection::papillary, &SkinSection::collagen1,
    &SkinSection::collagen3, &SkinSection::elastin,   &SkinSection::fibroblasts,
    &SkinSection::injury,    &SkinSection::lumen};

// A 3 x 2 x 4 grid with two sections, every value distinct, all of them `offset` higher.
SkinSnapshot gridSnapshot(double day, float offset) {
  SkinSnapshot s;
  s.day = day;
  s.nx = 3;
  s.ny = 2;
  s.nz = 4;
  s.dx_mm = 0.05;
  s.dz_mm = 0.025;
  float value = offset;
  const auto fill = [&](std::vector<float>& v, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) v.push_back(value += 0.125F);
  };
  for (std::vector<float> SkinSnapshot::*m : kColumnMaps)
    fill(s.*m, m == &SkinSnapshot::srgb ? 18 : 6);
  s.scar = {1, 0, 0, 1, 0, 0};  // a mask: the same in both ends, as in a run
  for (int row : {0, 1}) {
    SkinSection& sec = s.sections.emplace_back();
    sec.row = row;
    for (std::vector<float> SkinSection::*m : kSectionCells) fill(sec.*m, 12);
  }
  s.epidermis_mm = 0.1;
  s.papillary_bottom_mm = 0.4;
  s.dermis_bottom_mm = 2.0;
  s.reading.day = day;
  s.reading.erythema = static_cast<double>(offset);
  s.reading.collagen_rel = 1.0 + static_cast<double>(offset);
  return s;
}

double mean(float x, float y) { return 0.5 * (static_cast<double>(x) + static_cast<double>(y)); }

void checkEqual(const SkinSnapshot& x, const SkinSnapshot& y) {
  CHECK(x.day == y.day);
  for (std::vector<float> SkinSnapshot::*m : kColumnMaps) CHECK(x.*m == y.*m);
  REQUIRE(x.sections.size() == y.sections.size());
  for (std::size_t n = 0; n < x.sections.size(); ++n) {
    CHECK(x.sections[n].row == y.sections[n].row);
    for (std::vector<float> SkinSection::*m : kSectionCells)
      CHECK(x.sections[n].*m == y.sections[n].*m);
  }
  CHECK(x.reading.erythema == y.reading.erythema);
  CHECK(x.reading.collagen_rel == y.reading.collagen_rel);
}

}  // namespace

TEST_CASE("SkinSnapshot: interpolation gives the ends exactly and the mean halfway",
          "[readout][snapshot]") {
  const SkinSnapshot a = gridSnapshot(10, 0.0F);
  SkinSnapshot b = gridSnapshot(14, 2.0F);
  b.scar = a.scar;
  b.needle.known = true;
  b.needle.session = 2;

  checkEqual(interpolate(a, b, 0.0), a);
  checkEqual(interpolate(a, b, 1.0), b);

  const SkinSnapshot mid = interpolate(a, b, 0.5);
  CHECK(mid.day == 12.0);
  CHECK(mid.nx == 3);
  CHECK(mid.ny == 2);
  CHECK(mid.nz == 4);
  CHECK(mid.dx_mm == a.dx_mm);
  CHECK(mid.dermis_bottom_mm == a.dermis_bottom_mm);
  for (std::vector<float> SkinSnapshot::*m : kColumnMaps) {
    REQUIRE((mid.*m).size() == (a.*m).size());
    for (std::size_t i = 0; i < (a.*m).size(); ++i)
      CHECK((mid.*m)[i] == Approx(mean((a.*m)[i], (b.*m)[i])));
  }
  REQUIRE(mid.sections.size() == 2);
  for (std::size_t n = 0; n < 2; ++n) {
    CHECK(mid.sections[n].row == a.sections[n].row);
    for (std::vector<float> SkinSection::*m : kSectionCells) {
      const std::vector<float>& x = a.sections[n].*m;
      const std::vector<float>& y = b.sections[n].*m;
      REQUIRE((mid.sections[n].*m).size() == x.size());
      for (std::size_t i = 0; i < x.size(); ++i)
        CHECK((mid.sections[n].*m)[i] == Approx(mean(x[i], y[i])));
    }
  }
  CHECK(mid.reading.day == 12.0);
  CHECK(mid.reading.erythema == Approx(1.0));
  CHECK(mid.reading.collagen_rel == Approx(2.0));

  // The needles in force have no halfway value: the nearer end's.
  CHECK(interpolate(a, b, 0.25).needle.session == a.needle.session);
  CHECK(interpolate(a, b, 0.75).needle.session == 2);
}

TEST_CASE("SkinSnapshot: interpolating snapshots of different shapes throws",
          "[readout][snapshot]") {
  const SkinSnapshot a = gridSnapshot(10, 0.0F);
  const auto refused = [&](SkinSnapshot b) {
    CHECK_THROWS_AS(interpolate(a, b, 0.5), std::invalid_argument);
  };
  SkinSnapshot wider = gridSnapshot(14, 1.0F);
  wider.nx = 4;
  refused(wider);
  SkinSnapshot deeper = gridSnapshot(14, 1.0F);
  deeper.nz = 5;
  refused(deeper);
  SkinSnapshot fewerSections = gridSnapshot(14, 1.0F);
  fewerSections.sections.pop_back();
  refused(fewerSections);
  SkinSnapshot otherRow = gridSnapshot(14, 1.0F);
  otherRow.sections[1].row = 2;
  refused(otherRow);
  SkinSnapshot shortMap = gridSnapshot(14, 1.0F);
  shortMap.erythema.pop_back();
  refused(shortMap);
  SkinSnapshot shortSection = gridSnapshot(14, 1.0F);
  shortSection.sections[0].lumen.pop_back();
  refused(shortSection);
  CHECK_NOTHROW(interpolate(a, gridSnapshot(14, 1.0F), 0.5));
}
