// `dermasim plan`: the printed plan with reasons, sources, units and the simulated downtime;
// --out writes a scenario that the loader reads back to the plan and that `check` and `run` take
// as it is, its downtime within the guidance for its depth; darker skin gets a gentler plan
// with the reason printed; bad options and uncovered pairings are exit 2 with nothing written.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>

#include "CliTestSupport.hpp"
#include "core/numerics/NumberText.hpp"
#include "guidance/Advisories.hpp"
#include "guidance/Findings.hpp"
#include "guidance/Planner.hpp"
#include "io/ScenarioFile.hpp"
#include "io/ScenarioToml.hpp"

namespace ds = dermasim;
using ds::Indication;
using ds::planProtocol;
using ds::Site;
using namespace cli_test;

namespace {

bool has(const std::string& text, const std::string& words) {
  return text.find(words) != std::string::npos;
}

std::string depthLine(const ds::ProtocolPlan& plan) {
  return "needle depth: " + ds::roundedNumber(plan.scenario.device.needle_length_mm, 2) + " mm";
}

}  // namespace

TEST_CASE("cli plan: prints the plan with reasons, sources, units, downtime, gentler for type V",
          "[cli]") {
  // Fine lines around the eyes: the shallowest chart and the thinnest skin, so the quickest plan
  // to simulate (every simulation here takes seconds).
  const ds::ProtocolPlan light = planProtocol({Site::Periorbital, Indication::FineLines, 1, {}});
  const ds::ProtocolPlan dark = planProtocol({Site::Periorbital, Indication::FineLines, 5, {}});
  // A gentler plan on every count the table lowers for raised PIH risk (the chart's shallow end
  // is the same 0.25 mm here: guidance_planner_test shows a shallower one on the cheek).
  CHECK(dark.scenario.device.needle_length_mm <= light.scenario.device.needle_length_mm);
  CHECK(dark.scenario.device.passes < light.scenario.device.passes);
  CHECK(dark.interval_days > light.interval_days);

  const Outcome r =
      cli_test::dermasim("plan --site periorbital --indication fine_lines --fitzpatrick 5");
  INFO(r.err << r.out);
  REQUIRE(r.exit_code == 0);
  CHECK(has(r.out, "Plan for fine_lines on the periorbital"));
  CHECK(has(r.out, "skin type: Fitzpatrick V, raised risk of post-inflammatory"));
  CHECK(has(r.out, "gentler"));
  CHECK(has(r.out, "Fitzpatrick V has raised PIH risk"));
  CHECK(has(r.out, "device: " + std::string(ds::toString(dark.scenario.device.type))));
  CHECK(has(r.out, depthLine(dark)));
  CHECK(has(r.out, "passes: " + std::to_string(dark.scenario.device.passes) + " pass"));
  CHECK(has(r.out, "sessions: " + std::to_string(dark.scenario.sessions.size())));
  CHECK(has(r.out, "interval: " + ds::roundedNumber(dark.interval_days, 1) + " days"));
  CHECK(has(r.out, "maintenance: "));
  CHECK(has(r.out, " days of visible redness per session (simulated)"));
  for (const char* row :
       {"treated_sites.csv", "pigmentation.csv", "devices.csv", "depth_ranges.csv",
        "thresholds.csv", "courses.csv", "intervals.csv", "downtime.csv"})
    CHECK(has(r.out, std::string("source: assets/guidance/") + row));
  CHECK(has(r.out, "findings of `dermasim check` for this plan:"));
  // Progress of the one simulation on stderr.
  CHECK(has(r.err, "simulating the plan once for its downtime"));
  CHECK(has(r.err, "%] day"));
}

