// `--report FILE.pdf` of `dermasim run` and `dermasim compare`, through the built program.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "CliTestSupport.hpp"
#include "render/RenderOptions.hpp"
#include "report/PdfSupport.hpp"
#include "report/SheetScenario.hpp"

namespace fs = std::filesystem;

namespace {

bool contains(const std::string& text, const std::string& what) {
  return pdf_test::lower(text).find(pdf_test::lower(what)) != std::string::npos;
}

// Built by appending: `"'" + p.string()` trips GCC 12's false -Wrestrict (GCC bug 105329).
std::string shellQuoted(const fs::path& p) {
  return std::string("'").append(p.string()).append("'");
}

}  // namespace

TEST_CASE("run --report writes the sheet after the outputs") {
  const fs::path dir = cli_test::scratch("run_report");
  const fs::path scenario = sheet_test::writeScenario(dir, "cheek_pen", 11, 1.0);
  const fs::path pdf = dir / "sheet.pdf";
  const cli_test::Outcome r =
      cli_test::dermasim("run " + shellQuoted(scenario) + " --out " + shellQuoted(dir / "out") +
                         " --report " + shellQuoted(pdf));
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(fs::exists(dir / "out" / "timeseries.csv"));
  REQUIRE(fs::exists(pdf));
  if (!pdf_test::hasPoppler()) {
    WARN("poppler-utils not installed: the PDF is not read back");
    return;
  }
  REQUIRE(pdf_test::pages(pdf) == 2);
  const std::string page1 = pdf_test::pageText(pdf, 1), page2 = pdf_test::pageText(pdf, 2);
  CHECK(contains(page1, dermasim::render::kWatermarkText));
  CHECK(contains(page2, dermasim::render::kWatermarkText));
  CHECK(contains(page1, "cheek_pen"));
  CHECK(contains(page1, "seed 11"));
  CHECK(contains(page1, "session 2"));
  CHECK(contains(page2, "day 1 "));
  CHECK(contains(page2, "day 30"));
}

TEST_CASE("compare --report has both protocols and the difference table") {
  const fs::path dir = cli_test::scratch("compare_report");
  const fs::path a = sheet_test::writeScenario(dir, "shallow", 3, 0.5);
  const fs::path b = sheet_test::writeScenario(dir, "deep", 4, 1.5);
  const fs::path pdf = dir / "both.PDF";
  const cli_test::Outcome r =
      cli_test::dermasim("compare " + shellQuoted(a) + " " + shellQuoted(b) + " --out " +
                         shellQuoted(dir / "out") + " --report " + shellQuoted(pdf));
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  REQUIRE(fs::exists(pdf));
  if (!pdf_test::hasPoppler()) {
    WARN("poppler-utils not installed: the PDF is not read back");
    return;
  }
  REQUIRE(pdf_test::pages(pdf) == 2);
  const std::string page1 = pdf_test::pageText(pdf, 1);
  for (const char* row : {"punctures per session", "needling time per session", "peak redness",
                          "downtime per session", "collagen gain at 1 month",
                          "improvement at 3 months", "improvement at 6 months"})
    CHECK(contains(page1, row));
  // The difference column's heading; pdftotext may drop the spaces of a right-aligned cell.
  std::string squeezed = page1;
  std::erase(squeezed, ' ');
  CHECK(contains(squeezed, "B-A"));
  CHECK(contains(page1, "shallow"));
  CHECK(contains(page1, "deep"));
}

TEST_CASE("a cohort run's sheet shows the percentile band") {
  const fs::path dir = cli_test::scratch("cohort_report");
  const fs::path scenario = sheet_test::writeScenario(dir, "cohort_pen", 5, 1.0, 35);
  const fs::path pdf = dir / "cohort.pdf";
  const cli_test::Outcome r =
      cli_test::dermasim("run " + shellQuoted(scenario) + " --cohort 3 --out " +
                         shellQuoted(dir / "out") + " --report " + shellQuoted(pdf));
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  REQUIRE(fs::exists(pdf));
  if (!pdf_test::hasPoppler()) return;
  CHECK(contains(pdf_test::pageText(pdf, 1), "90th percentile"));
}

TEST_CASE("a bad --report is exit 2 with one line, before anything is simulated") {
  const fs::path dir = cli_test::scratch("bad_report");
  const fs::path scenario = sheet_test::writeScenario(dir, "pen", 1, 1.0);
  for (const std::string& bad :
       {(dir / "sheet.txt").string(), (dir / "missing" / "sheet.pdf").string(), dir.string(),
        (dir / "out" / "sheet.pdf").string()}) {
    if (bad.find("/out/") != std::string::npos) fs::create_directories(dir / "out");
    const cli_test::Outcome r =
        cli_test::dermasim("run " + shellQuoted(scenario) + " --out " + shellQuoted(dir / "out") +
                           " --report " + shellQuoted(bad));
    INFO(bad + ": " + r.err);
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("--report") == 0);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    CHECK_FALSE(fs::exists(dir / "out" / "timeseries.csv"));
  }
  const cli_test::Outcome c =
      cli_test::dermasim("compare " + shellQuoted(scenario) + " " + shellQuoted(scenario) +
                         " --out " + shellQuoted(dir / "cmp") + " --report x.png");
  CHECK(c.exit_code == 2);
  CHECK_FALSE(fs::exists(dir / "cmp"));
}
