#include <catch2/catch.hpp>
#include <cmath>

#include "core/devices/NeedleDevice.hpp"
#include "core/devices/Pen.hpp"
#include "core/devices/Roller.hpp"

using namespace dermasim;

TEST_CASE("NeedleDevice: the settings' type decides the device", "[devices]") {
  const ModelParameters parameters;
  DeviceSettings settings;
  settings.type = DeviceType::Roller;
  CHECK(dynamic_cast<Roller*>(makeNeedleDevice(settings, parameters).get()) != nullptr);
  settings.type = DeviceType::Pen;
  CHECK(dynamic_cast<Pen*>(makeNeedleDevice(settings, parameters).get()) != nullptr);
}

TEST_CASE("NeedleDevice: depths stay above 2 % and at most 100 % of the needle around the mean",
          "[devices]") {
  CounterRandom rng(11, {1, 2});
  const double length = 1.5;
  double sum = 0, sumSq = 0;
  const int n = 20000;
  for (int i = 0; i < n; ++i) {
    // A spread wide enough that both limits are hit often.
    const double d = sampleNeedleDepthMm(rng, length, 0.8, 0.5);
    REQUIRE(d > 0.02 * length);
    REQUIRE(d <= length);
    sum += d;
    sumSq += d * d;
  }
  const double mean = sum / n;
  // Truncation above the mean pulls the average below 0.8 L, and narrows the spread.
  CHECK(mean < 0.8 * length);
  CHECK(mean > 0.6 * length);
  CHECK(std::sqrt(sumSq / n - mean * mean) < 0.5 * 0.8 * length);

  CounterRandom narrow(11, {1, 3});
  double narrowSum = 0;
  for (int i = 0; i < n; ++i) narrowSum += sampleNeedleDepthMm(narrow, length, 0.5, 0.05);
  CHECK(narrowSum / n == Approx(0.75).margin(0.002));
}

TEST_CASE("NeedleDevice: without spread every depth is the mean, after 16 misses too",
          "[devices]") {
  CounterRandom rng(3, {4});
  CHECK(sampleNeedleDepthMm(rng, 1.0, 0.7, 0.0) == 0.7);
  CHECK(sampleNeedleDepthMm(rng, 1.0, 2.0, 0.0) == 2.0);
}
