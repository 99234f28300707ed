// `dermasim run --cohort N`: the percentile columns and cohort.csv, the same files on any thread
// count, patient i the same whatever N, and bad cohort sizes refused before anything runs.

#include <catch2/catch.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "CliTestSupport.hpp"

namespace {

namespace fs = std::filesystem;
using cli_test::dermasim;
using cli_test::slurp;

using Row = cli_test::CsvRow;
using cli_test::readCsv;

// A quick scenario's cohort of `n` into `dir`/`name`, on `threads` threads.
fs::path runCohort(const fs::path& dir, const std::string& name, int n, int threads) {
  const fs::path scenario = cli_test::writeQuickScenario(dir, "quick", 5, 6);
  const fs::path out = dir / name;
  const cli_test::Outcome r =
      dermasim("--threads " + std::to_string(threads) + " run " + scenario.string() + " --cohort " +
               std::to_string(n) + " --out " + out.string());
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return out;
}

}  // namespace

TEST_CASE("a cohort writes percentile columns in order and a row per patient") {
  const fs::path dir = cli_test::scratch("cohort_files");
  const fs::path out = runCohort(dir, "out", 4, 2);
  CHECK(!fs::exists(out / "punctures.csv"));

  const std::vector<Row> series = readCsv(out / "timeseries.csv");
  REQUIRE(series.size() > 3);
  const Row& header = series[0];
  CHECK(header[0] == "day");
  CHECK(header[1] == "redness_a_p10");
  CHECK(header[2] == "redness_a_p50");
  CHECK(header[3] == "redness_a_p90");
  CHECK((header.size() - 1) % 3 == 0);
  for (std::size_t r = 1; r < series.size(); ++r) {
    REQUIRE(series[r].size() == header.size());
    for (std::size_t c = 1; c + 2 < header.size(); c += 3) {
      INFO(header[c] << " on day " << series[r][0]);
      CHECK(std::stod(series[r][c]) <= std::stod(series[r][c + 1]));
      CHECK(std::stod(series[r][c + 1]) <= std::stod(series[r][c + 2]));
    }
  }

  const std::vector<Row> patients = readCsv(out / "cohort.csv");
  REQUIRE(patients.size() == 5);
  CHECK(patients[0][0] == "patient");
  CHECK(patients[0].back() == "peak_inflammation");
  for (std::size_t i = 1; i < patients.size(); ++i) CHECK(patients[i][0] == std::to_string(i - 1));
  // The patients differ: they were drawn, not copied.
  CHECK(patients[1][1] != patients[2][1]);

  const std::string summary = slurp(out / "summary.json");
  CHECK(summary.find("\"patients\": 4") != std::string::npos);
  CHECK(summary.find("improvement_pct_p90") != std::string::npos);
}

TEST_CASE("a cohort's files do not depend on the thread count, nor patient i on N") {
  const fs::path dir = cli_test::scratch("cohort_threads");
  const fs::path one = runCohort(dir, "one", 4, 1);
  const fs::path two = runCohort(dir, "two", 4, 2);
  for (const char* file : {"timeseries.csv", "cohort.csv", "summary.json"}) {
    INFO(file);
    CHECK(slurp(one / file) == slurp(two / file));
  }
  const fs::path fewer = runCohort(dir, "fewer", 2, 2);
  const std::vector<Row> all = readCsv(one / "cohort.csv");
  const std::vector<Row> first = readCsv(fewer / "cohort.csv");
  REQUIRE(first.size() == 3);
  for (std::size_t r = 0; r < first.size(); ++r) CHECK(first[r] == all[r]);
}

TEST_CASE("bad cohort sizes are refused before anything runs") {
  const fs::path dir = cli_test::scratch("cohort_bad");
  const fs::path scenario = cli_test::writeQuickScenario(dir, "quick", 5, 6);
  for (const std::string n : {"0", "-1", "3.5", "abc", "10001", "''"}) {
    INFO("--cohort " << n);
    const cli_test::Outcome r = dermasim("run " + scenario.string() + " --cohort " + n + " --out " +
                                         (dir / "out").string());
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("--cohort") != std::string::npos);
    CHECK(!fs::exists(dir / "out"));
  }
}

TEST_CASE("a plain run and a cohort may replace each other's folder") {
  const fs::path dir = cli_test::scratch("cohort_replace");
  const fs::path out = runCohort(dir, "out", 2, 2);
  const fs::path scenario = dir / "quick.toml";
  REQUIRE(dermasim("run " + scenario.string() + " -q --out " + out.string()).exit_code == 0);
  CHECK(!fs::exists(out / "cohort.csv"));
  CHECK(fs::exists(out / "punctures.csv"));
  runCohort(dir, "out", 2, 2);
  CHECK(fs::exists(out / "cohort.csv"));
  CHECK(!fs::exists(out / "punctures.csv"));
}
