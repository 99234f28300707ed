// What patient mode adds to SkinRenderer: sections at several positions, the before/after view,
// the caption and the watermark over them; and the caption's word wrapping on the CPU.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

#include "SkinTestSupport.hpp"
#include "render/CaptionBox.hpp"
#include "render/Font.hpp"
#include "render/UiMetrics.hpp"

using namespace dermasim;
using render::Image;
using render::PixelRect;
using render::RenderOptions;
using render::View;
using testing::coarseAcneScars;
using testing::draw;
using testing::snapshots;

namespace {

constexpr int kWidth = 320;
constexpr int kHeight = 200;

constexpr const char* kCaption =
    "Day 1 after your first session: your skin is pink, as after a mild sunburn; the tiny "
    "channels made by the needles are closing (simulated)";

bool inside(const PixelRect& r, int x, int y) {
  return x >= r.x && x < r.x + r.width && y >= r.y && y < r.y + r.height;
}

// Pixels that differ between two images of the same size, inside and outside a rectangle.
struct Differences {
  int inside = 0, outside = 0;
};

Differences differences(const Image& a, const Image& b, const PixelRect& box) {
  REQUIRE(a.width() == b.width());
  REQUIRE(a.height() == b.height());
  Differences d;
  for (int y = 0; y < a.height(); ++y) {
    for (int x = 0; x < a.width(); ++x) {
      if (a.pixel(x, y) == b.pixel(x, y)) continue;
      ++(inside(box, x, y) ? d.inside : d.outside);
    }
  }
  return d;
}

int differingIn(const Image& a, const Image& b, int x0, int y0, int x1, int y1) {
  int n = 0;
  for (int y = y0; y < y1; ++y) {
    for (int x = x0; x < x1; ++x) n += a.pixel(x, y) == b.pixel(x, y) ? 0 : 1;
  }
  return n;
}

// Mean of the three channels over a rectangle, 0..255.
double meanLevel(const Image& image, const PixelRect& r) {
  double sum = 0;
  for (int y = r.y; y < r.y + r.height; ++y) {
    for (int x = r.x; x < r.x + r.width; ++x) {
      const render::Rgba p = image.pixel(x, y);
      sum += (p.r + p.g + p.b) / 3.0;
    }
  }
  return sum / (static_cast<double>(r.width) * r.height);
}

// Largest channel difference between two images over the columns [x0, x1).
int maxDifference(const Image& a, const Image& b, int x0, int x1) {
  int most = 0;
  for (int y = 0; y < a.height(); ++y) {
    for (int x = x0; x < x1; ++x) {
      const render::Rgba p = a.pixel(x, y), q = b.pixel(x, y);
      most = std::max({most, std::abs(p.r - q.r), std::abs(p.g - q.g), std::abs(p.b - q.b)});
    }
  }
  return most;
}

}  // namespace

TEST_CASE("captions wrap at spaces into lines that fit, in a box above the watermark's band",
          "[render]") {
  render::Font font;
  const std::vector<std::string> lines = render::wrapWords(font, kCaption, 16, 200);
  REQUIRE(lines.size() >= 3);
  std::string joined;
  for (const std::string& line : lines) {
    CHECK(font.width(line, 16) <= 200);
    joined += (joined.empty() ? "" : " ") + line;
  }
  CHECK(joined == kCaption);
  // A word wider than the line keeps a line of its own rather than being cut.
  CHECK(render::wrapWords(font, "a Pneumonoultramicroscopic b", 16, 40).size() == 3);
  CHECK(render::wrapWords(font, "   ", 16, 40).empty());

  // Large type where the sentence leaves most of the picture free (a 1280 x 800 view)...
  const int bandTop = 740;
  const render::CaptionBox box = render::placeCaptionBox(font, kCaption, 1280, 800, bandTop, 1);
  CHECK(box.font_px == std::lround(1.6 * render::panelFontPx(1280, 800, 1)));
  CHECK(box.lines.size() >= 2);
  CHECK(box.box.x >= 0);
  CHECK(box.box.x + box.box.width <= 1280);
  CHECK(box.box.y + box.box.height < bandTop);
  // ... smaller type, down to the panel captions' size, where it would hide too much of it.
  const int panelPx = render::panelFontPx(kWidth, kHeight, 1);
  const render::CaptionBox small =
      render::placeCaptionBox(font, kCaption, kWidth, kHeight, kHeight - 20, 1);
  CHECK(small.font_px >= panelPx);
  CHECK(small.font_px < std::lround(1.6 * panelPx));
  CHECK(small.box.x + small.box.width <= kWidth);
  CHECK(render::placeCaptionBox(font, "", kWidth, kHeight, kHeight - 20, 1).box.width == 0);
}

TEST_CASE("a section further across the patch cuts other scars, and the split view's line moves",
          "[render][gl]") {
  const auto shots = snapshots(coarseAcneScars(), {0}, 4);
  REQUIRE(shots[0].sections.size() == 4);
  render::HeadlessContext context(kWidth * 2, kHeight * 2);
  render::SkinRenderer renderer;
  renderer.setSnapshot(shots[0]);
  RenderOptions options;
  options.view = View::Section;
  options.overlay = render::SectionOverlay::Layers;
  options.section_position = 0.1f;
  const Image front = draw(context, renderer, options);
  options.section_position = 0.9f;
  const Image back = draw(context, renderer, options);
  const render::SectionLayout layout = renderer.sectionLayout(kWidth * 2, kHeight * 2, options);
  const PixelRect& image = layout.image;
  const int changed =
      differingIn(front, back, image.x, image.y, image.x + image.width, image.y + image.height);
  INFO("section pixels changed: " << changed << " of " << image.width * image.height);
  CHECK(changed > image.width * image.height / 20);
  // Going back draws the first section again.
  options.section_position = 0.1f;
  CHECK(differingIn(draw(context, renderer, options), front, 0, 0, kWidth * 2, kHeight * 2) == 0);

  // In the split view the line marking the cut on the surface moves too.
  options.view = View::Split;
  options.captions = false;
  const Image splitFront = draw(context, renderer, options);
  options.section_position = 0.9f;
  const Image splitBack = draw(context, renderer, options);
  CHECK(differingIn(splitFront, splitBack, 0, 0, kWidth, kHeight * 2) > 0);
}

