// `dermasim merge` and `--shard I/N`: shards joined are the one-process cohort byte for byte,
// whatever the order they are given in; shards of different cohorts, missing or repeated shards,
// folders that are no shards and bad --shard text are refused (exit 2, one line naming the
// folder or option) with nothing written.

#include <catch2/catch.hpp>
#include <fstream>
#include <map>
#include <string>

#include "CliTestSupport.hpp"

namespace {

namespace fs = std::filesystem;
using cli_test::dermasim;
using cli_test::filesUnder;
using cli_test::slurp;

// `run --cohort` of `scenario` with extra arguments (a --shard), on `threads` threads.
fs::path runCohort(const fs::path& scenario, int patients, const std::string& extra,
                   const fs::path& out, int threads = 2) {
  const cli_test::Outcome r =
      dermasim("--threads " + std::to_string(threads) + " run " + scenario.string() +
               " -q --cohort " + std::to_string(patients) + " " + extra + " --out " + out.string());
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return out;
}

cli_test::Outcome merge(const std::vector<fs::path>& shards, const fs::path& out) {
  std::string args = "merge -q";
  // Appended piece by piece: `" " + s.string()` trips GCC 12's false -Wrestrict (GCC bug 105329).
  for (const fs::path& s : shards) args.append(" ").append(s.string());
  return dermasim(args + " --out " + out.string());
}

void replaceIn(const fs::path& file, const std::string& from, const std::string& to) {
  std::string text = slurp(file);
  const std::size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), to);
  std::ofstream(file, std::ios::binary) << text;
}

}  // namespace

TEST_CASE("cli merge: shards joined are the one-process cohort, byte for byte, in any order",
          "[cli][merge]") {
  const fs::path dir = cli_test::scratch("merge_equal");
  const fs::path scenario = cli_test::writeQuickScenario(dir, "quick", 5, 6);
  const fs::path whole = runCohort(scenario, 5, "", dir / "whole");
  // Shards on other thread counts than the whole: neither may matter.
  const fs::path s1 = runCohort(scenario, 5, "--shard 1/2", dir / "s1", 1);
  const fs::path s2 = runCohort(scenario, 5, "--shard 2/2", dir / "s2", 2);
  CHECK(fs::exists(s1 / "shard.json"));
  CHECK(!fs::exists(s1 / "timeseries.csv"));

  const std::map<std::string, std::string> expected = filesUnder(whole);
  REQUIRE(expected.size() == 3);
  for (const auto& order : {std::vector<fs::path>{s1, s2}, std::vector<fs::path>{s2, s1}}) {
    const fs::path out = dir / ("m_" + order.front().filename().string());
    const cli_test::Outcome r = merge(order, out);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const std::map<std::string, std::string> merged = filesUnder(out);
    for (const auto& [name, text] : expected) {
      INFO(name);
      CHECK(merged.count(name) == 1);
      CHECK(merged.at(name) == text);
    }
    CHECK(merged.size() == expected.size());
  }

  // Three uneven shards (2, 2 and 1 patients) join to the same files.
  std::vector<fs::path> three;
  for (int i = 1; i <= 3; ++i)
    three.push_back(runCohort(scenario, 5,
                              std::string("--shard ").append(std::to_string(i)).append("/3"),
                              dir / std::string("t").append(std::to_string(i))));
  REQUIRE(merge({three[2], three[0], three[1]}, dir / "m3").exit_code == 0);
  CHECK(filesUnder(dir / "m3") == expected);
}

