// `dermasim compare`: both runs' folders as `run` writes them, the comparison files, the summary,
// determinism, and bad input that leaves nothing half-made.

#include <catch2/catch.hpp>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "CliTestSupport.hpp"

namespace {

namespace fs = std::filesystem;
using cli_test::dermasim;
using cli_test::filesUnder;
using cli_test::slurp;

using Row = cli_test::CsvRow;
using cli_test::byDay;
using cli_test::readCsv;

struct Pair {
  fs::path dir, a, b;
};

// A runs 35 days and B 31 with another seed: a month is within both, B ends first.
Pair quickPair(const std::string& name) {
  const fs::path dir = cli_test::scratch(name);
  return {dir, cli_test::writeQuickScenario(dir, "a", 3, 35),
          cli_test::writeQuickScenario(dir, "b", 5, 31)};
}

std::string compareArgs(const Pair& p, const fs::path& out) {
  return "compare " + p.a.string() + " " + p.b.string() + " --out " + out.string();
}

}  // namespace

TEST_CASE("cli compare: a/ and b/ are what separate runs write, and the comparison lines them up",
          "[cli][compare]") {
  const Pair p = quickPair("compare_outputs");
  const fs::path out = p.dir / "cmp";
  const cli_test::Outcome r = dermasim(compareArgs(p, out));
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  REQUIRE(dermasim("run " + p.a.string() + " -q --out " + (p.dir / "ra").string()).exit_code == 0);
  REQUIRE(dermasim("run " + p.b.string() + " -q --out " + (p.dir / "rb").string()).exit_code == 0);
  for (const char* file : {"timeseries.csv", "summary.json", "punctures.csv", "aftercare.csv"}) {
    INFO(file);
    CHECK(slurp(out / "a" / file) == slurp(p.dir / "ra" / file));
    CHECK(slurp(out / "b" / file) == slurp(p.dir / "rb" / file));
  }

  const std::vector<Row> seriesA = readCsv(p.dir / "ra" / "timeseries.csv");
  const std::vector<Row> seriesB = readCsv(p.dir / "rb" / "timeseries.csv");
  const std::vector<Row> comparison = readCsv(out / "comparison.csv");
  // day, then each metric twice.
  REQUIRE(comparison[0].size() == 2 * seriesA[0].size() - 1);
  CHECK(comparison[0][0] == "day");
  for (std::size_t c = 1; c < seriesA[0].size(); ++c) {
    CHECK(comparison[0][2 * c - 1] == seriesA[0][c] + "_a");
    CHECK(comparison[0][2 * c] == seriesA[0][c] + "_b");
  }
  // Rows on the union of days, sorted; at its own days each run's columns are its own values.
  const auto rows = byDay(comparison);
  CHECK(comparison.size() - 1 == rows.size());
  for (std::size_t row = 2; row < comparison.size(); ++row)
    CHECK(std::stod(comparison[row - 1][0]) < std::stod(comparison[row][0]));
  for (const auto& [series, suffix] : {std::pair{&seriesA, "_a"}, std::pair{&seriesB, "_b"}})
    for (std::size_t row = 1; row < series->size(); ++row) {
      const Row& reading = (*series)[row];
      REQUIRE(rows.count(reading[0]) == 1);
      for (std::size_t c = 1; c < reading.size(); ++c)
        CHECK(rows.at(reading[0]).at((*series)[0][c] + suffix) == reading[c]);
    }
  // B ended on day 31: its columns are empty after, A's are not.
  CHECK(rows.at("35.000000").at("collagen_rel_b").empty());
  CHECK_FALSE(rows.at("35.000000").at("collagen_rel_a").empty());

  // comparison.json: both outcomes as summary.json has them, and B - A.
  const auto json = nlohmann::json::parse(slurp(out / "comparison.json"));
  const auto summaryA = nlohmann::json::parse(slurp(p.dir / "ra" / "summary.json"));
  const auto summaryB = nlohmann::json::parse(slurp(p.dir / "rb" / "summary.json"));
  CHECK(json["a"]["outcome"] == summaryA["outcome"]);
  CHECK(json["b"]["outcome"] == summaryB["outcome"]);
  for (const auto& [key, value] : json["difference"].items())
    CHECK(value.get<double>() ==
          Approx(summaryB["outcome"][key].get<double>() - summaryA["outcome"][key].get<double>()));
  const auto& improvement = json["figures"]["improvement_pct_day30"];
  CHECK(improvement["difference"].get<double>() ==
        Approx(improvement["b"].get<double>() - improvement["a"].get<double>()));
  CHECK(json["figures"]["improvement_pct_day90"]["a"].is_null());
}

TEST_CASE("cli compare: the summary shows A, B and B - A for every figure asked for",
          "[cli][compare]") {
  const Pair p = quickPair("compare_summary");
  const cli_test::Outcome r = dermasim(compareArgs(p, p.dir / "cmp") + " -q");
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.empty());
  for (const char* row :
       {"punctures per session (/cm2)", "needling time per session (s/cm2)",
        "peak redness (CIELAB a*)", "downtime per session (days)", "collagen gain at 1 month (%)",
        "improvement at 1 month (%)", "collagen gain at 3 months (%)",
        "improvement at 6 months (%)", "PIH risk (0..1)", "fibrosis risk (0..1)", "B - A"}) {
    INFO(row << "\n" << r.out);
    CHECK(r.out.find(row) != std::string::npos);
  }
  // Both scenarios end before day 90: n/a for A, B and the difference.
  const std::size_t at = r.out.find("improvement at 3 months (%)");
  const std::string line = r.out.substr(at, r.out.find('\n', at) - at);
  CHECK(line.find("n/a") != line.rfind("n/a"));
  CHECK(r.out.find("collagen gain at 1 month (%)") < r.out.find("n/a"));
}

