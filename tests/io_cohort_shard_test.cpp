// A shard's folder read back is what was written: every value to the last bit, the scenario
// re-read from its text; a folder that is no shard, or a damaged one, is an InputError naming it.

#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>

#include "io/CohortShard.hpp"
#include "io/InputError.hpp"
#include "io/ScenarioFile.hpp"
#include "io/TextFile.hpp"
#include "io/TimeseriesColumns.hpp"

using namespace dermasim;
namespace fs = std::filesystem;

namespace {

const char* kScenario =
    "[scenario]\nseed = 4\nduration_days = 5\n[device]\ntype = \"pen\"\nneedle_length_mm = 1.0\n"
    "[schedule]\nsessions = 1\ninterval_days = 30\n";

fs::path scratch(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("dermasim_shard_test_" + name);
  fs::remove_all(dir);
  return dir;
}

// Values that a printf with too few digits would not bring back.
double awkward(std::size_t i, std::size_t k) {
  return (0.1 + 0.2) * static_cast<double>(i + 1) / 3.0 + 1e-17 * static_cast<double>(k) +
         (k == 2 ? 1e-300 : 0.0);
}

CohortShard exampleShard() {
  const Scenario scenario = parseScenario(kScenario, "x/quick.toml");
  CohortShard shard{{2, 3}, 7, {}, ""};
  CohortResult cohort{cohortParameters(scenario), {}};
  for (std::size_t i : shardPatients(shard.shard, shard.cohort_size)) {
    PatientRecord p;
    p.index = i;
    for (std::size_t k = 0; k < cohort.varied.size(); ++k) p.values.push_back(awkward(i, k));
    for (std::size_t k = 0; k < patientOutcomes().size(); ++k) p.outcomes.push_back(awkward(k, i));
    for (int day = 0; day < 3; ++day) {
      SkinReading r;
      r.day = day / 3.0;
      for (const TimeseriesColumn& c : timeseriesColumns()) r.*c.value = awkward(i, 7) * day;
      p.timeseries.push_back(r);
    }
    cohort.patients.push_back(p);
  }
  shard.parts.push_back({"", scenario, cohort});
  return shard;
}

void write(const fs::path& dir, const CohortShard& shard) {
  StagedFolder staged(dir, "--out", shardOutputNames(shardFolders(false)));
  stageShardFiles(staged, shard);
  staged.commit();
}

}  // namespace

TEST_CASE("a shard read back holds the same patients, bit for bit", "[cohort][shard]") {
  const fs::path dir = scratch("round_trip");
  const CohortShard written = exampleShard();
  write(dir, written);
  const CohortShard read = readShard(dir);
  CHECK(read.shard == written.shard);
  CHECK(read.cohort_size == 7);
  CHECK(!read.program_version.empty());
  REQUIRE(read.parts.size() == 1);
  CHECK(read.parts[0].scenario.source == "x/quick.toml");
  CHECK(read.parts[0].scenario.source_text == kScenario);
  const CohortResult& a = written.parts[0].cohort;
  const CohortResult& b = read.parts[0].cohort;
  CHECK(b.varied == a.varied);
  REQUIRE(b.patients.size() == a.patients.size());
  for (std::size_t p = 0; p < a.patients.size(); ++p) {
    CHECK(b.patients[p].index == a.patients[p].index);
    CHECK(b.patients[p].values == a.patients[p].values);
    CHECK(b.patients[p].outcomes == a.patients[p].outcomes);
    REQUIRE(b.patients[p].timeseries.size() == a.patients[p].timeseries.size());
    for (std::size_t r = 0; r < a.patients[p].timeseries.size(); ++r)
      for (const TimeseriesColumn& c : timeseriesColumns())
        CHECK(b.patients[p].timeseries[r].*c.value == a.patients[p].timeseries[r].*c.value);
  }
  fs::remove_all(dir);
}

TEST_CASE("a folder that is no shard, or a damaged shard, is named in an InputError",
          "[cohort][shard]") {
  const fs::path dir = scratch("damaged");
  CHECK_THROWS_WITH(readShard(dir), Catch::Contains("not a folder"));
  fs::create_directories(dir);
  CHECK_THROWS_WITH(readShard(dir), Catch::Contains("not a cohort shard"));
  fs::remove_all(dir);

  write(dir, exampleShard());
  { std::ofstream(dir / "readings.csv", std::ios::app) << "4,0.5,oops\n"; }
  CHECK_THROWS_WITH(readShard(dir),
                    Catch::Contains("readings.csv:") && Catch::Contains("expected a number"));
  fs::remove_all(dir);

  write(dir, exampleShard());
  { std::ofstream(dir / "shard.json") << "{\"format\": 2}"; }
  CHECK_THROWS_WITH(readShard(dir), Catch::Contains("shard.json"));
  fs::remove_all(dir);

  // A cohort no run could have written is refused before anything is sized by it.
  write(dir, exampleShard());
  const std::string json = readTextFile(dir / "shard.json", std::size_t{1} << 20, "a shard");
  const std::string size = "\"patients\": ";
  const std::size_t at = json.find(size);
  REQUIRE(at != std::string::npos);
  const std::size_t end = json.find_first_not_of("0123456789", at + size.size());
  {
    std::ofstream(dir / "shard.json")
        << json.substr(0, at + size.size()) + "1000000000000000" + json.substr(end);
  }
  CHECK_THROWS_WITH(readShard(dir),
                    Catch::Contains("shard.json: cohort: patients: expected 1 to 10000"));
  fs::remove_all(dir);
}
