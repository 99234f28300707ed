// The consultation sheet drawn in-process from a small simulation, and read back with poppler.
#include <unistd.h>
#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <string>

#include "io/AtomicFile.hpp"
#include "io/Comparison.hpp"
#include "io/RunOutputs.hpp"
#include "io/ScenarioSource.hpp"
#include "render/Image.hpp"
#include "render/RenderOptions.hpp"
#include "report/ConsultationSheet.hpp"
#include "report/CurveChart.hpp"
#include "report/PdfSupport.hpp"
#include "report/SheetScenario.hpp"
#include "report/SkinRenders.hpp"
#include "report/TimeseriesTable.hpp"

namespace fs = std::filesystem;
using namespace dermasim;

namespace {

const fs::path kDir =
    fs::temp_directory_path() / ("dermasim_sheet_test_" + std::to_string(::getpid()));

const struct Cleanup {
  ~Cleanup() {
    std::error_code ec;
    fs::remove_all(kDir, ec);
  }
} kCleanup;

bool contains(const std::string& text, const std::string& what) {
  return pdf_test::lower(text).find(pdf_test::lower(what)) != std::string::npos;
}

// Share of pixels that are not paper white.
double inkedShare(const render::Image& image) {
  std::size_t inked = 0;
  for (int y = 0; y < image.height(); ++y)
    for (int x = 0; x < image.width(); ++x) {
      const render::Rgba p = image.pixel(x, y);
      if (p.r < 235 || p.g < 235 || p.b < 235) ++inked;
    }
  return static_cast<double>(inked) / (static_cast<double>(image.width()) * image.height());
}

}  // namespace

TEST_CASE("timeseries.csv is read back by column, empty fields as NaN") {
  const report::TimeseriesTable t =
      report::parseTimeseriesCsv("day,erythema,collagen_rel\n0,0.1,1\n1.5,,1.02\n");
  REQUIRE(t.has("erythema"));
  CHECK_FALSE(t.has("redness"));
  CHECK(t.column("day") == std::vector<double>{0, 1.5});
  CHECK(std::isnan(t.column("erythema")[1]));
  CHECK_THROWS(t.column("redness"));
  CHECK_THROWS(report::parseTimeseriesCsv("day,a\n1,2,3\n"));
  CHECK_THROWS(report::parseTimeseriesCsv("day,a\n1,x\n"));
}

TEST_CASE("a chart's ticks are round and cover the values") {
  const std::vector<double> ticks = report::niceTicks(0, 37, 4);
  CHECK(ticks.front() == 0);
  CHECK(ticks.back() >= 37);
  CHECK(ticks[1] - ticks[0] == Approx(10));
  const std::vector<double> small = report::niceTicks(-0.03, 0.12, 4);
  CHECK(small.front() <= -0.03);
  CHECK(small.back() >= 0.12);
}

TEST_CASE("the sheet pictures days 1, 7, 30 and the end, those within the scenario") {
  CHECK(report::sheetDays(40) == std::vector<double>{1, 7, 30, 40});
  CHECK(report::sheetDays(30) == std::vector<double>{1, 7, 30});
  CHECK(report::sheetDays(5) == std::vector<double>{1, 5});
}

TEST_CASE("a comparison's sheet: two pages, watermark on each, inputs, seed, days, differences") {
  fs::create_directories(kDir);
  const Scenario a =
      resolveScenario(sheet_test::writeScenario(kDir, "gentle_pen", 7, 0.5).string());
  const Scenario b =
      resolveScenario(sheet_test::writeScenario(kDir, "deeper_pen", 8, 1.5).string());
  const report::RenderedRun runA =
      report::simulateAndRender(a, report::sheetDays(a.duration_days), 160);
  const report::RenderedRun runB =
      report::simulateAndRender(b, report::sheetDays(b.duration_days), 160);
  INFO(runA.renders_unavailable);
  CHECK(runA.renders.size() == 4);

  report::ConsultationSheet sheet{{}, "2026-12-01"};
  sheet.protocols.push_back({a, runA.result, report::parseTimeseriesCsv(timeseriesCsv(runA.result)),
                             runA.renders, runA.renders_unavailable});
  sheet.protocols.push_back({b, runB.result, report::parseTimeseriesCsv(timeseriesCsv(runB.result)),
                             runB.renders, runB.renders_unavailable});
  const fs::path pdf = kDir / "sheet.pdf";
  writeFileAtomically(pdf, report::consultationSheetPdf(sheet));
  REQUIRE(fs::file_size(pdf) > 1000);
  if (!pdf_test::hasPoppler()) {
    WARN("poppler-utils not installed: the PDF is not read back");
    return;
  }
  REQUIRE(pdf_test::pages(pdf) == 2);
  const std::string page1 = pdf_test::pageText(pdf, 1), page2 = pdf_test::pageText(pdf, 2);
  for (const std::string& page : {page1, page2}) CHECK(contains(page, render::kWatermarkText));
  CHECK(contains(page1, "gentle_pen"));
  CHECK(contains(page1, "deeper_pen"));
  CHECK(contains(page1, "seed 7"));
  CHECK(contains(page1, "seed 8"));
  CHECK(contains(page1, "2026-12-01"));
  CHECK(contains(page1, "Fitzpatrick"));
  for (const ComparedFigure& f : comparedFigures({a, runA.result}, {b, runB.result}))
    CHECK(contains(page1, f.label));
  CHECK(contains(page2, "day 1 "));
  CHECK(contains(page2, "day 30"));
  CHECK(contains(page2, "relief exaggerated"));
  CHECK(contains(page2, "mm"));

  const fs::path png = kDir / "page1.png";
  REQUIRE(pdf_test::pageToPng(pdf, 1, 60, png));
  CHECK(inkedShare(render::readPng(png)) > 0.03);
  const fs::path png2 = kDir / "page2.png";
  REQUIRE(pdf_test::pageToPng(pdf, 2, 60, png2));
  CHECK(inkedShare(render::readPng(png2)) > 0.1);  // the pictures of the skin
}
