// `dermasim compare A B --cohort N`: a/ and b/ as `run --cohort` writes them, comparison.csv's
// percentile columns twice in the documented order and equal to A's and B's own, comparison.json
// with both outcomes and the paired differences, the p50 (p10 to p90) table, one seed required,
// shards that merge to the same files, and the presets of scenarios/compare.

#include <catch2/catch.hpp>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "CliTestSupport.hpp"

namespace {

namespace fs = std::filesystem;
using cli_test::dermasim;
using cli_test::filesUnder;
using cli_test::readCsv;
using cli_test::slurp;
using Row = cli_test::CsvRow;
using cli_test::byDay;

// The quick scenario at another depth: B of a pair that differs in the protocol only.
fs::path writeDeeper(const fs::path& dir, int seed) {
  const fs::path file = dir / "deeper.toml";
  std::ofstream(file) << "[scenario]\nseed = " << seed
                      << "\nduration_days = 6\n"
                         "[device]\ntype = \"pen\"\nneedle_length_mm = 1.5\n"
                         "[schedule]\nsessions = 1\ninterval_days = 30\n"
                         "[model]\npatch_size_mm = 2\nlateral_resolution_um = 50\n";
  return file;
}

struct Pair {
  fs::path dir, a, b;
};

Pair quickPair(const std::string& name) {
  const fs::path dir = cli_test::scratch(name);
  return {dir, cli_test::writeQuickScenario(dir, "a", 5, 6), writeDeeper(dir, 5)};
}

cli_test::Outcome compareCohort(const Pair& p, int n, const std::string& extra,
                                const fs::path& out) {
  return dermasim("compare " + p.a.string() + " " + p.b.string() + " --cohort " +
                  std::to_string(n) + " " + extra + " --out " + out.string());
}

}  // namespace

TEST_CASE("cli compare --cohort: a/ and b/ are run --cohort's, the comparison lines them up",
          "[cli][compare][cohort]") {
  const Pair p = quickPair("cohort_compare");
  const fs::path out = p.dir / "cmp";
  const cli_test::Outcome r = compareCohort(p, 4, "", out);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  for (const auto& [side, scenario] : {std::pair{"a", p.a}, std::pair{"b", p.b}}) {
    const fs::path alone = p.dir / (std::string("run_") + side);
    REQUIRE(
        dermasim("run " + scenario.string() + " -q --cohort 4 --out " + alone.string()).exit_code ==
        0);
    for (const char* file : {"timeseries.csv", "cohort.csv", "summary.json"}) {
      INFO(side << "/" << file);
      CHECK(slurp(out / side / file) == slurp(alone / file));
    }
  }

  // day, then each percentile column of run --cohort's timeseries.csv twice, _a then _b.
  const std::vector<Row> seriesA = readCsv(p.dir / "run_a" / "timeseries.csv");
  const std::vector<Row> comparison = readCsv(out / "comparison.csv");
  REQUIRE(comparison[0].size() == 2 * seriesA[0].size() - 1);
  CHECK(comparison[0][1] == "redness_a_p10_a");
  CHECK(comparison[0][2] == "redness_a_p10_b");
  for (std::size_t c = 1; c < seriesA[0].size(); ++c) {
    CHECK(comparison[0][2 * c - 1] == seriesA[0][c] + "_a");
    CHECK(comparison[0][2 * c] == seriesA[0][c] + "_b");
  }
  // The _a columns are A's cohort exactly, at every day of A's.
  const auto compared = byDay(comparison);
  for (const auto& [day, fields] : byDay(seriesA)) {
    INFO("day " << day);
    REQUIRE(compared.count(day) == 1);
    for (const auto& [column, value] : fields)
      if (column != "day") CHECK(compared.at(day).at(column + "_a") == value);
  }

  const auto json = nlohmann::json::parse(slurp(out / "comparison.json"));
  CHECK(json["cohort"]["patients"] == 4);
  for (const char* part : {"a", "b", "paired_difference"}) {
    const nlohmann::json& values =
        std::string(part) == "paired_difference" ? json[part] : json[part]["outcome"];
    for (const char* outcome : {"improvement_pct", "collagen_rel", "downtime_days", "pih_risk"}) {
      INFO(part << " " << outcome);
      const std::string o(outcome);
      REQUIRE(values.contains(o + "_p50"));
      CHECK(values[o + "_p10"].get<double>() <= values[o + "_p50"].get<double>());
      CHECK(values[o + "_p50"].get<double>() <= values[o + "_p90"].get<double>());
    }
  }
  CHECK(r.out.find("B - A") != std::string::npos);
  CHECK(r.out.find("improvement_pct") != std::string::npos);
  CHECK(r.out.find(" to ") != std::string::npos);
}

