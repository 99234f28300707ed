// The viewer's image export (Exporter) in compare mode: both protocols side by side as on screen,
// A left and B right with a gap between, each half with its own band saying what it shows; no
// export until both are simulated in full; and back in the single view, the one in front alone.
// The consultation sheet in compare mode is compare --report's, of A and B. Pictures go beside
// the test, export_pictures/.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <stdexcept>

#include "../report/PdfSupport.hpp"
#include "ViewerTestSupport.hpp"
#include "io/SafeFileName.hpp"
#include "render/ExportBand.hpp"
#include "render/HeadlessContext.hpp"
#include "render/Image.hpp"
#include "viewer/CompareMode.hpp"
#include "viewer/Exporter.hpp"
#include "viewer/SheetExport.hpp"

using namespace dermasim;
using namespace dermasim::viewer;
using render::Image;

namespace {

const std::filesystem::path kPictures = "export_pictures";

using test::penAt;

// Mean absolute difference per channel between columns [x0, x0 + w) of rows [y0, y1) of `image`
// and the same columns shifted by `dx`.
double meanDifference(const Image& image, int x0, int w, int dx, int y0, int y1) {
  double sum = 0;
  int n = 0;
  for (int y = y0; y < y1; ++y)
    for (int x = x0; x < x0 + w; ++x) {
      const render::Rgba p = image.pixel(x, y), q = image.pixel(x + dx, y);
      sum += std::abs(p.r - q.r) + std::abs(p.g - q.g) + std::abs(p.b - q.b);
      n += 3;
    }
  return n > 0 ? sum / n : 0;
}

// Light (text) pixels in the band rows of columns [x0, x1).
int lightInBand(const Image& image, int x0, int x1, int band) {
  int light = 0;
  for (int y = image.height() - band; y < image.height(); ++y)
    for (int x = x0; x < x1; ++x) light += image.pixel(x, y).g > 150 ? 1 : 0;
  return light;
}

}  // namespace

TEST_CASE("viewer export: compare mode exports both protocols side by side, each with its band",
          "[ui][export]") {
  std::filesystem::create_directories(kPictures);
  ViewerState state({penAt(0.5, "pen 0.5 mm"), penAt(2.5, "pen 2.5 mm")});
  REQUIRE(test::settle(state));
  render::HeadlessContext context(16, 16);
  context.makeCurrent();
  Exporter exporter;
  const Image single = exporter.renderDay(state, 1, 640, 300, 1);

  enterCompare(state);
  // B has no full result yet: nothing leaves the viewer half drawn.
  if (!compareReady(state)) {
    REQUIRE_THROWS_WITH(exporter.renderDay(state, 1, 640, 300, 1),
                        Catch::Contains("both protocols"));
  }
  REQUIRE(test::settle(state));
  REQUIRE(compareReady(state));
  const Image pair = exporter.renderDay(state, 1, 640, 300, 1);
  render::writePng(kPictures / "compare_export.png", pair);
  REQUIRE(pair.width() == 640);
  REQUIRE(pair.height() == 300);

  // A dark gap in the middle, as on screen.
  const int mid = 640 / 2;
  const render::Rgba gap = pair.pixel(mid, 150);
  CHECK(gap.r < 40);
  CHECK(gap.g < 40);
  CHECK(gap.b < 45);
  // Each half has its own band with text at its foot, sized for a half.
  const int band = render::exportBandHeight(mid - 2, 300, 1);
  CHECK(lightInBand(pair, 0, mid - 4, band) > 50);
  CHECK(lightInBand(pair, mid + 4, 640, band) > 50);
  // Each half is its own protocol's skin: 0.5 mm against 2.5 mm a day on differ.
  const int half = mid - 4;
  const double between = meanDifference(pair, 0, half - 10, mid + 2, 20, 300 - band - 20);
  INFO("mean difference between the halves " << between);
  CHECK(between > 2.0);
  // The halves' bands name their protocols ("A: pen 0.5 mm", "B: pen 2.5 mm"): their text differs.
  int bandDiffers = 0;
  for (int y = 300 - band; y < 300; ++y)
    for (int x = 0; x < half - 10; ++x)
      bandDiffers += pair.pixel(x, y) == pair.pixel(x + mid + 2, y) ? 0 : 1;
  CHECK(bandDiffers > 50);

  // Back to one skin with B in front: B alone, drawn from B's snapshot although the exporter's
  // renderer last held A's (one renderer is given either slot under one version).
  bringToFront(state, state.compare.b);
  leaveCompare(state);
  REQUIRE(test::settle(state));
  const Image back = exporter.renderDay(state, 1, 640, 300, 1);
  Exporter fresh;
  const Image expected = fresh.renderDay(state, 1, 640, 300, 1);
  int differs = 0, fromA = 0;
  for (int y = 0; y < 300; y += 2)
    for (int x = 0; x < 640; x += 2) {
      differs += back.pixel(x, y) == expected.pixel(x, y) ? 0 : 1;
      fromA += back.pixel(x, y) == single.pixel(x, y) ? 0 : 1;
    }
  CHECK(differs == 0);
  CHECK(fromA > 1000);  // B's skin and band, not A's
}

// Four more runs (each protocol's pictures and curves): run once, in the Release run.
TEST_CASE("viewer export: the sheet in compare mode is compare --report's, of A and B",
          "[series][ui][export]") {
  ViewerState state({penAt(0.5, "pen 0.5 mm"), penAt(2.5, "pen 2.5 mm")});
  REQUIRE(test::settle(state));
  enterCompare(state);
  REQUIRE(test::settle(state));
  const std::vector<Scenario> protocols = sheetProtocols(state);
  REQUIRE(protocols.size() == 2);
  CHECK(protocols[0].name == "pen 0.5 mm");
  CHECK(protocols[1].name == "pen 2.5 mm");
  const std::filesystem::path folder = "export_sheet";
  const std::filesystem::path file = SheetExport::fileFor(protocols, folder);
  CHECK(file.filename() == "pen_0.5_mm_vs_pen_2.5_mm_sheet.pdf");
  SheetExport sheet;
  CHECK_FALSE(sheet.start({}, folder));
  if (!SheetExport::available()) return;
  CHECK_THAT(sheet.status(), Catch::Contains("one protocol or two"));
  std::filesystem::remove(file);
  REQUIRE(sheet.start(protocols, folder));
  sheet.wait();
  INFO(sheet.status());
  REQUIRE_FALSE(sheet.failed());
  REQUIRE(std::filesystem::exists(file));
  if (!pdf_test::hasPoppler()) return;
  const std::string text = pdf_test::pageText(file, 1);
  CHECK_THAT(text, Catch::Contains("pen 0.5 mm"));
  CHECK_THAT(text, Catch::Contains("pen 2.5 mm"));
  // In the single view, the one in front alone.
  leaveCompare(state);
  CHECK(sheetProtocols(state).size() == 1);
}
