// The command line's edges: `validate` reports every file it is given, and a scenario argument
// that names a file which is not there says so rather than looking for a built-in.

#include <algorithm>
#include <catch2/catch.hpp>

#include "CliTestSupport.hpp"

using namespace cli_test;

namespace {

std::size_t lineCount(const std::string& text) {
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

}  // namespace

TEST_CASE("cli arguments: validate checks and reports every file, exit 2 if any failed",
          "[cli][validate]") {
  const fs::path dir = scratch("validate_all");
  const fs::path good = writeQuickScenario(dir, "good", 1);
  const fs::path tooDeep = dir / "too_deep.toml";
  std::ofstream(tooDeep) << "[device]\ntype = \"pen\"\nneedle_length_mm = 7\n";
  const fs::path missing = dir / "missing.toml";

  const Outcome r = dermasim("validate " + tooDeep.string() + " " + missing.string() + " " +
                             good.string() + " acne_scars_pen");
  CHECK(r.exit_code == 2);
  // One line per bad file, in the order given, and the good ones still reported.
  REQUIRE(lineCount(r.err) == 2);
  const std::string firstError = r.err.substr(0, r.err.find('\n'));
  const std::string secondError = r.err.substr(r.err.find('\n') + 1);
  CHECK(firstError.starts_with(tooDeep.string() + ": device.needle_length_mm: "));
  CHECK(secondError.starts_with(missing.string() + ": "));
  CHECK(lineCount(r.out) == 2);
  CHECK(r.out.find(good.string() + ": ok") != std::string::npos);
  CHECK(r.out.find("acne_scars_pen: ok") != std::string::npos);

  const Outcome allGood = dermasim("validate " + good.string() + " acne_scars_roller");
  CHECK(allGood.exit_code == 0);
  CHECK(allGood.err.empty());
  CHECK(lineCount(allGood.out) == 2);
}

TEST_CASE("cli arguments: a scenario that looks like a file and is missing is no such file",
          "[cli][scenario]") {
  const fs::path dir = scratch("no_such_file");
  for (const std::string& argument :
       {std::string("plan.toml"), std::string("plans/acne.toml"), std::string("./acne_scars_pen"),
        std::string("acne_scars_pne.toml")}) {
    INFO(argument);
    const Outcome r = dermasim("validate " + argument);
    CHECK(r.exit_code == 2);
    CHECK(lineCount(r.err) == 1);
    CHECK(r.err.starts_with(argument + ": cannot read file (No such file or directory)"));
    CHECK(r.err.find("built-in") == std::string::npos);
    CHECK(dermasim("run " + argument + " -q --out " + (dir / "out").string()).exit_code == 2);
    CHECK_FALSE(fs::exists(dir / "out"));
  }
  // A built-in's name stays a built-in, with or without ".toml"; a misspelt bare name gets the
  // built-in list and the nearest name.
  CHECK(dermasim("validate acne_scars_pen.toml").exit_code == 0);
  const Outcome misspelt = dermasim("validate acne_scars_pne");
  CHECK(misspelt.exit_code == 2);
  CHECK(misspelt.err.find("did you mean acne_scars_pen?") != std::string::npos);
}

TEST_CASE("cli arguments: validate lists every rule a file breaks, one line each",
          "[cli][validate]") {
  const fs::path dir = scratch("validate_rules");
  const fs::path file = dir / "two_rules.toml";
  std::ofstream(file) << "[patient.scars]\nmix = { rolling = 0.5, boxcar = 0.1 }\n"
                         "[device]\ntype = \"roller\"\nneedle_length_mm = 1\nrows = 5\n"
                         "[schedule]\nsessions = 2\ninterval_days = 28\n";
  const Outcome r = dermasim("validate " + file.string());
  CHECK(r.exit_code == 2);
  REQUIRE(lineCount(r.err) == 2);
  CHECK_THAT(r.err, Catch::StartsWith(file.string() + ": patient.scars.mix: ") &&
                        Catch::Contains(file.string() + ": device.needles: a roller's needles"));
}

TEST_CASE("cli arguments: check and validate report what a run would need", "[cli][validate]") {
  const Outcome check = dermasim("check acne_scars_pen");
  CHECK(check.exit_code == 0);
  CHECK_THAT(check.out, Catch::StartsWith("note resources: grid ") &&
                            Catch::Contains("of memory") && Catch::Contains("time steps"));
  const Outcome validate = dermasim("validate acne_scars_pen");
  CHECK(validate.exit_code == 0);
  CHECK_THAT(validate.out, Catch::Contains("acne_scars_pen: ok: ") && Catch::Contains("grid "));
}

TEST_CASE("cli arguments: a name with control characters is shown escaped, on one line",
          "[cli][validate]") {
  const Outcome r = dermasim("validate \"$(printf 'no\\033[2Jsuch\\nname')\"");
  CHECK(r.exit_code == 2);
  CHECK(lineCount(r.err) == 1);
  CHECK_THAT(r.err, Catch::StartsWith("no\\x1b[2Jsuch\\nname: no built-in scenario"));
}