TEST_CASE("cli compare: side by side or one at a time, the same files", "[cli][compare]") {
  const Pair p = quickPair("compare_determinism");
  REQUIRE(dermasim(compareArgs(p, p.dir / "both") + " -q").exit_code == 0);
  REQUIRE(dermasim(compareArgs(p, p.dir / "serial") + " -q --one-at-a-time").exit_code == 0);
  // An explicit single thread is honoured: no second simulation thread beside the first.
  const cli_test::Outcome one = dermasim("--threads 1 " + compareArgs(p, p.dir / "one"));
  REQUIRE(one.exit_code == 0);
  CHECK(one.err.find("(one at a time)") != std::string::npos);
  for (const char* file : {"comparison.csv", "comparison.json", "a/timeseries.csv",
                           "b/summary.json", "b/punctures.csv"}) {
    INFO(file);
    CHECK(slurp(p.dir / "both" / file) == slurp(p.dir / "serial" / file));
    CHECK(slurp(p.dir / "both" / file) == slurp(p.dir / "one" / file));
  }
  // Running again over an earlier comparison replaces it.
  CHECK(dermasim(compareArgs(p, p.dir / "both") + " -q").exit_code == 0);
}

TEST_CASE("cli compare: bad input is exit 2 naming what is wrong, and loses nothing",
          "[cli][compare]") {
  const Pair p = quickPair("compare_bad_input");
  const fs::path out = p.dir / "cmp";
  REQUIRE(dermasim(compareArgs(p, out) + " -q").exit_code == 0);
  const std::string before = slurp(out / "comparison.json");

  const fs::path badB = p.dir / "bad_b.toml";
  std::ofstream(badB) << slurp(p.b) << "[patient]\nfitzpatrick = 9\n";
  cli_test::Outcome r =
      dermasim("compare " + p.a.string() + " " + badB.string() + " --out " + out.string());
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("bad_b.toml") != std::string::npos);
  CHECK(r.err.find("patient.fitzpatrick") != std::string::npos);
  CHECK(slurp(out / "comparison.json") == before);  // the earlier set is untouched

  const fs::path fresh = p.dir / "fresh";
  r = dermasim("compare " + p.a.string() + " " + badB.string() + " --out " + fresh.string());
  CHECK(r.exit_code == 2);
  CHECK_FALSE(fs::exists(fresh / "comparison.csv"));
  CHECK_FALSE(fs::exists(fresh / "comparison.json"));

  r = dermasim("compare " + (p.dir / "missing.toml").string() + " " + p.b.string() + " --out " +
               fresh.string());
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("missing.toml") != std::string::npos);

  // A folder holding someone else's files (here a run's, not a comparison) is refused.
  REQUIRE(dermasim("run " + p.a.string() + " -q --out " + (p.dir / "run").string()).exit_code == 0);
  r = dermasim(compareArgs(p, p.dir / "run"));
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("--out") != std::string::npos);

  r = dermasim(compareArgs(p, p.a));  // a file
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("--out") != std::string::npos);

  CHECK(dermasim("compare " + p.a.string()).exit_code == 2);  // B missing
}

TEST_CASE("cli compare: killed while writing, the folder holds the old set whole",
          "[cli][compare]") {
  const Pair p = quickPair("compare_killed");
  const fs::path out = p.dir / "cmp";
  REQUIRE(dermasim(compareArgs(p, out) + " -q").exit_code == 0);
  const auto oldSet = filesUnder(out);
  REQUIRE(oldSet.size() == 10);

  // B against A this time; each file written then waits 400 ms, so 1.5 s in, the new set is
  // part-written in its temporary folder.
  const std::string swapped =
      "compare " + p.b.string() + " " + p.a.string() + " --out " + out.string() + " -q";
  const std::string killed = "DERMASIM_TEST_OUTPUT_PAUSE_MS=400 " + cli_test::kBinary.string() +
                             " " + swapped + " >/dev/null 2>&1 & sleep 1.5; kill -9 $!; wait";
  std::system(killed.c_str());
  CHECK(filesUnder(out) == oldSet);

  REQUIRE(dermasim(swapped).exit_code == 0);
  const auto newSet = filesUnder(out);
  CHECK(newSet.size() == 10);
  CHECK(newSet != oldSet);
  for (const auto& entry : fs::directory_iterator(p.dir))  // the killed run's temporary is gone
    CHECK_FALSE(entry.path().filename().string().starts_with(".cmp.tmp-"));
}

TEST_CASE("cli compare: --help describes the command", "[cli][compare]") {
  const cli_test::Outcome r = dermasim("compare --help");
  CHECK(r.exit_code == 0);
  for (const char* word : {"--out", "--one-at-a-time", "comparison.csv", "B - A"}) {
    INFO(word);
    CHECK(r.out.find(word) != std::string::npos);
  }
}
