// The needle's reach on the section (render/SectionNeedle.hpp): the layer at a depth, the
// marker drawn at the row of the needles' depth, and the layer named from the snapshot's own
// boundaries, so the same needle ends in the subcutis of thin skin and the dermis of thick skin.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <vector>

#include "SkinTestSupport.hpp"
#include "core/devices/DeviceParameters.hpp"
#include "render/HeadlessContext.hpp"
#include "render/SectionNeedle.hpp"
#include "render/SkinRenderer.hpp"

using namespace dermasim;
using render::SkinLayer;

namespace {

// The default scenario's acne scars on a coarse grid, at `site`, needled with a `mm` pen on day 0.
Scenario needledAt(Site site, double mm) {
  Scenario s = testing::coarseAcneScars();
  s.patient.site = site;
  s.sessions.resize(1);
  s.sessions[0].day = 0;
  s.sessions[0].device.type = DeviceType::Pen;
  s.sessions[0].device.needle_length_mm = mm;
  return s;
}

// The row with the most pixels of the marker's blue: the dashed line spans the image, text and
// the needle's tip cover far fewer pixels of any one row.
int markerRow(const render::Image& image, const render::PixelRect& area) {
  const auto ink = render::kNeedleInk;
  const auto near = [](std::uint8_t v, float c) { return std::abs(v / 255.0f - c) < 0.08f; };
  int bestRow = -1, best = 0;
  for (int y = area.y; y < area.y + area.height; ++y) {
    int count = 0;
    for (int x = area.x; x < area.x + area.width; ++x) {
      const render::Rgba p = image.pixel(x, y);
      if (near(p.r, ink.r) && near(p.g, ink.g) && near(p.b, ink.b)) ++count;
    }
    if (count > best) {
      best = count;
      bestRow = y;
    }
  }
  return bestRow;
}

}  // namespace

TEST_CASE("layerAtDepth follows the section's boundaries, a boundary belonging below", "[render]") {
  render::SectionGeometry g;
  g.epidermis_mm = 0.1f;
  g.papillary_bottom_mm = 0.4f;
  g.dermis_bottom_mm = 1.5f;
  CHECK(render::layerAtDepth(g, 0.05f) == SkinLayer::Epidermis);
  CHECK(render::layerAtDepth(g, 0.1f) == SkinLayer::PapillaryDermis);
  CHECK(render::layerAtDepth(g, 0.3f) == SkinLayer::PapillaryDermis);
  CHECK(render::layerAtDepth(g, 0.4f) == SkinLayer::ReticularDermis);
  CHECK(render::layerAtDepth(g, 1.49f) == SkinLayer::ReticularDermis);
  CHECK(render::layerAtDepth(g, 1.5f) == SkinLayer::Subcutis);
  CHECK(render::layerAtDepth(g, 3.0f) == SkinLayer::Subcutis);
  // Thinner skin: the same depth lies in another layer.
  g.dermis_bottom_mm = 0.74f;
  CHECK(render::layerAtDepth(g, 1.2f) == SkinLayer::Subcutis);

  NeedleReach n{true, 2, false, "pen", 1.5, 1.35};
  CHECK(render::needleReachLabel(n, SkinLayer::ReticularDermis) ==
        "Needles 1.35 mm (1.5 mm pen, session 2): reticular dermis");
  n.planned = true;
  CHECK_THAT(render::needleReachLabel(n, SkinLayer::Subcutis),
             Catch::EndsWith("session 2, to come): subcutis"));
}

TEST_CASE("snapshots carry the needles in force, at the device model's own depth",
          "[series][render]") {
  Scenario s = needledAt(Site::Cheek, 1.5);
  s.sessions.push_back(s.sessions[0]);
  s.sessions[1].day = 10;
  s.sessions[1].device.needle_length_mm = 1.0;
  const auto shots = testing::snapshots(s, {0, 5, 12});
  const double fraction = PenParameters::from(ModelParameters{}).penetration_fraction;
  CHECK(shots[0].needle.planned);  // day 0 shows the skin before the first session
  CHECK(shots[0].needle.session == 1);
  CHECK_FALSE(shots[1].needle.planned);
  CHECK(shots[1].needle.depth_mm == Approx(fraction * 1.5));
  CHECK(shots[2].needle.session == 2);
  CHECK(shots[2].needle.depth_mm == Approx(fraction * 1.0));
  CHECK(shots[2].needle.device == "pen");
}

