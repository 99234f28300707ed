#include <catch2/catch.hpp>
#include <cmath>
#include <cstdio>
#include <string>

#include "guidance/Advisories.hpp"
#include "guidance/AdvisoryThresholds.hpp"
#include "guidance/Findings.hpp"
#include "guidance/KnowledgeTable.hpp"
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

// A pen near the calibration sheet's target session, 225 punctures/cm2 (12 needles x 30 Hz
// over 4 mm at 40 mm/s, 1 pass; openings drawn out to ~0.58 mm by the glide, ~23 % covered): the
// default settings open nearly all the surface.
const std::string kRoutinePen =
    "type = \"pen\"\nfrequency_hz = 30\nglide_speed_mm_s = 40\npasses = 1\n";

}  // namespace

TEST_CASE("Advisories: a routine plan raises nothing", "[advisories]") {
  // 1.0 mm: a 1.5 mm pen's tracks (~1.35 mm) pass through the model's cheek skin (~1.26 mm).
  const auto s = scenario("site = \"cheek\"\nindication = \"acne_scars\"",
                          kRoutinePen + "needle_length_mm = 1.0", kMonthly);
  CHECK(findingsFor(s).empty());
}

TEST_CASE("Advisories: too deep for the site", "[advisories]") {
  // Beyond the forehead's chart, tracks (~0.9 mm) still within its skin (~1.06 mm): a warning.
  const auto s = scenario("site = \"forehead\"\nindication = \"fine_lines\"",
                          kRoutinePen + "needle_length_mm = 1.0", kMonthly);
  const auto list = findingsFor(s);
  CHECK(has(list, "depth_exceeds_site", AdvisoryLevel::Warning));
  CHECK(list.size() == 3);  // one per session
  CHECK(list.front().message.find("forehead") != std::string::npos);
  // At 1.5 mm the tracks pass through the forehead's whole skin: an error.
  const auto deeper = scenario("site = \"forehead\"\nindication = \"fine_lines\"",
                               kRoutinePen + "needle_length_mm = 1.5", kMonthly);
  CHECK(has(findingsFor(deeper), "depth_unsafe_for_site", AdvisoryLevel::Error));
}

TEST_CASE("Advisories: contraindications are errors, relative ones warnings", "[advisories]") {
  const auto s = scenario("conditions = [\"pregnancy\", \"rosacea\"]",
                          "type = \"pen\"\nneedle_length_mm = 1.0", kMonthly);
  const auto list = findingsFor(s);
  CHECK(has(list, "contraindication", AdvisoryLevel::Error));
  CHECK(has(list, "relative_contraindication", AdvisoryLevel::Warning));
}

