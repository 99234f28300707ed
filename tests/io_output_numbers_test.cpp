#include <catch2/catch.hpp>
#include <cctype>
#include <string>

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