TEST_CASE("cli merge: shards of different cohorts, missing or repeated ones are refused",
          "[cli][merge]") {
  const fs::path dir = cli_test::scratch("merge_refused");
  const fs::path scenario = cli_test::writeQuickScenario(dir, "quick", 5, 6);
  const fs::path s1 = runCohort(scenario, 4, "--shard 1/2", dir / "s1");
  const fs::path s2 = runCohort(scenario, 4, "--shard 2/2", dir / "s2");
  const fs::path other = cli_test::writeQuickScenario(dir, "other", 5, 6);
  fs::create_directories(dir / "seed");
  const fs::path reseeded = cli_test::writeQuickScenario(dir / "seed", "quick", 6, 6);

  fs::copy(s1, dir / "s1_again");
  fs::copy(s2, dir / "s2_old");
  replaceIn(dir / "s2_old" / "shard.json", "\"version\": \"", "\"version\": \"0.0.0-old");

  struct Refusal {
    std::vector<fs::path> shards;
    std::string named;  // the folder the message must name
    std::string says;
  };
  const std::vector<Refusal> refusals{
      {{s1, runCohort(reseeded, 4, "--shard 2/2", dir / "seeded")}, "seeded", "seed 6"},
      {{s1, runCohort(other, 4, "--shard 2/2", dir / "other")}, "other", "other.toml"},
      {{s1, runCohort(scenario, 6, "--shard 2/2", dir / "six")}, "six", "cohort of 6"},
      {{s1, runCohort(scenario, 4, "--shard 2/3", dir / "thirds")}, "thirds", "shard 2/3"},
      {{s1, dir / "s1_again", s2}, "s1_again", "again"},
      {{s1, dir / "s2_old"}, "s2_old", "0.0.0-old"},
      {{s1, runCohort(scenario, 4, "", dir / "whole")}, "whole", "not a cohort shard"},
      {{s1, dir / "nowhere"}, "nowhere", "not a folder"},
      {{s2}, "merge", "shard 1/2 missing"},
  };
  for (const Refusal& refusal : refusals) {
    INFO(refusal.named);
    const cli_test::Outcome r = merge(refusal.shards, dir / "out");
    CHECK(r.exit_code == 2);
    CHECK(r.err.find(refusal.named) != std::string::npos);
    CHECK(r.err.find(refusal.says) != std::string::npos);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    CHECK(!fs::exists(dir / "out"));
  }

  // The scenario file edited between the shards: same name, other text.
  const fs::path edited = dir / "edited";
  fs::create_directories(edited);
  const fs::path moved = cli_test::writeQuickScenario(edited, "quick", 5, 6);
  const fs::path e1 = runCohort(moved, 4, "--shard 1/2", dir / "e1");
  cli_test::writeQuickScenario(edited, "quick", 5, 7);
  const fs::path e2 = runCohort(moved, 4, "--shard 2/2", dir / "e2");
  const cli_test::Outcome r = merge({e1, e2}, dir / "out");
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("other contents") != std::string::npos);

  // A shard folder is never an output: the shard stays as it was.
  const std::string before = slurp(s1 / "shard.json");
  CHECK(merge({s1, s2}, s1).exit_code == 2);
  CHECK(slurp(s1 / "shard.json") == before);
  CHECK(merge({s1, s2}, dir / "out").exit_code == 0);
}

TEST_CASE("cli shard: bad --shard text is refused before anything runs", "[cli][merge]") {
  const fs::path dir = cli_test::scratch("shard_bad");
  const fs::path scenario = cli_test::writeQuickScenario(dir, "quick", 5, 6);
  for (const std::string shard :
       {"0/4", "5/4", "1/0", "a/b", "3", "''", "1/", "/4", "-1/4", "1/4/2", "+1/4", "3/3"}) {
    INFO("--shard " << shard);
    for (const std::string& command :
         {"run " + scenario.string() + " --cohort 2",
          "compare " + scenario.string() + " " + scenario.string() + " --cohort 2"}) {
      const cli_test::Outcome r =
          dermasim(command + " --shard " + shard + " --out " + (dir / "out").string());
      CHECK(r.exit_code == 2);
      CHECK(r.err.find("--shard") != std::string::npos);
      CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
      CHECK(!fs::exists(dir / "out"));
    }
  }
  // Without --cohort, a shard of nothing.
  CHECK(dermasim("run " + scenario.string() + " --shard 1/2 --out " + (dir / "out").string())
            .exit_code == 2);
  CHECK(!fs::exists(dir / "out"));
}