TEST_CASE("cli compare --cohort: A and B must share their seed", "[cli][compare][cohort]") {
  const fs::path dir = cli_test::scratch("cohort_compare_seed");
  const fs::path a = cli_test::writeQuickScenario(dir, "a", 5, 6);
  const fs::path b = writeDeeper(dir, 6);
  const cli_test::Outcome r = dermasim("compare " + a.string() + " " + b.string() +
                                       " --cohort 2 --out " + (dir / "out").string());
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("deeper.toml: scenario.seed") != std::string::npos);
  CHECK(!fs::exists(dir / "out"));
}

TEST_CASE("cli compare --cohort: --one-at-a-time is refused, not ignored",
          "[cli][compare][cohort]") {
  const Pair p = quickPair("cohort_compare_one_at_a_time");
  const cli_test::Outcome r = compareCohort(p, 2, "--one-at-a-time", p.dir / "out");
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("--one-at-a-time") != std::string::npos);
  CHECK(r.err.find("--cohort") != std::string::npos);
  CHECK(!fs::exists(p.dir / "out"));
}

TEST_CASE("cli compare --cohort: shards merge to the one-process comparison",
          "[cli][compare][cohort][merge]") {
  const Pair p = quickPair("cohort_compare_shards");
  const cli_test::Outcome whole = compareCohort(p, 3, "-q", p.dir / "whole");
  REQUIRE(whole.exit_code == 0);
  REQUIRE(compareCohort(p, 3, "-q --shard 2/2", p.dir / "s2").exit_code == 0);
  REQUIRE(compareCohort(p, 3, "-q --shard 1/2", p.dir / "s1").exit_code == 0);
  CHECK(fs::exists(p.dir / "s1" / "b" / "readings.csv"));
  const cli_test::Outcome merged =
      dermasim("merge -q " + (p.dir / "s2").string() + " " + (p.dir / "s1").string() + " --out " +
               (p.dir / "merged").string());
  INFO(merged.err);
  REQUIRE(merged.exit_code == 0);
  CHECK(filesUnder(p.dir / "merged") == filesUnder(p.dir / "whole"));
  CHECK(merged.out == whole.out);

  // A run's shard and a compare's do not mix.
  REQUIRE(dermasim("run " + p.a.string() + " -q --cohort 3 --shard 2/2 --out " +
                   (p.dir / "run2").string())
              .exit_code == 0);
  const cli_test::Outcome mixed =
      dermasim("merge " + (p.dir / "s1").string() + " " + (p.dir / "run2").string() + " --out " +
               (p.dir / "mixed").string());
  CHECK(mixed.exit_code == 2);
  CHECK(mixed.err.find("run2") != std::string::npos);
}

TEST_CASE("cli compare presets: every scenarios/compare file validates and is listed in pairs",
          "[cli][compare]") {
  const fs::path folder = fs::path(DERMASIM_SOURCE_DIR) / "scenarios" / "compare";
  const std::string readme = slurp(folder / "README.md");
  int count = 0;
  for (const auto& entry : fs::directory_iterator(folder)) {
    if (entry.path().extension() != ".toml") continue;
    ++count;
    INFO(entry.path());
    const cli_test::Outcome r = dermasim("validate " + entry.path().string());
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(readme.find(entry.path().filename().string()) != std::string::npos);
  }
  CHECK(count >= 8);
  CHECK(count % 2 == 0);
}
