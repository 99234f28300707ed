#include <catch2/catch.hpp>
#include <charconv>
#include <cmath>
#include <limits>
#include <random>
#include <string>

#include "core/numerics/NumberText.hpp"
#include "core/parameters/ModelParameters.hpp"

using namespace dermasim;

namespace {

double readBack(const std::string& text) {
  double value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

}  // namespace

TEST_CASE("NumberText: readable numbers read like %g", "[numbers]") {
  CHECK(readableNumber(180) == "180");
  CHECK(readableNumber(0.1 + 0.2) == "0.3");
  CHECK(readableNumber(0.25) == "0.25");
  CHECK(readableNumber(-1) == "-1");
  CHECK(readableNumber(1234567) == "1.23457e+06");
  CHECK(readableNumber(0.0456, 2) == "0.046");
  CHECK(readableNumber(12.3456, 4) == "12.35");
}

TEST_CASE("NumberText: fixed and rounded decimals", "[numbers]") {
  CHECK(fixedNumber(1.5, 3) == "1.500");
  CHECK(fixedNumber(-2.25, 1) == "-2.2");  // round half to even, as printf does
  CHECK(fixedNumber(7, 0) == "7");
  CHECK(roundedNumber(1.25, 2) == "1.25");
  CHECK(roundedNumber(0.5, 2) == "0.5");
  CHECK(roundedNumber(7, 2) == "7");
  CHECK(roundedNumber(100, 0) == "100");
  CHECK(roundedNumber(-0.004, 2) == "0");
  CHECK(signedNumber(2.4, 0) == "+2");
  CHECK(signedNumber(-2.6, 0) == "-3");
  CHECK(signedNumber(0.3, 0) == "0");
  CHECK(signedNumber(-0.3, 0) == "0");
}

TEST_CASE("NumberText: a value that shows as zero never carries a minus sign", "[numbers]") {
  CHECK(fixedNumber(-0.0004, 3) == "0.000");
  CHECK(fixedNumber(-0.0, 3) == "0.000");
  CHECK(fixedNumber(-0.4, 0) == "0");
  CHECK(fixedNumber(-1e-300, 6) == "0.000000");
  CHECK(readableNumber(-0.0) == "0");
  CHECK(readableNumber(-0.0, 2) == "0");
  CHECK(exactNumber(-0.0) == "0");
  // Signs that carry information stay.
  CHECK(fixedNumber(-0.0006, 3) == "-0.001");
  CHECK(readableNumber(-1e-10) == "-1e-10");
  CHECK(exactNumber(-0.5) == "-0.5");
}

TEST_CASE("NumberText: exact numbers read back to the same double", "[numbers]") {
  CHECK(exactNumber(180.0) == "180");
  CHECK(exactNumber(100000.0) == "100000");
  CHECK(exactNumber(0.1 + 0.2) == "0.30000000000000004");
  CHECK(exactNumber(1e300) == "1e+300");
  CHECK(exactNumber(std::numeric_limits<double>::infinity()) == "inf");
  CHECK(exactNumber(-std::numeric_limits<double>::infinity()) == "-inf");
  CHECK(exactNumber(std::nan("")) == "nan");
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> exponent(-30.0, 30.0);
  for (int i = 0; i < 2000; ++i) {
    const double v = (i % 2 ? -1.0 : 1.0) * std::pow(10.0, exponent(rng));
    REQUIRE(readBack(exactNumber(v)) == v);
  }
}

TEST_CASE("NumberText: messages show a negative zero as 0", "[numbers]") {
  const auto message = ModelParameters::validate({{"needle.tip_half_angle_deg", -0.0}});
  REQUIRE(message);
  CHECK(*message == "parameters.needle.tip_half_angle_deg: must be between 5 and 30 deg (got 0)");
}