TEST_CASE("Advisories: home use deeper than 0.3 mm, deep sessions too close", "[advisories]") {
  const auto home = scenario("", "type = \"roller\"\nneedle_length_mm = 0.5\nhome_use = true",
                             "[schedule]\nsessions = 10\ninterval_days = 7\n");
  CHECK(has(findingsFor(home), "home_use_depth", AdvisoryLevel::Error));
  CHECK_FALSE(has(findingsFor(home), "interval_short", AdvisoryLevel::Warning));

  const auto weekly = scenario("", "type = \"pen\"\nneedle_length_mm = 1.5",
                               "[schedule]\nsessions = 3\ninterval_days = 7\n");
  CHECK(has(findingsFor(weekly), "interval_short", AdvisoryLevel::Warning));
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

TEST_CASE("Advisories: caption thresholds come from their table, each row documented",
          "[advisories]") {
  const AdvisoryThresholds& t = AdvisoryThresholds::standard();
  CHECK(t.visible_change_from_days == tableValue("captions.visible_change_from_days"));
  CHECK(t.noticeable_improvement_pct == tableValue("captions.noticeable_improvement_pct"));
  // The plan thresholds live in the knowledge table now: one home per number.
  CHECK(advisoryThresholdTable().size() == 2);
  for (const ParameterSpec& spec : advisoryThresholdTable()) {
    INFO(spec.key);
    CHECK(!spec.unit.empty());
    CHECK(!spec.source.empty());
    CHECK(!spec.description.empty());
    CHECK(spec.min <= spec.value);
    CHECK(spec.value <= spec.max);
  }
}

TEST_CASE("Advisories: the knowledge table's thresholds are where the warnings start",
          "[advisories]") {
  const KnowledgeTable& k = knowledgeTable();
  const auto plan = [](double needleMm, double intervalDays, bool home) {
    return scenario("",
                    "type = \"roller\"\nneedle_length_mm = " + decimal(needleMm) +
                        (home ? "\nhome_use = true" : ""),
                    "[schedule]\nsessions = 2\ninterval_days = " + decimal(intervalDays) + "\n");
  };
  const Indication indication = plan(1, 1, false).patient.indication;
  const IntervalRule& rule = k.interval(indication, 1.0);
  const double deep = rule.from_mm, gap = rule.min_interval_days;
  CHECK_FALSE(has(findingsFor(plan(deep, gap, false)), "interval_short", AdvisoryLevel::Warning));
  CHECK(has(findingsFor(plan(deep, gap - 1, false)), "interval_short", AdvisoryLevel::Warning));
  const IntervalRule& shallower = k.interval(indication, deep - 0.05);
  CHECK(shallower.min_interval_days < gap);
  CHECK_FALSE(has(findingsFor(plan(deep - 0.05, shallower.min_interval_days, false)),
                  "interval_short", AdvisoryLevel::Warning));

  const double home = k.threshold("home_use_max_mm").value;
  CHECK_FALSE(has(findingsFor(plan(home, 7, true)), "home_use_depth", AdvisoryLevel::Error));
  CHECK(has(findingsFor(plan(home + 0.05, 7, true)), "home_use_depth", AdvisoryLevel::Error));
}

namespace {

std::string pct(double fraction) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.0f %%", 100 * fraction);
  return buf;
}

}  // namespace

TEST_CASE("Advisories: a dense pen session opens a confluent injury", "[advisories]") {
  // 12 needles at 110 Hz, 10 mm/s over 4 mm, 3 passes: ~9,900 punctures/cm2 of 0.25 mm.
  const auto dense = scenario(
      "", "type = \"pen\"\nneedle_length_mm = 1.0\npasses = 3\nglide_speed_mm_s = 10", kMonthly);
  const OpeningCoverage opened =
      estimateOpeningCoverage(dense.sessions.front().device, ModelParameters());
  CHECK(opened.punctures_per_cm2 == Approx(9900));
  CHECK(opened.covered_fraction > 0.99);
  // The channels left behind are narrower and closing, yet still cover most of the skin.
  CHECK(opened.open_surface_fraction > 0.5);
  CHECK(opened.open_surface_fraction < opened.covered_fraction);
  const auto list = findingsFor(dense);
  CHECK(has(list, "confluent_injury", AdvisoryLevel::Warning));
  for (const Advisory& a : list) {
    if (a.code != "confluent_injury") continue;
    INFO(a.message);
    CHECK(a.message.find("about " + pct(opened.open_surface_fraction)) != std::string::npos);
    CHECK(a.message.find("over 99 %") != std::string::npos);
    CHECK(a.message.find("9900 punctures/cm2") != std::string::npos);
    CHECK(a.message.find("110 Hz") != std::string::npos);
    CHECK(a.message.find("3 passes") != std::string::npos);
    CHECK(a.message.find("under 30 %") != std::string::npos);
  }
}

