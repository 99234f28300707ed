#include <catch2/catch.hpp>
#include <string>

#include "guidance/Advisories.hpp"
#include "io/ScenarioFile.hpp"

using namespace dermasim;

namespace {

Scenario scenario(const std::string& patient, const std::string& device,
                  const std::string& schedule) {
  return parseScenario("[patient]\n" + patient + "\n[device]\n" + device + "\n" + schedule,
                       "test.toml");
}

bool has(const std::vector<Advisory>& list, const std::string& code, AdvisoryLevel level) {
  for (const Advisory& a : list)
    if (a.code == code && a.level == level) return true;
  return false;
}

const std::string kMonthly = "[schedule]\nsessions = 3\ninterval_days = 28\n";

}  // namespace

TEST_CASE("Advisories: a routine plan raises nothing", "[advisories]") {
  const auto s = scenario("site = \"cheek\"\nindication = \"acne_scars\"",
                          "type = \"pen\"\nneedle_length_mm = 1.5", kMonthly);
  CHECK(adviseOn(s).empty());
}

TEST_CASE("Advisories: too deep for the site", "[advisories]") {
  const auto s = scenario("site = \"forehead\"\nindication = \"fine_lines\"",
                          "type = \"pen\"\nneedle_length_mm = 1.5", kMonthly);
  const auto list = adviseOn(s);
  CHECK(has(list, "depth_exceeds_site", AdvisoryLevel::Warning));
  CHECK(list.size() == 3);  // one per session
  CHECK(list.front().message.find("forehead") != std::string::npos);
}

TEST_CASE("Advisories: contraindications are errors, relative ones warnings", "[advisories]") {
  const auto s = scenario("conditions = [\"pregnancy\", \"rosacea\"]",
                          "type = \"pen\"\nneedle_length_mm = 1.0", kMonthly);
  const auto list = adviseOn(s);
  CHECK(has(list, "contraindication", AdvisoryLevel::Error));
  CHECK(has(list, "relative_contraindication", AdvisoryLevel::Warning));
}

TEST_CASE("Advisories: home use deeper than 0.3 mm, deep sessions too close", "[advisories]") {
  const auto home = scenario("", "type = \"roller\"\nneedle_length_mm = 0.5\nhome_use = true",
                             "[schedule]\nsessions = 10\ninterval_days = 7\n");
  CHECK(has(adviseOn(home), "home_use_depth", AdvisoryLevel::Warning));
  CHECK_FALSE(has(adviseOn(home), "interval_short", AdvisoryLevel::Warning));

  const auto weekly = scenario("", "type = \"pen\"\nneedle_length_mm = 1.5",
                               "[schedule]\nsessions = 3\ninterval_days = 7\n");
  CHECK(has(adviseOn(weekly), "interval_short", AdvisoryLevel::Warning));
}
