// `dermasim train CASE --answer FILE`: prints the brief, the feedback with reasons, figures and
// sources, the score and the debrief (or the same as JSON); lists the cases; a bad case or
// answer is exit 2 with one line naming the file and the key.
//
// Speed: the simulated answers run on a case file written here, the periorbital case's patient
// on a 2 mm patch at 50 um (writeQuickScenario's grid), one session; what is judged (the depth
// against the site, the density) does not depend on the patch. Declining needs no simulation,
// so the built-in cases are used for it.
#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "CliTestSupport.hpp"

using namespace cli_test;

namespace {

fs::path quickCase(const fs::path& dir) {
  const fs::path file = dir / "quick_eyes.toml";
  std::ofstream(file) << "[scenario]\nname = \"Crow's feet, quick\"\n"
                         "description = \"A 45-year-old woman asks you to soften her crow's "
                         "feet. You have a pen.\"\nseed = 5\nduration_days = 10\n"
                         "[patient]\nsite = \"periorbital\"\nfitzpatrick = 2\nage = 45\n"
                         "indication = \"fine_lines\"\n"
                         "[device]\ntype = \"pen\"\nneedle_length_mm = 0.5\n"
                         "[schedule]\nsessions = 1\ninterval_days = 28\n"
                         "[model]\npatch_size_mm = 2\nlateral_resolution_um = 50\n";
  return file;
}

fs::path answerFile(const fs::path& dir, const std::string& name, const std::string& text) {
  const fs::path file = dir / (name + ".toml");
  std::ofstream(file) << text;
  return file;
}

std::string penAnswer(double mm, int passes) {
  return "device = \"pen\"\nneedle_length_mm = " + std::to_string(mm) +
         "\npasses = " + std::to_string(passes) + "\nsessions = 1\ninterval_days = 28\n";
}

}  // namespace

TEST_CASE("cli train: --list names every training case", "[cli]") {
  const Outcome r = dermasim("train --list");
  CHECK(r.exit_code == 0);
  for (const char* name : {"periorbital_fine_lines:", "cheek_acne_scars_type5:", "forehead_lines:",
                           "neck_rejuvenation:", "thigh_stretch_marks:", "isotretinoin_acne_scars:",
                           "active_acne_chin:", "fortnightly_deep_request:",
                           "roller_cheek_rejuvenation:", "home_roller_pores:"})
    CHECK(r.out.find(name) != std::string::npos);
  const Outcome help = dermasim("train --help");
  CHECK(help.exit_code == 0);
  CHECK(help.out.find("--answer") != std::string::npos);
  CHECK(dermasim("--help").out.find("train") != std::string::npos);
}

TEST_CASE("cli train: a poor answer gets its fault with reasons, a good one scores higher",
          "[cli]") {
  const fs::path dir = scratch("train_answers");
  const fs::path eyes = quickCase(dir);
  const Outcome poor = dermasim("train " + eyes.string() + " --answer " +
                                answerFile(dir, "deep", penAnswer(1.5, 2)).string());
  INFO(poor.err);
  REQUIRE(poor.exit_code == 0);
  for (const char* words : {"Case quick_eyes: Crow's feet, quick", "crow's feet", "Your answer: ",
                            "Simulated: collagen", "error too_deep: ", "why: ", "simulated: tracks",
                            "source: assets/guidance/depth_ranges.csv", "Score: ", "Debrief: "})
    CHECK(poor.out.find(words) != std::string::npos);
  CHECK(poor.err.find("simulated in") != std::string::npos);

  const Outcome good = dermasim("train " + eyes.string() + " --json -q --answer " +
                                answerFile(dir, "gentle", penAnswer(0.5, 2)).string());
  REQUIRE(good.exit_code == 0);
  CHECK(good.err.empty());
  const auto j = nlohmann::json::parse(good.out);
  CHECK(j.at("case").at("name") == "quick_eyes");
  CHECK(j.at("answer").at("needle_length_mm") == 0.5);
  bool deep = false, goodDepth = false;
  for (const auto& item : j.at("items")) {
    deep = deep || item.at("code") == "too_deep";
    goodDepth = goodDepth || (item.at("code") == "good_depth" && item.at("good") == true);
  }
  CHECK_FALSE(deep);
  CHECK(goodDepth);
  CHECK(j.at("outcome").contains("pih_risk"));
  const Outcome poorJson =
      dermasim("train " + eyes.string() + " --json -q --answer " + (dir / "deep.toml").string());
  CHECK(j.at("score").get<int>() > nlohmann::json::parse(poorJson.out).at("score").get<int>());
}

