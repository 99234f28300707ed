// `dermasim guidance` prints the knowledge table; `check` exits 1 on an error finding; `run`
// and `compare` refuse such a scenario (exit 2, nothing written) unless --force.
#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "CliTestSupport.hpp"

using namespace cli_test;

namespace {

// writeQuickScenario's plan with patient lines added.
fs::path quickScenario(const fs::path& dir, const std::string& name, const std::string& patient) {
  const fs::path file = dir / (name + ".toml");
  std::ofstream(file) << "[scenario]\nseed = 3\nduration_days = 10\n[patient]\n"
                      << patient
                      << "\n[device]\ntype = \"pen\"\nneedle_length_mm = 1.0\n"
                         "[schedule]\nsessions = 1\ninterval_days = 30\n"
                         "[model]\npatch_size_mm = 2\nlateral_resolution_um = 50\n";
  return file;
}

}  // namespace

TEST_CASE("cli guidance: prints the knowledge table with sources and grades", "[cli]") {
  const Outcome r = dermasim("guidance");
  CHECK(r.exit_code == 0);
  for (const char* words :
       {"# Clinical guidance", "## Depth by site and indication", "| periorbital |",
        "## Contraindications", "| pregnancy | error |", "## Pigmentation", "grade",
        "depth_ranges.csv:", "## Plans: device by site and indication",
        "devices.csv:", "treated_sites.csv:", "## Downtime by needle depth", "downtime.csv:"})
    CHECK(r.out.find(words) != std::string::npos);
  const Outcome help = dermasim("guidance --help");
  CHECK(help.exit_code == 0);
  CHECK(help.out.find("knowledge table") != std::string::npos);
}

TEST_CASE("cli guidance: check exits 1 on an error finding, 0 on warnings", "[cli]") {
  const fs::path dir = scratch("guidance_check");
  const Outcome clean = dermasim("check " + quickScenario(dir, "clean", "").string());
  CHECK(clean.exit_code == 0);
  const Outcome warned =
      dermasim("check " + quickScenario(dir, "rosacea", "conditions = [\"rosacea\"]").string());
  CHECK(warned.exit_code == 0);
  CHECK(warned.out.find("warning relative_contraindication: rosacea") != std::string::npos);
  std::ofstream(dir / "eye25.toml") << "[patient]\nsite = \"periorbital\"\nindication = "
                                       "\"fine_lines\"\n[device]\ntype = \"pen\"\n"
                                       "needle_length_mm = 2.5\n[schedule]\nsessions = 1\n"
                                       "interval_days = 30\n";
  const Outcome deep = dermasim("check " + (dir / "eye25.toml").string());
  CHECK(deep.exit_code == 1);
  CHECK(deep.out.find("error depth_unsafe_for_site: ") != std::string::npos);
  CHECK(deep.out.find("assets/guidance/depth_ranges.csv") != std::string::npos);
}

TEST_CASE("cli guidance: run refuses an error finding without --force", "[cli]") {
  const fs::path dir = scratch("guidance_run");
  const fs::path pregnant = quickScenario(dir, "pregnant", "conditions = [\"pregnancy\"]");
  const fs::path out = dir / "out";
  const Outcome refused = dermasim("run " + pregnant.string() + " --out " + out.string());
  CHECK(refused.exit_code == 2);
  CHECK(refused.err.rfind("refused: ", 0) == 0);
  CHECK(refused.err.find("contraindication: pregnancy") != std::string::npos);
  CHECK(refused.err.find("use --force to simulate anyway") != std::string::npos);
  CHECK(std::count(refused.err.begin(), refused.err.end(), '\n') == 1);
  CHECK_FALSE(fs::exists(out));
  // A cohort of the same plan is refused the same way.
  const Outcome cohort = dermasim("run " + pregnant.string() + " --cohort 2 --out " + out.string());
  CHECK(cohort.exit_code == 2);
  CHECK(cohort.err.rfind("refused: ", 0) == 0);
  CHECK_FALSE(fs::exists(out));

  const Outcome forced = dermasim("run " + pregnant.string() + " --force -q --out " + out.string());
  CHECK(forced.exit_code == 0);
  const auto summary = nlohmann::json::parse(slurp(out / "summary.json"));
  bool listed = false;
  for (const auto& w : summary.at("warnings"))
    if (w.at("code") == "contraindication" && w.at("level") == "error")
      listed = w.at("source").get<std::string>().find("contraindications.csv") != std::string::npos;
  CHECK(listed);
}

TEST_CASE("cli guidance: compare refuses as run does", "[cli]") {
  const fs::path dir = scratch("guidance_compare");
  const fs::path clean = quickScenario(dir, "clean", "");
  const fs::path acne = quickScenario(dir, "acne", "conditions = [\"active_acne\"]");
  const Outcome refused = dermasim("compare " + clean.string() + " " + acne.string() + " --out " +
                                   (dir / "cmp").string());
  CHECK(refused.exit_code == 2);
  CHECK(refused.err.find("refused: B ") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "cmp"));
  CHECK(dermasim("compare " + clean.string() + " " + acne.string() + " --force -q --out " +
                 (dir / "cmp").string())
            .exit_code == 0);
}
