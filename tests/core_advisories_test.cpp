#include <catch2/catch.hpp>
#include <cstdio>
#include <string>

#include "guidance/Advisories.hpp"
#include "guidance/AdvisoryThresholds.hpp"
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

namespace {

std::string decimal(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

double tableValue(std::string_view key) {
  for (const ParameterSpec& spec : advisoryThresholdTable())
    if (spec.key == key) return spec.value;
  FAIL("no advisory threshold " << key);
  return 0;
}

}  // namespace

TEST_CASE("Advisories: thresholds come from their table, each row documented and in range",
          "[advisories]") {
  const AdvisoryThresholds& t = AdvisoryThresholds::standard();
  CHECK(t.deep_needle_mm == tableValue("advisories.deep_needle_mm"));
  CHECK(t.deep_min_interval_days == tableValue("advisories.deep_min_interval_days"));
  CHECK(t.home_use_max_mm == tableValue("advisories.home_use_max_mm"));
  CHECK(advisoryThresholdTable().size() == 3);
  for (const ParameterSpec& spec : advisoryThresholdTable()) {
    INFO(spec.key);
    CHECK(!spec.unit.empty());
    CHECK(!spec.source.empty());
    CHECK(!spec.description.empty());
    CHECK(spec.min <= spec.value);
    CHECK(spec.value <= spec.max);
  }
}

TEST_CASE("Advisories: the table's thresholds are where the warnings start", "[advisories]") {
  const AdvisoryThresholds& t = AdvisoryThresholds::standard();
  const auto plan = [](double needleMm, double intervalDays, bool home) {
    return scenario("",
                    "type = \"roller\"\nneedle_length_mm = " + decimal(needleMm) +
                        (home ? "\nhome_use = true" : ""),
                    "[schedule]\nsessions = 2\ninterval_days = " + decimal(intervalDays) + "\n");
  };
  const double deep = t.deep_needle_mm, gap = t.deep_min_interval_days;
  CHECK_FALSE(has(adviseOn(plan(deep, gap, false)), "interval_short", AdvisoryLevel::Warning));
  CHECK(has(adviseOn(plan(deep, gap - 1, false)), "interval_short", AdvisoryLevel::Warning));
  CHECK_FALSE(
      has(adviseOn(plan(deep - 0.05, gap - 1, false)), "interval_short", AdvisoryLevel::Warning));
  for (const Advisory& a : adviseOn(plan(deep, gap - 1, false)))
    if (a.code == "interval_short") CHECK(a.message.find("at least 3 weeks") != std::string::npos);

  const double home = t.home_use_max_mm;
  CHECK_FALSE(has(adviseOn(plan(home, gap, true)), "home_use_depth", AdvisoryLevel::Warning));
  CHECK(has(adviseOn(plan(home + 0.05, gap, true)), "home_use_depth", AdvisoryLevel::Warning));
}