TEST_CASE("cli train: declining a contraindicated case, by name, needs no simulation", "[cli]") {
  const fs::path dir = scratch("train_decline");
  const fs::path no = answerFile(dir, "no", "treat = false\n");
  const Outcome r = dermasim("train isotretinoin_acne_scars --answer " + no.string());
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("Your answer: do not treat") != std::string::npos);
  // The brief is printed whole, however long.
  CHECK(r.out.find("Choose the depth, the passes, the number of sessions and the interval, or "
                   "decline.") != std::string::npos);
  CHECK(r.out.find("good good_decline: declined to treat: right, do not treat now") !=
        std::string::npos);
  CHECK(r.out.find("Score: 100/100") != std::string::npos);
  CHECK(r.err.find("simulat") == std::string::npos);
  // The same case treated is told not to, whatever the settings.
  const Outcome treated = dermasim("train isotretinoin_acne_scars.toml -q --json --answer " +
                                   answerFile(dir, "fine", penAnswer(1.0, 2)).string());
  REQUIRE(treated.exit_code == 0);
  const auto j = nlohmann::json::parse(treated.out);
  CHECK(j.at("score") == 0);
  CHECK(j.at("items").at(0).at("code") == "contraindicated");
}

TEST_CASE("cli train: a bad case or answer is exit 2 with one line naming it", "[cli]") {
  const fs::path dir = scratch("train_bad");
  const fs::path ok = answerFile(dir, "ok", penAnswer(0.5, 2));
  const auto oneLine = [](const Outcome& r, const std::string& start) {
    INFO(r.err);
    CHECK(r.exit_code == 2);
    CHECK(r.err.rfind(start, 0) == 0);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
  };
  const fs::path deep = answerFile(
      dir, "seven",
      "device = \"pen\"\nneedle_length_mm = 7\npasses = 2\nsessions = 1\ninterval_days = 28\n");
  oneLine(dermasim("train neck_rejuvenation --answer " + deep.string()),
          deep.string() + ": needle_length_mm: must be between 0.1 and 3.5 mm (got 7)");
  const fs::path typo = answerFile(dir, "typo", "devise = \"pen\"\n");
  oneLine(dermasim("train neck_rejuvenation --answer " + typo.string()),
          typo.string() + ": devise: unknown key (did you mean device?)");
  oneLine(dermasim("train neck_rejuvenaton --answer " + ok.string()),
          "neck_rejuvenaton: no training case of that name (did you mean neck_rejuvenation?)");
  oneLine(dermasim("train neck_rejuvenation"), "train: --answer: required");
  oneLine(dermasim("train --answer " + ok.string()), "train: case: required");
  oneLine(dermasim("train neck_rejuvenation --answer " + (dir / "missing.toml").string()),
          (dir / "missing.toml").string() + ": cannot read file");
  // A case file without its brief is no case.
  const fs::path briefless = dir / "briefless.toml";
  std::ofstream(briefless) << "[device]\ntype = \"pen\"\nneedle_length_mm = 1\n"
                              "[schedule]\nsessions = 1\ninterval_days = 28\n";
  oneLine(dermasim("train " + briefless.string() + " --answer " + ok.string()),
          briefless.string() + ": scenario.description: a training case needs its brief");
}

TEST_CASE("cli train: the example answers of scenarios/training/answers, on the full case",
          "[cli]") {
  // The built-in case at its own resolution, three monthly sessions: about a second each.
  const fs::path answers = fs::path(DERMASIM_SOURCE_DIR) / "scenarios" / "training" / "answers";
  const Outcome deep = dermasim("train periorbital_fine_lines --json -q --answer " +
                                (answers / "periorbital_deep.toml").string());
  REQUIRE(deep.exit_code == 0);
  const auto poor = nlohmann::json::parse(deep.out);
  CHECK(poor.at("items").at(0).at("code") == "too_deep");
  CHECK(poor.at("items").at(0).at("level") == "error");
  const Outcome gentle = dermasim("train periorbital_fine_lines --json -q --answer " +
                                  (answers / "periorbital_gentle.toml").string());
  REQUIRE(gentle.exit_code == 0);
  const auto good = nlohmann::json::parse(gentle.out);
  CHECK(good.at("score") == 100);
  CHECK(good.at("answer").at("serum") == "hyaluronic_acid");
  CHECK(good.at("score").get<int>() > poor.at("score").get<int>());
  const Outcome no =
      dermasim("train active_acne_chin --answer " + (answers / "decline.toml").string());
  CHECK(no.exit_code == 0);
  CHECK(no.out.find("Score: 100/100") != std::string::npos);
}
