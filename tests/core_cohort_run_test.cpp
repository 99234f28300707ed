// core/cohort/CohortRun: the cohort loop `dermasim run --cohort` and the viewer's bands share.
// Patient i is the same on any thread count and whether run alone or among others; the run
// given a Progress reports the patients done and stops when asked; and the files written from
// it are byte for byte the command line's.

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "CliTestSupport.hpp"
#include "core/cohort/CohortRun.hpp"
#include "guidance/Findings.hpp"
#include "io/CohortOutputs.hpp"
#include "io/RunOutputs.hpp"
#include "io/ScenarioFile.hpp"

using namespace dermasim;
namespace fs = std::filesystem;

namespace {

// One pen session over six days on a small coarse patch: a few hundredths of a second a patient.
Scenario quickScenario() {
  Scenario s = loadBuiltinScenario("acne_scars_pen");
  s.model.patch_size_mm = 2;
  s.model.lateral_resolution_um = 100;
  s.duration_days = 6;
  s.sessions.resize(1);
  return s;
}

void checkSamePatients(const CohortResult& a, const CohortResult& b) {
  REQUIRE(a.patients.size() == b.patients.size());
  for (std::size_t p = 0; p < a.patients.size(); ++p) {
    INFO("patient " << p);
    CHECK(a.patients[p].index == b.patients[p].index);
    CHECK(a.patients[p].values == b.patients[p].values);
    CHECK(a.patients[p].outcomes == b.patients[p].outcomes);
    REQUIRE(a.patients[p].timeseries.size() == b.patients[p].timeseries.size());
    for (std::size_t r = 0; r < a.patients[p].timeseries.size(); ++r) {
      CHECK(a.patients[p].timeseries[r].redness_a == b.patients[p].timeseries[r].redness_a);
      CHECK(a.patients[p].timeseries[r].collagen_rel == b.patients[p].timeseries[r].collagen_rel);
      CHECK(a.patients[p].timeseries[r].scar_depth_um == b.patients[p].timeseries[r].scar_depth_um);
    }
  }
}

}  // namespace

TEST_CASE("a cohort's patients do not depend on the thread count or the cancellable form") {
  const Scenario s = quickScenario();
  const CohortResult one = simulateCohort(s, 4, 1);
  const CohortResult three = simulateCohort(s, 4, 3);
  checkSamePatients(one, three);

  std::vector<double> fractions;
  Progress progress([&](double fraction, std::string_view) { fractions.push_back(fraction); });
  const std::optional<CohortResult> followed = simulateCohort(s, 4, 2, progress);
  REQUIRE(followed.has_value());
  checkSamePatients(one, *followed);
  REQUIRE(!fractions.empty());
  CHECK(fractions.front() == 0.0);
  CHECK(fractions.back() == 1.0);

  // Patient 2 alone is patient 2 of the four.
  const CohortResult alone = simulatePatients(s, {2}, 1);
  REQUIRE(alone.patients.size() == 1);
  CHECK(alone.patients[0].outcomes == one.patients[2].outcomes);
  CHECK(alone.patients[0].values == one.patients[2].values);
}

TEST_CASE("a cohort asked to stop returns nothing and stops soon") {
  const Scenario s = quickScenario();
  SECTION("asked before it starts") {
    Progress progress;
    progress.requestCancel();
    CHECK_FALSE(simulateCohort(s, 50, 2, progress).has_value());
  }
  SECTION("asked after the first patient") {
    std::atomic<int> reports{0};
    Progress* self = nullptr;
    Progress progress([&](double fraction, std::string_view) {
      ++reports;
      if (fraction > 0) self->requestCancel();
    });
    self = &progress;
    const auto start = std::chrono::steady_clock::now();
    CHECK_FALSE(simulateCohort(s, 50, 2, progress).has_value());
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    // 50 patients would report 51 times; stopping leaves the rest unstarted and unreported.
    CHECK(reports < 10);
    WARN("stopped after " << seconds << " s");
  }
}

TEST_CASE("a run that is part of a larger job reports to it only its given share") {
  const Scenario s = quickScenario();
  std::vector<double> seen;
  std::vector<std::string> said;
  const Progress whole([&](double fraction, std::string_view what) {
    seen.push_back(fraction);
    said.emplace_back(what);
  });
  SECTION("without a share, nothing") {
    REQUIRE(simulateAsPartOf(s, whole).has_value());
    CHECK(seen.empty());
  }
  SECTION("with one, its steps inside it, in order, ending at its end") {
    const std::optional<RunResult> run =
        simulate(s, Progress(whole, 0.8, 0.9, "the scenario's own patient"));
    REQUIRE(run.has_value());
    REQUIRE(seen.size() > 3);
    for (std::size_t i = 0; i < seen.size(); ++i) {
      INFO("report " << i << ": " << seen[i]);
      CHECK(seen[i] >= 0.8 - 1e-12);
      CHECK(seen[i] <= 0.9 + 1e-12);
      if (i > 0) CHECK(seen[i] >= seen[i - 1]);
      CHECK(said[i] == "the scenario's own patient");
    }
    CHECK(seen.back() == Approx(0.9));
    // The same run as one on its own.
    CHECK(run->timeseries.back().collagen_rel == simulate(s).timeseries.back().collagen_rel);
  }
}

TEST_CASE("a cohort's files written from the core's run are the command line's") {
  const fs::path dir = cli_test::scratch("cohort_run_core");
  const fs::path file = cli_test::writeQuickScenario(dir, "quick", 7, 6);
  const fs::path cli = dir / "cli";
  const cli_test::Outcome r =
      cli_test::dermasim("--threads 2 run " + file.string() + " --cohort 3 --out " + cli.string());
  INFO(r.err);
  REQUIRE(r.exit_code == 0);

  const Scenario s = loadScenarioFile(file);
  const fs::path core = dir / "core";
  StagedFolder staged = stageRunOutputs(core);
  writeCohortOutputs(staged, s, simulateCohort(s, 3, 1), findingsFor(s));  // and commits
  for (const char* name : {"timeseries.csv", "cohort.csv", "summary.json"}) {
    INFO(name);
    CHECK(cli_test::slurp(cli / name) == cli_test::slurp(core / name));
  }
}
