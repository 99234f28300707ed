// The band at the foot of exported images (render/ExportBand.hpp, SkinRenderer::drawAnnotated):
// it holds text, its scale bar spans the length it claims at the view's scale (the section's
// true scale; the surface's at a known zoom), and it names the relief only where it is
// exaggerated.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>

#include "SkinTestSupport.hpp"
#include "render/ExportBand.hpp"
#include "render/HeadlessContext.hpp"
#include "render/SkinRenderer.hpp"

using namespace dermasim;

namespace {

constexpr int kWidth = 640, kHeight = 480;

bool bright(render::Rgba p) { return p.r > 200 && p.g > 200 && p.b > 200; }

// Length of the run of bright pixels through the middle row of the bar, from its left end.
int barRunLength(const render::Image& image, const render::PixelRect& bar) {
  const int y = bar.y + bar.height / 2;
  int x = bar.x - 4;
  while (x < bar.x + bar.width && !bright(image.pixel(x, y))) ++x;
  int length = 0;
  while (x + length < image.width() && bright(image.pixel(x + length, y))) ++length;
  return length;
}

struct Annotated {
  render::Image image;
  render::ExportBand band;
};

Annotated drawAnnotated(render::HeadlessContext& context, render::SkinRenderer& renderer,
                        const render::RenderOptions& options) {
  context.makeCurrent();
  Annotated a;
  a.band = renderer.drawAnnotated({0, 0, kWidth, kHeight}, options, "Acne scars, pen");
  a.image = context.readPixels();
  return a;
}

}  // namespace

TEST_CASE("the band says scenario, device, needle depth and day, relief only where exaggerated",
          "[render]") {
  const auto shots = testing::snapshots(testing::coarseAcneScars(), {7});
  render::RenderOptions options;
  const render::ExportFacts surface = render::exportFacts("A", shots[0], options, false);
  CHECK(surface.title == "A");
  // The default series' first session: a 1 mm pen, its needles 0.9 of that deep.
  CHECK_THAT(surface.details, Catch::StartsWith("pen, 1 mm needles (reach 0.9 mm)"));
  CHECK_THAT(surface.details, Catch::Contains("day 7"));
  CHECK_THAT(surface.details, Catch::Contains("relief exaggerated 3x"));
  CHECK(surface.scale_note == " at centre");
  options.view = render::View::Section;
  const render::ExportFacts section = render::exportFacts("A", shots[0], options, false);
  CHECK_THAT(section.details, !Catch::Contains("relief"));
  options.view = render::View::Surface;
  options.relief_exaggeration = 1;
  CHECK_THAT(render::exportFacts("A", shots[0], options, false).details,
             !Catch::Contains("relief"));
}

TEST_CASE("an annotated section has text in its band and a bar of its true scale", "[render][gl]") {
  const auto shots = testing::snapshots(testing::coarseAcneScars(), {7});
  render::HeadlessContext context(kWidth, kHeight);
  render::SkinRenderer renderer;
  renderer.setSnapshot(shots[0]);
  render::RenderOptions options;
  options.view = render::View::Section;
  const Annotated a = drawAnnotated(context, renderer, options);
  render::writePng("annotated_section.png", a.image);

  const render::PixelRect& band = a.band.band;
  REQUIRE(band.height == render::exportBandHeight(kWidth, kHeight, 1));
  REQUIRE(band.y + band.height == kHeight);
  // Text: pixels well off the band's near-black in its left half.
  int text = 0;
  for (int y = band.y; y < band.y + band.height; ++y)
    for (int x = 0; x < kWidth / 2; ++x) text += a.image.pixel(x, y).g > 90 ? 1 : 0;
  CHECK(text > 300);

  // The section above the band is laid out in the view's own size.
  const render::SectionLayout l = renderer.sectionLayout(kWidth, kHeight - band.height, options);
  const float pxPerMm = static_cast<float>(l.image.width) / (l.x_right_mm - l.x_left_mm);
  REQUIRE(a.band.bar_mm > 0);
  CHECK(std::abs(static_cast<float>(barRunLength(a.image, a.band.bar)) - a.band.bar_mm * pxPerMm) <=
        2.0f);
}

TEST_CASE("the surface's bar matches the framing at a known zoom, seen from straight above",
          "[render][gl]") {
  const auto shots = testing::snapshots(testing::coarseAcneScars(), {7});
  render::HeadlessContext context(kWidth, kHeight);
  render::SkinRenderer renderer;
  renderer.setSnapshot(shots[0]);
  for (const float zoom : {1.0f, 2.5f}) {
    render::RenderOptions options;
    options.camera.elevation_deg = 90;
    options.camera.azimuth_deg = 0;
    options.camera.zoom = zoom;
    const Annotated a = drawAnnotated(context, renderer, options);
    render::writePng(zoom > 1 ? "annotated_surface_zoom2.5.png" : "annotated_surface_zoom1.png",
                     a.image);
    // At zoom 1 a wide view spans 92 % of the patch across (SurfacePass::viewProjection).
    const double patch = shots[0].nx * shots[0].dx_mm;
    const double pxPerMm = kWidth * static_cast<double>(zoom) / (0.92 * patch);
    INFO("zoom " << zoom << ": bar " << a.band.bar_mm << " mm");
    REQUIRE(a.band.bar_mm > 0);
    CHECK(std::abs(barRunLength(a.image, a.band.bar) -
                   static_cast<double>(a.band.bar_mm) * pxPerMm) <= 2.0);
    CHECK_THAT(a.band.bar_label, Catch::EndsWith("mm at centre"));
  }
}
