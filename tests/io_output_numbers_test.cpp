#include <algorithm>
#include <catch2/catch.hpp>
#include <cctype>
#include <string>
#include <vector>

#include "io/RunOutputs.hpp"
#include "io/ScenarioFile.hpp"

using namespace dermasim;

namespace {

// A value that rounds to zero shows as "0.000", never "-0.000" (or "-0", "-0.0").
bool hasNegativeZero(const std::string& text) {
  for (std::size_t at = text.find("-0"); at != std::string::npos; at = text.find("-0", at + 1)) {
    std::size_t end = at + 2;
    if (end < text.size() && text[end] == '.') ++end;
    while (end < text.size() && text[end] == '0') ++end;
    const bool digitsBefore = at > 0 && std::isdigit(static_cast<unsigned char>(text[at - 1]));
    const bool moreDigits =
        end < text.size() && (std::isdigit(static_cast<unsigned char>(text[end])) ||
                              text[end] == 'e' || text[end] == 'E');
    if (!digitsBefore && !moreDigits) return true;
  }
  return false;
}

RunResult tinyNegatives() {
  RunResult result;
  SkinReading r;
  r.day = -0.0;
  r.redness_a = -1e-9;
  r.improvement_pct = -0.0004;
  r.collagen_rel = 1.0;
  r.surface_blood_um = -0.0;
  result.timeseries.push_back(r);
  SessionResult s;
  s.day = -0.0;
  Puncture p;
  p.x_mm = -1e-7;
  p.entry_angle_deg = -0.0001;
  p.entry_direction_deg = -0.0;
  s.needling.punctures.push_back(p);
  result.sessions.push_back(s);
  result.outcome.improvement_pct = -0.0;
  return result;
}

}  // namespace

TEST_CASE("RunOutputs: the check for negative zeros finds them", "[outputs]") {
  CHECK(hasNegativeZero("1,-0.000,2"));
  CHECK(hasNegativeZero("\"improvement_pct\": -0.0,"));
  CHECK(hasNegativeZero("x -0 y"));
  CHECK_FALSE(hasNegativeZero("1,-0.001,2"));
  CHECK_FALSE(hasNegativeZero("-0.5e-3"));
  CHECK_FALSE(hasNegativeZero("10-02"));
}

TEST_CASE("RunOutputs: values that round to zero are written without a sign", "[outputs]") {
  const RunResult result = tinyNegatives();
  const std::string timeseries = timeseriesCsv(result);
  const std::string punctures = puncturesCsv(result);
  INFO(timeseries << punctures);
  CHECK_FALSE(hasNegativeZero(timeseries));
  CHECK_FALSE(hasNegativeZero(punctures));
  CHECK(timeseries.find("\n0.000000,0.0000,") != std::string::npos);
  CHECK(punctures.find("\n0,0,0,0.00000,") != std::string::npos);

  const Scenario scenario = loadBuiltinScenario("acne_scars_pen");
  const std::string summary = summaryJson(scenario, result, {});
  CHECK_FALSE(hasNegativeZero(summary));
  CHECK(summary.find("\"improvement_pct\": 0.0") != std::string::npos);
}

TEST_CASE("RunOutputs: the scar readouts by type and volume follow the interface's columns",
          "[outputs]") {
  RunResult result;
  SkinReading r;
  r.scar_depth_rolling_um = 123.0;
  r.scar_depth_boxcar_um = 234.0;
  r.scar_depth_icepick_um = 345.0;
  r.scar_volume_rel = 0.625;
  result.timeseries.push_back(r);
  result.outcome.scar_volume_rel = 0.625;
  result.outcome.baseline_scar_depth_icepick_um = 345.0;

  const std::string csv = timeseriesCsv(result);
  INFO(csv);
  const auto split = [](const std::string& line) {
    std::vector<std::string> cells;
    std::size_t from = 0;
    for (std::size_t comma; (comma = line.find(',', from)) != std::string::npos; from = comma + 1)
      cells.push_back(line.substr(from, comma - from));
    cells.push_back(line.substr(from));
    return cells;
  };
  const std::size_t eol = csv.find('\n');
  const std::vector<std::string> header = split(csv.substr(0, eol));
  const std::vector<std::string> row =
      split(csv.substr(eol + 1, csv.find('\n', eol + 1) - eol - 1));
  REQUIRE(header.size() == row.size());
  // The interface fixes the first eleven; the scar readouts come after them.
  const std::vector<std::string> first{"day",          "redness_a",      "erythema",
                                       "barrier_open", "roughness_um",   "scar_depth_um",
                                       "collagen_rel", "collagen1_rel",  "collagen3_rel",
                                       "elastin_rel",  "improvement_pct"};
  REQUIRE(header.size() > first.size());
  CHECK(std::vector<std::string>(header.begin(), header.begin() + 11) == first);
  const auto cell = [&](const std::string& name) {
    const auto it = std::find(header.begin(), header.end(), name);
    REQUIRE(it != header.end());
    CHECK(it - header.begin() >= 11);
    return row[static_cast<std::size_t>(it - header.begin())];
  };
  CHECK(cell("scar_depth_rolling_um") == "123.000");
  CHECK(cell("scar_depth_boxcar_um") == "234.000");
  CHECK(cell("scar_depth_icepick_um") == "345.000");
  CHECK(cell("scar_volume_rel") == "0.62500");

  const std::string summary = summaryJson(loadBuiltinScenario("acne_scars_pen"), result, {});
  CHECK(summary.find("\"scar_volume_rel\": 0.625") != std::string::npos);
  CHECK(summary.find("\"baseline_scar_depth_icepick_um\": 345.0") != std::string::npos);
}