TEST_CASE("the needle marker is drawn at the row of the needles' depth", "[render][gl]") {
  auto shots = testing::snapshots(needledAt(Site::Cheek, 1.5), {0});
  render::HeadlessContext context(480, 600);
  render::SkinRenderer renderer;
  render::RenderOptions options;
  options.view = render::View::Section;
  options.overlay = render::SectionOverlay::Layers;
  std::vector<int> rows;
  for (const double depth : {0.5, 1.1}) {
    shots[0].needle.depth_mm = depth;
    renderer.setSnapshot(shots[0]);
    const render::Image image = testing::draw(context, renderer, options);
    const render::SectionLayout l = renderer.sectionLayout(480, 600, options);
    REQUIRE(l.show_needle);
    const float expected = render::sectionRowOf(l, static_cast<float>(depth));
    const int found = markerRow(image, l.image);
    INFO("depth " << depth << " mm: expected row " << expected);
    CHECK(std::abs(static_cast<float>(found) - expected) <= 1.5f);
    rows.push_back(found);
    render::writePng("section_needle_" + std::to_string(rows.size()) + ".png", image);
  }
  CHECK(rows[1] > rows[0] + 20);

  // Turned off, no row carries the marker's line.
  options.needle_reach = false;
  const render::Image plain = testing::draw(context, renderer, options);
  const render::SectionLayout l = renderer.sectionLayout(480, 600, options);
  CHECK_FALSE(l.show_needle);
  CHECK(markerRow(plain, l.image) == -1);
}

TEST_CASE("a 2.5 mm needle ends in the subcutis of periorbital skin, in the dermis of the back's",
          "[series][render][gl]") {
  render::HeadlessContext context(480, 600);
  render::SkinRenderer renderer;
  render::RenderOptions options;
  options.view = render::View::Section;
  options.overlay = render::SectionOverlay::Layers;
  struct Case {
    Site site;
    SkinLayer layer;
    const char* name;
  };
  for (const Case c : {Case{Site::Periorbital, SkinLayer::Subcutis, "subcutis"},
                       Case{Site::Back, SkinLayer::ReticularDermis, "reticular dermis"}}) {
    const auto shots = testing::snapshots(needledAt(c.site, 2.5), {1});
    const SkinSnapshot& shot = shots[0];
    const render::SectionGeometry g = render::sectionGeometry(shot, shot.sectionNear(0.5));
    const auto depth = static_cast<float>(shot.needle.depth_mm);
    INFO(c.name << ": needles " << depth << " mm, dermis to " << g.dermis_bottom_mm << " mm");
    CHECK(render::layerAtDepth(g, depth) == c.layer);
    CHECK_THAT(render::needleReachLabel(shot.needle, render::layerAtDepth(g, depth)),
               Catch::EndsWith(c.name));
    // The section reaches deep enough to show the tip, below the dermis on the thin skin.
    renderer.setSnapshot(shot);
    const render::Image image = testing::draw(context, renderer, options);
    const render::SectionLayout l = renderer.sectionLayout(480, 600, options);
    const int row = markerRow(image, l.image);
    CHECK(std::abs(static_cast<float>(row) - render::sectionRowOf(l, depth)) <= 1.5f);
    const bool belowDermis = static_cast<float>(row) > render::sectionRowOf(l, g.dermis_bottom_mm);
    CHECK(belowDermis == (c.layer == SkinLayer::Subcutis));
    render::writePng(
        std::string("section_needle_") + (c.site == Site::Back ? "back" : "periorbital") + ".png",
        image);
  }
}
