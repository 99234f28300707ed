// Validation cases: reading a case file (its scenario through the scenario reader, its targets
// with every problem named by file and key) and judging targets against a hand-made run.

#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <string>

#include "io/InputError.hpp"
#include "io/ValidationCase.hpp"
#include "io/ValidationReport.hpp"

using namespace dermasim;
namespace fs = std::filesystem;

namespace {

constexpr const char* kFile = "validation/case.toml";

const std::string kScenario = R"toml(
[scenario]
duration_days = 20
[device]
type = "pen"
needle_length_mm = 1.0
[schedule]
sessions = 2
interval_days = 10
)toml";

const std::string kTarget = R"toml(
[[target]]
measure = "redness lasts 1-3 d"
metric = "downtime_days"
after_session = 2
published = "1-3 d"
min = 1
max = 3
mapping = "days until erythema falls below 0.1"
source = "makers' guides"
quality = "M"
)toml";

std::string errorOf(const std::string& text) {
  try {
    parseValidationCase(text, kFile);
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

// A target of the default form with one line replaced or added.
std::string targetWith(const std::string& from, const std::string& to) {
  std::string t = kTarget;
  if (from.empty()) return t + to + "\n";
  t.replace(t.find(from), from.size(), to);
  return t;
}

SkinReading reading(double day, double channels, double scar, double c1, double c3) {
  SkinReading r;
  r.day = day;
  r.channels_open = channels;
  r.scar_depth_rolling_um = scar;
  r.collagen1_rel = c1;
  r.collagen3_rel = c3;
  return r;
}

// One session on day 0, channels closing over a day, scars refilling over 20 days.
RunResult handMadeRun() {
  RunResult result;
  SessionResult s;
  s.day = 0;
  s.downtime_days = 1.5;
  s.device.needle_length_mm = 1.0;
  s.needling.stats.mean_depth_mm = 0.4;
  result.sessions.push_back(s);
  result.timeseries = {reading(0, 0, 200, 1, 1), reading(0.25, 1.0, 200, 1, 1.2),
                       reading(0.5, 0.6, 190, 1, 1.4), reading(1.0, 0.2, 180, 1.1, 1.5),
                       reading(20, 0, 150, 1.2, 1.8)};
  return result;
}

ValidationCase caseWithTarget(const std::string& target) {
  return parseValidationCase(kScenario + target, kFile);
}

}  // namespace

TEST_CASE("A case holds a scenario, read by the scenario reader, and its targets", "[validation]") {
  const ValidationCase c = parseValidationCase(
      "[case]\nname = \"redness\"\ndescription = \"one pen\"\n" + kScenario + kTarget, kFile);
  CHECK(c.name == "redness");
  CHECK(c.description == "one pen");
  CHECK(c.scenario.sessions.size() == 2);
  CHECK(c.scenario.device.needle_length_mm == 1.0);
  REQUIRE(c.targets.size() == 1);
  const ValidationTarget& t = c.targets[0];
  CHECK(t.metric.kind == ValidationMetric::Kind::Session);
  CHECK(t.moment.session == 2);
  CHECK(t.low == 1);
  CHECK(t.high == 3);
  CHECK(t.published == "1-3 d");
  CHECK(t.quality == "M");
  CHECK(t.when == "session 2");

  // Without [case], the file's stem names it; after_session + days is a day.
  const ValidationCase d = parseValidationCase(
      kScenario + targetWith("metric = \"downtime_days\"", "metric = \"epidermis_rel\"\ndays = 4"),
      kFile);
  CHECK(d.name == "case");
  CHECK(d.targets[0].moment.day == 14);
}

TEST_CASE("A tolerance makes the range around a numeric published figure", "[validation]") {
  const std::string target =
      targetWith("published = \"1-3 d\"\nmin = 1\nmax = 3", "published = 2.0\ntolerance = 0.5");
  const ValidationCase c = parseValidationCase(kScenario + target, kFile);
  CHECK(c.targets[0].low == 1.5);
  CHECK(c.targets[0].high == 2.5);
  CHECK(c.targets[0].published_value == 2.0);
}

TEST_CASE("Bad cases name the file and the key", "[validation]") {
  using Catch::Matchers::Contains;
  using Catch::Matchers::StartsWith;
  CHECK_THAT(errorOf(kScenario + targetWith("", "colour = \"red\"")),
             StartsWith("validation/case.toml: target[0].colour: unknown key"));
  CHECK_THAT(errorOf(kScenario + targetWith("source = \"makers' guides\"\n", "")),
             StartsWith("validation/case.toml: target[0].source: required key is missing"));
  CHECK_THAT(errorOf("[case]\ntitle = \"x\"\n" + kScenario + kTarget),
             StartsWith("validation/case.toml: case.title: unknown key"));
  CHECK_THAT(errorOf(kScenario), StartsWith("validation/case.toml: target: required"));
  CHECK_THAT(
      errorOf(kScenario + targetWith("metric = \"downtime_days\"", "metric = \"colagen_rel\"")),
      StartsWith("validation/case.toml: target[0].metric: ") && Contains("(got \"colagen_rel\")"));
  CHECK_THAT(errorOf(kScenario + targetWith("quality = \"M\"", "quality = \"B\"")),
             StartsWith("validation/case.toml: target[0].quality: ") && Contains("(got \"B\")"));
  CHECK_THAT(errorOf(kScenario + targetWith("after_session = 2", "after_session = 3")),
             StartsWith("validation/case.toml: target[0].after_session: ") && Contains("(got 3)"));
  CHECK_THAT(errorOf(kScenario + targetWith("min = 1", "min = 4")),
             StartsWith("validation/case.toml: target[0].max: must be at least min"));
  CHECK_THAT(errorOf(kScenario + targetWith("max = 3", "tolerance = 1")),
             StartsWith("validation/case.toml: target[0].tolerance: "));
  CHECK_THAT(
      errorOf(kScenario + targetWith("metric = \"downtime_days\"\nafter_session = 2",
                                     "metric = \"epidermis_rel\"\nday = 40")),
      StartsWith("validation/case.toml: target[0].day: must fall within") && Contains("(got 40)"));
  CHECK_THAT(errorOf(kScenario + targetWith("min = 1", "min = nan")),
             StartsWith("validation/case.toml: target[0].min: expected a finite number (got nan)"));
  // The scenario's own rules, from the scenario reader.
  const std::string badScenario =
      "[scenario]\nduration_days = 20\n[device]\ntype = \"pen\"\nneedle_length_mm = 7\n"
      "[schedule]\nsessions = 1\ninterval_days = 10\n";
  CHECK_THAT(errorOf(badScenario + kTarget),
             StartsWith("validation/case.toml: device.needle_length_mm: "));
}

TEST_CASE("Every shipped case reads", "[validation]") {
  const auto files =
      validationCaseFiles(fs::path(DERMASIM_SOURCE_DIR) / "scenarios" / "validation");
  REQUIRE(files.size() >= 12);
  for (const fs::path& file : files) {
    INFO(file.string());
    const ValidationCase c = loadValidationCase(file);
    CHECK_FALSE(c.targets.empty());
  }
}

TEST_CASE("Targets pass inside their range and fail outside it", "[validation]") {
  const RunResult run = handMadeRun();
  // Session 2 does not exist in the hand-made run: read session 1.
  const auto judged = [&](const std::string& target) {
    return evaluateCase(caseWithTarget(target), run).at(0);
  };
  const TargetOutcome pass = judged(targetWith("after_session = 2", "after_session = 1"));
  CHECK(pass.model == 1.5);
  CHECK(pass.pass);
  const TargetOutcome fail =
      judged(targetWith("after_session = 2\npublished = \"1-3 d\"\nmin = 1\nmax = 3",
                        "after_session = 1\npublished = 3\ntolerance = 1"));
  CHECK(fail.model == 1.5);
  CHECK_FALSE(fail.pass);

  // A column between two readings is read linearly.
  const TargetOutcome column = judged(targetWith("metric = \"downtime_days\"\nafter_session = 2",
                                                 "metric = \"collagen1_rel\"\nday = 10.5"));
  CHECK(column.model == Approx(1.15));
}

TEST_CASE("Derived metrics: hours until below, reduction, ratio", "[validation]") {
  const RunResult run = handMadeRun();
  const auto model = [&](const std::string& metric, const std::string& when) {
    return evaluateCase(caseWithTarget(targetWith("metric = \"downtime_days\"\nafter_session = 2",
                                                  "metric = \"" + metric + "\"\n" + when)),
                        run)
        .at(0)
        .model;
  };
  // channels_open falls through 0.5 between 0.5 d (0.6) and 1 d (0.2): at 0.625 d.
  CHECK(model("hours_until_below(channels_open, 0.5)", "after_session = 1") == Approx(15.0));
  // Never at or above 2: nothing to fall from.
  CHECK(model("hours_until_below(channels_open, 2)", "after_session = 1") == 0.0);
  // collagen III rises past 1.1 and never falls back below it: never.
  CHECK(std::isnan(model("hours_until_below(collagen3_rel, 1.1)", "after_session = 1")));
  CHECK(model("reduction_pct(scar_depth_rolling_um)", "day = 20") == Approx(25.0));
  CHECK(model("collagen3_rel/collagen1_rel", "day = 20") == Approx(1.5));
  CHECK(model("depth_fraction", "after_session = 1") == Approx(0.4));
  // Channels peak at 1.0 on day 0.25; collagen III at 1.8 on day 20, after the day read.
  CHECK(model("share_of_peak(channels_open)", "day = 0.75") == Approx(0.4));
  CHECK(model("share_of_peak(collagen3_rel)", "day = 1") == Approx(1.5 / 1.8));
}

TEST_CASE("A metric the model never reaches fails and shows as never", "[validation]") {
  const RunResult run = handMadeRun();
  const ValidationCase c = caseWithTarget(
      targetWith("metric = \"downtime_days\"\nafter_session = 2",
                 "metric = \"hours_until_below(collagen3_rel, 1.1)\"\nafter_session = 1"));
  const TargetOutcome o = evaluateCase(c, run).at(0);
  CHECK_FALSE(o.pass);
  CHECK(modelText(o.model) == "never");
  const std::string table = validationTable({o});
  CHECK_THAT(table, Catch::Matchers::Contains("never") && Catch::Matchers::Contains("FAIL") &&
                        Catch::Matchers::Contains("0 of 1 targets pass"));
  const std::string csv = validationCsv({o});
  CHECK_THAT(csv, Catch::Matchers::StartsWith("case,measure,metric,when,model,published,low,high,"
                                              "pass,quality,mapping,source\n"));
  CHECK_THAT(csv, Catch::Matchers::Contains(",fail,M,"));
}