TEST_CASE("Advisories: a medical roller's session stays fractional", "[advisories]") {
  // 192 needles on a 20 x 20 mm drum, 4 passes: ~61 punctures/cm2.
  const auto sparse =
      scenario("", "type = \"roller\"\nneedle_length_mm = 1.0\npasses = 4", kMonthly);
  const OpeningCoverage opened =
      estimateOpeningCoverage(sparse.sessions.front().device, ModelParameters());
  CHECK(opened.covered_fraction < 0.1);
  CHECK(opened.covered_fraction > 0);
  CHECK_FALSE(has(findingsFor(sparse), "confluent_injury", AdvisoryLevel::Warning));
}

TEST_CASE("Advisories: covered fraction is 1 - exp(-density x opening area)", "[advisories]") {
  const auto roller =
      scenario("", "type = \"roller\"\nneedle_length_mm = 1.5\npasses = 15", kMonthly);
  const OpeningCoverage opened =
      estimateOpeningCoverage(roller.sessions.front().device, ModelParameters());
  // A roller tears its openings along the rolling direction.
  CHECK(opened.opening_length_mm > 1.2 * opened.opening_width_mm);
  const double areaCm2 = 3.14159265 / 4 * opened.opening_width_mm * opened.opening_length_mm / 100;
  CHECK(opened.covered_fraction ==
        Approx(1 - std::exp(-opened.punctures_per_cm2 * areaCm2)).epsilon(1e-6));
}

TEST_CASE("Advisories: the confluence threshold is where the warning starts", "[advisories]") {
  // More passes of the same pen leave more of the surface open; the warning starts at the
  // first pass count whose estimate exceeds the table's threshold.
  const double limit = knowledgeTable().threshold("confluent_injury_fraction").value;
  const auto withPasses = [](int passes) {
    return scenario(
        "", "type = \"pen\"\nneedle_length_mm = 1.5\npasses = " + std::to_string(passes), kMonthly);
  };
  int first = 0;
  for (int passes = 1; passes <= 30 && first == 0; ++passes)
    if (estimateOpeningCoverage(withPasses(passes).sessions.front().device, ModelParameters())
            .open_surface_fraction > limit)
      first = passes;
  REQUIRE(first > 1);
  CHECK_FALSE(has(findingsFor(withPasses(first - 1)), "confluent_injury", AdvisoryLevel::Warning));
  const auto list = findingsFor(withPasses(first));
  CHECK(has(list, "confluent_injury", AdvisoryLevel::Warning));
  const double covered =
      estimateOpeningCoverage(withPasses(first).sessions.front().device, ModelParameters())
          .open_surface_fraction;
  for (const Advisory& a : list)
    if (a.code == "confluent_injury")
      CHECK(a.message.find("about " + pct(covered)) != std::string::npos);
}

TEST_CASE("Advisories: the scenario's parameters shape the openings", "[advisories]") {
  // A stiffer skin tears less: the same roller's openings shrink and cover less.
  const std::string device = "type = \"roller\"\nneedle_length_mm = 1.5\npasses = 15";
  const auto plain = scenario("", device, kMonthly);
  const auto stiff =
      scenario("", device, kMonthly + "[parameters]\n\"roller.tear_compliance\" = 0.2\n");
  const ModelParameters p;
  const double base = estimateOpeningCoverage(plain.sessions.front().device, p).covered_fraction;
  const double less =
      estimateOpeningCoverage(stiff.sessions.front().device,
                              ModelParameters::withOverrides(stiff.parameter_overrides))
          .covered_fraction;
  CHECK(less < base);
}

TEST_CASE("Advisories: a pen at its default settings stays fractional", "[advisories]") {
  for (double depth : {0.5, 1.5, 2.5}) {
    const auto plain =
        scenario("", "type = \"pen\"\nneedle_length_mm = " + std::to_string(depth), kMonthly);
    const OpeningCoverage opened =
        estimateOpeningCoverage(plain.sessions.front().device, ModelParameters());
    INFO(depth << " mm: open surface an hour after " << opened.open_surface_fraction);
    CHECK(opened.open_surface_fraction < 0.3);
    CHECK_FALSE(has(findingsFor(plain), "confluent_injury", AdvisoryLevel::Warning));
  }
}
