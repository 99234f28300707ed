// Published outcomes (calibration sheet section 4), each a scenario in tests/calibration with
// its expected ranges beside it. Fails with the figure, the range and the source.

#include <toml++/toml.h>
#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <string>

#include "core/Simulation.hpp"
#include "io/ScenarioFile.hpp"

using namespace dermasim;
namespace fs = std::filesystem;

namespace {

double metric(const SkinReading& r, const std::string& name) {
  if (name == "papillary_collagen_rel") return r.papillary_collagen_rel;
  if (name == "epidermis_rel") return r.epidermis_rel;
  if (name == "improvement_pct") return r.improvement_pct;
  if (name == "collagen_rel") return r.collagen_rel;
  if (name == "elastin_rel") return r.elastin_rel;
  if (name == "collagen3_rel") return r.collagen3_rel;
  if (name == "collagen1_rel") return r.collagen1_rel;
  FAIL("unknown metric " << name);
  return 0;
}

void checkCalibration(const std::string& name) {
  const fs::path dir = fs::path(DERMASIM_SOURCE_DIR) / "tests" / "calibration";
  const RunResult result = simulate(loadScenarioFile(dir / (name + ".toml")));
  const toml::table expected = toml::parse_file((dir / (name + ".expected.toml")).string());
  const toml::array* list = expected["expect"].as_array();
  REQUIRE(list);
  REQUIRE(list->size() > 0);
  for (const auto& node : *list) {
    const toml::table& e = *node.as_table();
    const std::string what = e["metric"].value_or(std::string());
    const double day = e["day"].value_or(0.0);
    const SkinReading* nearest = &result.timeseries.front();
    for (const SkinReading& r : result.timeseries)
      if (std::abs(r.day - day) < std::abs(nearest->day - day)) nearest = &r;
    const double got = metric(*nearest, what);
    INFO(name << ": " << what << " on day " << nearest->day << " = " << got << ", expected "
              << e["min"].value_or(0.0) << " .. " << e["max"].value_or(0.0) << " ("
              << e["source"].value_or(std::string()) << ")");
    CHECK(got >= e["min"].value_or(0.0));
    CHECK(got <= e["max"].value_or(0.0));
  }
}

}  // namespace

TEST_CASE("Calibration: Lotfi 2013, 1.5 mm roller monthly x 5", "[calibration]") {
  checkCalibration("lotfi_2013_roller");
}

TEST_CASE("Calibration: Kenkel 2021, 4 monthly sessions", "[calibration]") {
  checkCalibration("kenkel_2021_pen");
}