TEST_CASE("cli plan: --out writes a scenario check and run take as is, downtime within guidance",
          "[series][cli]") {
  // The representative pair: fine lines around the eyes, the shallowest chart (0.25-0.5 mm) and
  // so the quickest plan to simulate, for type IV skin, whose plan `check` still warns about
  // (pigmentation). Its depth falls in downtime.csv's first row (needles under 0.5 mm: hours to
  // 2 days of redness, the makers' guides in the calibration sheet section 3), which bounds the
  // downtime `run` finds for it.
  const fs::path dir = scratch("plan_out");
  const fs::path file = dir / "eyes.toml";
  const Outcome planned = cli_test::dermasim(
      "plan --site periorbital --indication fine_lines --fitzpatrick 4 --out " + file.string());
  INFO(planned.err);
  REQUIRE(planned.exit_code == 0);
  CHECK(planned.out.empty());
  CHECK(has(planned.err, "wrote " + file.string()));
  const std::string text = slurp(file);
  CHECK(has(text, "# why: "));
  CHECK(has(text, "# source: assets/guidance/depth_ranges.csv"));
  CHECK(has(text, "# expected downtime: "));

  // What check says of the file heads it: warnings only, no error.
  const ds::ProtocolPlan plan = planProtocol({Site::Periorbital, Indication::FineLines, 4, {}});
  const std::vector<ds::Advisory> findings = ds::findingsFor(plan.scenario);
  REQUIRE(!findings.empty());
  const Outcome check = cli_test::dermasim("check " + file.string());
  INFO(check.out);
  CHECK(check.exit_code == 0);
  CHECK_FALSE(has(check.out, "\nerror "));
  for (const ds::Advisory& a : findings) {
    const std::string said = std::string(ds::toString(a.level)) + " " + a.code;
    CHECK(has(check.out, said));
    CHECK(has(text, "# check says: " + said));
  }

  // Round trip through the scenario loader.
  ds::Scenario loaded = ds::loadScenarioFile(file);
  loaded.source = plan.scenario.source;  // the file's name, which toToml records
  CHECK(ds::toToml(loaded) == ds::toToml(plan.scenario));

  const Outcome run =
      cli_test::dermasim("run " + file.string() + " -q --out " + (dir / "run").string());
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  const auto summary = nlohmann::json::parse(slurp(dir / "run" / "summary.json"));
  const ds::DowntimeRange& guide =
      ds::knowledgeTable().downtimeFor(plan.scenario.device.needle_length_mm);
  REQUIRE(summary.at("sessions").size() == plan.scenario.sessions.size());
  std::string each;
  for (const auto& session : summary.at("sessions")) {
    const double downtime = session.at("downtime_days").get<double>();
    INFO("downtime " << downtime << " d, guidance " << guide.min_days << "-" << guide.max_days
                     << " d [" << guide.provenance.cite() << "]");
    CHECK(downtime >= guide.min_days);
    CHECK(downtime <= guide.max_days);
    each += (each.empty() ? "" : ", ") + ds::fixedNumber(downtime, 1);
  }
  // The plan read its downtime the way run's summary.json gives it.
  CHECK(has(text, each + " days"));
}

TEST_CASE("cli plan: bad options are exit 2 naming the option, expected and got", "[cli]") {
  const fs::path dir = scratch("plan_bad");
  const std::string base = "plan --site cheek --indication acne_scars ";
  const std::string out = " --out " + (dir / "p.toml").string();
  struct Case {
    std::string args;
    std::vector<std::string> words;
  };
  const std::vector<Case> cases{
      {"plan --site elbow --indication acne_scars" + out, {"--site", "cheek", "elbow"}},
      {"plan --site cheek --indication wrinkles" + out, {"--indication", "acne_scars", "wrinkles"}},
      {base + "--fitzpatrick 7" + out, {"--fitzpatrick", "1 to 6", "7"}},
      {base + "--fitzpatrick 0" + out, {"--fitzpatrick", "1 to 6", "(got 0)"}},
      {base + "--fitzpatrick V" + out, {"--fitzpatrick", "whole number", "V"}},
      {base + "--device laser" + out, {"--device", "pen | roller", "laser"}},
      {base + "--out " + (dir / "missing" / "p.toml").string(), {"--out", "does not exist"}},
      {base + "--out " + (dir / "p.txt").string(), {"--out", ".toml", "p.txt"}},
      {base + "--out " + dir.string(), {"--out", ".toml"}},
      {"plan --site cheek" + out, {"--indication", "required"}},
      {base + "--site", {"--site"}},
      {base + "--depth 2" + out, {"--depth"}},
      {"plan --site cheek --indication hair_loss" + out,
       {"refused: ", "hair_loss on the cheek", "scalp", "treated_sites.csv"}},
  };
  for (const Case& c : cases) {
    const Outcome r = cli_test::dermasim(c.args);
    INFO(c.args << "\n" << r.err);
    CHECK(r.exit_code == 2);
    for (const std::string& w : c.words) CHECK(has(r.err, w));
    CHECK(r.out.empty());
    // Refused before anything ran: no progress, nothing written.
    CHECK_FALSE(has(r.err, "simulating"));
    CHECK(filesUnder(dir).empty());
  }
}

TEST_CASE("cli plan: --help names every option", "[cli]") {
  const Outcome r = cli_test::dermasim("plan --help");
  CHECK(r.exit_code == 0);
  for (const char* option : {"--site", "--indication", "--fitzpatrick", "--device", "--out"})
    CHECK(has(r.out, option));
  CHECK(has(cli_test::dermasim("--help").out, "plan"));
}
