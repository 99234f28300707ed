// `dermasim sensitivity`: elementary effects of chosen model parameters on a quick scenario, the
// table on stdout, sensitivity.csv and sensitivity.png as one set, the same numbers for the same
// seed on any thread count, and bad input refused with exit 2 before any run.

#include <algorithm>
#include <catch2/catch.hpp>
#include <sstream>
#include <string>

#include "CliTestSupport.hpp"

using namespace cli_test;

namespace {

// Two parameters, one driving redness and one collagen, over two trajectories: six runs of a
// scenario that takes a fraction of a second.
const std::string kQuick =
    " --trajectories 2 --only healing.mediator_release_injury_per_day"
    " --only healing.collagen_synthesis_per_day";

std::string sensitivity(const fs::path& scenario, const fs::path& out, const std::string& more,
                        int threads = 1) {
  return "--threads " + std::to_string(threads) + " sensitivity -q " + scenario.string() +
         " --out " + out.string() + more;
}

// The CSV line of `parameter` for `outcome`; empty if there is none.
std::string rowOf(const std::string& csv, const std::string& parameter,
                  const std::string& outcome) {
  std::istringstream lines(csv);
  for (std::string line; std::getline(lines, line);)
    if (line.starts_with(parameter + ",") && line.find("," + outcome + ",") != std::string::npos)
      return line;
  return "";
}

}  // namespace

TEST_CASE("sensitivity ranks the chosen parameters and writes the table, CSV and chart",
          "[cli][sensitivity]") {
  const fs::path dir = scratch("sensitivity_runs");
  const fs::path scenario = writeQuickScenario(dir, "quick", 5);
  const fs::path out = dir / "report";
  const Outcome r = dermasim(sensitivity(scenario, out, kQuick + " --seed 3"));
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.empty());
  CHECK_THAT(r.out,
             Catch::Matchers::Contains("2 model parameter(s), 2 trajectories (6 runs), seed 3") &&
                 Catch::Matchers::Contains("improvement_pct (%)") &&
                 Catch::Matchers::Contains("downtime_days (days)") &&
                 Catch::Matchers::Contains("collagen_rel (1)") &&
                 Catch::Matchers::Contains("pih_risk (1)"));

  const std::string csv = slurp(out / "sensitivity.csv");
  CHECK_THAT(csv, Catch::Matchers::StartsWith(
                      "parameter,unit,min,max,outcome,outcome_unit,mu_star,mu,sigma,rank\n"));
  CHECK(std::count(csv.begin(), csv.end(), '\n') == 1 + 2 * 4);  // 2 parameters x 4 outcomes
  // Collagen synthesis drives collagen, mediator release drives redness: each ranks first there.
  CHECK_THAT(rowOf(csv, "healing.collagen_synthesis_per_day", "collagen_rel"),
             Catch::Matchers::StartsWith("healing.collagen_synthesis_per_day,1/day,0.001,0.3,") &&
                 Catch::Matchers::EndsWith(",1"));
  CHECK_THAT(rowOf(csv, "healing.mediator_release_injury_per_day", "downtime_days"),
             Catch::Matchers::EndsWith(",1"));
  CHECK(fs::file_size(out / "sensitivity.png") > 1000);
}

TEST_CASE("sensitivity gives the same CSV for the same seed on any thread count",
          "[cli][sensitivity]") {
  const fs::path dir = scratch("sensitivity_seed");
  const fs::path scenario = writeQuickScenario(dir, "quick", 5);
  REQUIRE(dermasim(sensitivity(scenario, dir / "a", kQuick + " --seed 11", 1)).exit_code == 0);
  REQUIRE(dermasim(sensitivity(scenario, dir / "b", kQuick + " --seed 11", 2)).exit_code == 0);
  const std::string csv = slurp(dir / "a" / "sensitivity.csv");
  CHECK(slurp(dir / "b" / "sensitivity.csv") == csv);
  // Another seed walks other trajectories.
  REQUIRE(dermasim(sensitivity(scenario, dir / "c", kQuick + " --seed 12", 2)).exit_code == 0);
  CHECK(slurp(dir / "c" / "sensitivity.csv") != csv);
  // Run again into the same folder, the set is replaced as a whole.
  REQUIRE(dermasim(sensitivity(scenario, dir / "a", kQuick + " --seed 11", 2)).exit_code == 0);
  CHECK(slurp(dir / "a" / "sensitivity.csv") == csv);
}

TEST_CASE("sensitivity refuses bad input with exit 2, naming what it expected, before any run",
          "[cli][sensitivity]") {
  const fs::path dir = scratch("sensitivity_bad");
  const fs::path scenario = writeQuickScenario(dir, "quick", 5);
  const fs::path out = dir / "out";
  const auto refused = [&](const std::string& args, const std::string& message) {
    INFO(args);
    const Outcome r = dermasim(args);
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Catch::Matchers::Contains(message));
    CHECK_FALSE(fs::exists(out));
  };
  refused("sensitivity --out " + out.string(), "scenario is required");
  refused("sensitivity " + (dir / "missing.toml").string() + " --out " + out.string(),
          (dir / "missing.toml").string() + ": cannot read file");
  refused(sensitivity(scenario, out, " --trajectories 1"),
          "--trajectories: must be a whole number from 2 to 1000 (got 1)");
  refused(sensitivity(scenario, out, " --trajectories two"),
          "--trajectories: must be a whole number from 2 to 1000 (got two)");
  refused(sensitivity(scenario, out, " --only heeling."),
          "--only: must be the start of a model parameter's key");
  // --only takes one key each time, so the scenario may follow it.
  refused("sensitivity --out " + out.string() + " --only heeling. " + scenario.string(),
          "(got heeling.)");
  refused(sensitivity(scenario, out, " --only numerics."),
          "numerics.* are solver controls, not model parameters");
  refused(sensitivity(scenario, out, " --seed -1"), "--seed: must be a whole number");

  // A folder holding someone else's files is never replaced.
  const fs::path theirs = scratch("sensitivity_theirs");
  std::ofstream(theirs / "notes.txt") << "mine\n";
  const Outcome r = dermasim(sensitivity(scenario, theirs, kQuick));
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Matchers::Contains("it holds notes.txt"));
  CHECK(slurp(theirs / "notes.txt") == "mine\n");
}
