// The `dermasim` program as a user drives it: exit codes, messages, output files.

#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "CliTestSupport.hpp"

using namespace cli_test;

namespace {

const fs::path kScenarios = fs::path(DERMASIM_SOURCE_DIR) / "scenarios";

fs::path writeScenario(const fs::path& dir, const std::string& text) {
  const fs::path file = dir / "scenario.toml";
  std::ofstream(file) << text;
  return file;
}

const char* kMinimal = R"(
[device]
type = "roller"
needle_length_mm = 1.0
[schedule]
sessions = 2
interval_days = 30
)";

}  // namespace

TEST_CASE("cli dermasim: run with no scenario uses the built-in default", "[series][cli]") {
  const fs::path out = scratch("default") / "out";
  const Outcome r = dermasim("run --out " + out.string());
  REQUIRE(r.exit_code == 0);
  const auto summary = nlohmann::json::parse(slurp(out / "summary.json"));
  CHECK(summary["program"]["name"] == "dermasim");
  CHECK(summary["program"]["version"].is_string());
  CHECK(summary["seed"] == 7);
  CHECK(summary["scenario"]["device"]["type"] == "pen");
  REQUIRE(summary["sessions"].size() == 4);
  for (const auto& s : summary["sessions"]) {
    CHECK(s["punctures_per_cm2"].get<double>() > 100.0);
    CHECK(s["mean_depth_mm"].get<double>() > 0.5);
    CHECK(s["mean_depth_mm"].get<double>() <= s["needle_length_mm"].get<double>());
  }
  CHECK(summary["sessions"][0]["needle_length_mm"] == 1.0);
  CHECK(summary["sessions"][1]["needle_length_mm"] == 1.5);
  CHECK(summary["parameters"].contains("pen.penetration_fraction"));
  // Only the finished files: no temporary left behind.
  for (const auto& entry : fs::directory_iterator(out))
    CHECK(entry.path().filename().string().front() != '.');
}

TEST_CASE("cli dermasim: defaults are written out in full", "[series][cli]") {
  const fs::path dir = scratch("minimal");
  const fs::path file = writeScenario(dir, kMinimal);
  REQUIRE(dermasim("run " + file.string() + " -q --out " + (dir / "out").string()).exit_code == 0);
  const auto s = nlohmann::json::parse(slurp(dir / "out" / "summary.json"));
  CHECK(s["seed"] == 1);
  CHECK(s["scenario"]["scenario"]["duration_days"] == 180.0);
  CHECK(s["scenario"]["device"]["needles"] == 192);
  CHECK(s["scenario"]["device"]["drum_diameter_mm"] == 20.0);
  CHECK(s["scenario"]["model"]["patch_size_mm"] == 15.0);
  CHECK(s["sessions"][1]["day"] == 30.0);
}

TEST_CASE("cli dermasim: same scenario and seed give the same files at any thread count",
          "[series][cli]") {
  const fs::path dir = scratch("determinism");
  const std::string scenario = (kScenarios / "acne_scars_roller.toml").string();
  REQUIRE(dermasim("--threads 1 run " + scenario + " -q --out " + (dir / "a").string()).exit_code ==
          0);
  REQUIRE(dermasim("--threads 2 run " + scenario + " -q --out " + (dir / "b").string()).exit_code ==
          0);
  CHECK(slurp(dir / "a" / "punctures.csv") == slurp(dir / "b" / "punctures.csv"));
  CHECK(slurp(dir / "a" / "summary.json") == slurp(dir / "b" / "summary.json"));
}

TEST_CASE("cli dermasim: a bad scenario gives exit 2, one line, and loses nothing", "[cli]") {
  const fs::path dir = scratch("bad");
  const fs::path out = dir / "out";
  fs::create_directories(out);
  std::ofstream(out / "summary.json") << "previous results";
  const fs::path file = writeScenario(dir, R"(
[device]
type = "pen"
needle_length_mm = 7
[schedule]
sessions = 1
interval_days = 30
)");
  const Outcome r = dermasim("run " + file.string() + " --out " + out.string());
  CHECK(r.exit_code == 2);
  CHECK(r.err.find(file.string()) != std::string::npos);
  CHECK(r.err.find("device.needle_length_mm") != std::string::npos);
  CHECK(r.err.find("(got 7)") != std::string::npos);
  CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
  CHECK(slurp(out / "summary.json") == "previous results");
}

TEST_CASE("cli dermasim: a missing file and bad arguments give exit 2", "[cli]") {
  const Outcome missing = dermasim("run /nonexistent/scenario.toml --out /tmp/never");
  CHECK(missing.exit_code == 2);
  CHECK(missing.err.find("/nonexistent/scenario.toml") != std::string::npos);
  CHECK_FALSE(fs::exists("/tmp/never"));
  CHECK(dermasim("run --frobnicate").exit_code == 2);
  CHECK(dermasim("").exit_code == 2);
  CHECK(dermasim("--threads -3 run").exit_code == 2);
  CHECK(dermasim("--help").exit_code == 0);
  CHECK(dermasim("run --help").exit_code == 0);
}

TEST_CASE("cli dermasim: every shipped scenario validates, and is built in", "[cli]") {
  int count = 0;
  for (const auto& entry : fs::directory_iterator(kScenarios)) {
    if (entry.path().extension() != ".toml") continue;
    ++count;
    INFO(entry.path());
    CHECK(dermasim("validate " + entry.path().string()).exit_code == 0);
    CHECK(dermasim("validate " + entry.path().stem().string()).exit_code == 0);
  }
  CHECK(count >= 6);
}

TEST_CASE("cli dermasim: docs/ tables are what the program's tables print", "[cli]") {
  const fs::path dir = scratch("docs");
  for (const std::string& which : {std::string("keys"), std::string("params")}) {
    const fs::path printed = dir / (which + ".md");
    REQUIRE(std::system((kBinary.string() + " " + which + " > " + printed.string()).c_str()) == 0);
    const fs::path doc = fs::path(DERMASIM_SOURCE_DIR) / "docs" /
                         (which == "keys" ? "SCENARIO_KEYS.md" : "PARAMETERS.md");
    INFO("regenerate with: build/dermasim " << which << " > " << doc.string());
    CHECK(slurp(printed) == slurp(doc));
  }
}

TEST_CASE("cli dermasim: check prints advisories, exit 1 on a contraindication", "[cli]") {
  const fs::path dir = scratch("check");
  const fs::path ok = writeScenario(dir, kMinimal);
  CHECK(dermasim("check " + ok.string()).exit_code == 0);
  std::ofstream(dir / "pregnant.toml") << "[patient]\nconditions = [\"pregnancy\"]\n" << kMinimal;
  CHECK(dermasim("check " + (dir / "pregnant.toml").string()).exit_code == 1);
}
