#include <omp.h>

#include <catch2/catch.hpp>

#include "core/devices/NeedlingSession.hpp"
#include "core/scenario/ScenarioSchema.hpp"

using namespace dermasim;

namespace {

DeviceSettings device(DeviceType type) {
  DeviceSettings d = defaultDevice(type);
  d.needle_length_mm = 1.5;
  d.passes = 6;
  return d;
}

bool identical(const std::vector<Puncture>& a, const std::vector<Puncture>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const Puncture &p = a[i], &q = b[i];
    if (p.x_mm != q.x_mm || p.y_mm != q.y_mm || p.depth_mm != q.depth_mm ||
        p.entry_angle_deg != q.entry_angle_deg || p.opening_length_mm != q.opening_length_mm ||
        p.entry_direction_deg != q.entry_direction_deg || p.pass != q.pass)
      return false;
  }
  return true;
}

}  // namespace

TEST_CASE("NeedlingSession: same seed gives the same punctures at 1 and 2 threads", "[session]") {
  for (DeviceType type : {DeviceType::Roller, DeviceType::Pen}) {
    const Patch patch{type == DeviceType::Roller ? 40.0 : 5.0};
    omp_set_num_threads(1);
    const auto serial = needleSession(device(type), ModelParameters{}, patch, 42, 3);
    omp_set_num_threads(2);
    const auto parallel = needleSession(device(type), ModelParameters{}, patch, 42, 3);
    REQUIRE(serial.punctures.size() > 50);
    CHECK(identical(serial.punctures, parallel.punctures));

    const auto otherSeed = needleSession(device(type), ModelParameters{}, patch, 43, 3);
    CHECK_FALSE(identical(serial.punctures, otherSeed.punctures));
    const auto otherSession = needleSession(device(type), ModelParameters{}, patch, 42, 4);
    CHECK_FALSE(identical(serial.punctures, otherSession.punctures));
  }
}

TEST_CASE("NeedlingSession: every puncture lies on the patch, passes in order", "[session]") {
  const Patch patch{5.0};
  const auto s = needleSession(device(DeviceType::Pen), ModelParameters{}, patch, 1, 0);
  int lastPass = 0;
  for (const Puncture& p : s.punctures) {
    REQUIRE(patch.contains(p.x_mm, p.y_mm));
    REQUIRE(p.pass >= lastPass);
    lastPass = p.pass;
  }
  CHECK(lastPass == 5);
}

TEST_CASE("NeedlingSession: punctures spread evenly over the patch", "[session]") {
  // Quadrant counts of a dense pen session differ only by sampling noise.
  const Patch patch{8.0};
  const auto s = needleSession(device(DeviceType::Pen), ModelParameters{}, patch, 2, 0);
  double quadrant[4] = {0, 0, 0, 0};
  for (const Puncture& p : s.punctures)
    quadrant[(p.x_mm < 4.0 ? 0 : 1) + (p.y_mm < 4.0 ? 0 : 2)] += 1;
  const double mean = static_cast<double>(s.punctures.size()) / 4.0;
  for (double q : quadrant) CHECK(q == Approx(mean).epsilon(0.08));
}