TEST_CASE("before-after shows the before skin left of the split and the day shown right of it",
          "[render][gl]") {
  const auto shots = snapshots(coarseAcneScars(), {0, 1});
  render::HeadlessContext context(kWidth, kHeight);
  render::SkinRenderer renderer;
  RenderOptions options;
  options.light = render::DirectionalLight::overhead();
  options.captions = false;
  renderer.setSnapshot(shots[0]);
  const Image before = draw(context, renderer, options);
  renderer.setSnapshot(shots[1]);
  const Image current = draw(context, renderer, options);
  REQUIRE(differingIn(before, current, 0, 0, kWidth, kHeight) > kWidth * kHeight / 4);

  // Without a before snapshot the view is the plain surface.
  options.view = View::BeforeAfter;
  CHECK_FALSE(renderer.hasBeforeSnapshot());
  CHECK(differingIn(draw(context, renderer, options), current, 0, 0, kWidth, kHeight) == 0);

  renderer.setBeforeSnapshot(shots[0]);
  CHECK(renderer.hasBeforeSnapshot());
  for (const float split : {0.5f, 0.3f}) {
    options.split = split;
    const Image both = draw(context, renderer, options);
    const int line = static_cast<int>(std::lround(split * kWidth));
    const int handle = 24;  // the divider's round handle reaches this far either side
    INFO("split " << split);
    CHECK(maxDifference(both, before, 0, line - handle) <= 1);
    CHECK(maxDifference(both, current, line + handle, kWidth) <= 1);
    CHECK(differingIn(both, current, 0, 0, line - handle, kHeight) > 0);
  }

  // With captions, "Before" and "Day 1" in the top corners.
  options.split = 0.5f;
  const Image unlabelled = draw(context, renderer, options);
  options.captions = true;
  const Image labelled = draw(context, renderer, options);
  CHECK(differingIn(unlabelled, labelled, 0, 0, kWidth / 4, kHeight / 5) > 20);
  CHECK(differingIn(unlabelled, labelled, kWidth * 3 / 4, 0, kWidth, kHeight / 5) > 20);
}

TEST_CASE("the caption's box appears only with a caption, in every view", "[render][gl]") {
  const auto shots = snapshots(coarseAcneScars(), {0});
  render::HeadlessContext context(kWidth * 2, kHeight * 2);
  render::SkinRenderer renderer;
  renderer.setSnapshot(shots[0]);
  renderer.setBeforeSnapshot(shots[0]);
  for (const View view : {View::Surface, View::Section, View::Split, View::BeforeAfter}) {
    INFO("view " << render::toString(view));
    RenderOptions options;
    options.view = view;
    options.watermark = true;
    CHECK(renderer.captionRect(kWidth * 2, kHeight * 2, options).width == 0);
    const Image plain = draw(context, renderer, options);
    options.caption = kCaption;
    const Image captioned = draw(context, renderer, options);
    const PixelRect box = renderer.captionRect(kWidth * 2, kHeight * 2, options);
    const PixelRect watermark = renderer.watermarkRect(kWidth * 2, kHeight * 2, options);
    REQUIRE(box.width > kWidth);
    CHECK(box.x >= 0);
    CHECK(box.x + box.width <= kWidth * 2);
    CHECK(box.y + box.height <= watermark.y);
    // A dark box under light text.
    CHECK(meanLevel(captioned, box) < meanLevel(plain, box) - 10);
    const Differences d = differences(plain, captioned, box);
    CHECK(d.inside > box.width * box.height / 2);
    if (view == View::Section || view == View::Split) {
      // The section moves up out of the box's way rather than being hidden by it.
      const render::SectionLayout layout = renderer.sectionLayout(kWidth * 2, kHeight * 2, options);
      CHECK(layout.image.y + layout.image.height < box.y);
    } else {
      CHECK(d.outside == 0);
    }
  }
}

TEST_CASE("the watermark changes only its own box in the before-after view with a caption",
          "[render][gl]") {
  const auto shots = snapshots(coarseAcneScars(), {0, 1});
  render::HeadlessContext context(kWidth * 2, kHeight * 2);
  render::SkinRenderer renderer;
  renderer.setSnapshot(shots[1]);
  renderer.setBeforeSnapshot(shots[0]);
  RenderOptions options;
  options.view = View::BeforeAfter;
  options.light = render::DirectionalLight::overhead();
  options.caption = kCaption;
  const Image plain = draw(context, renderer, options);
  options.watermark = true;
  const Image marked = draw(context, renderer, options);
  const PixelRect box = renderer.watermarkRect(kWidth * 2, kHeight * 2, options);
  const Differences d = differences(plain, marked, box);
  CHECK(d.outside == 0);
  CHECK(d.inside > box.width * box.height * 9 / 10);
}
