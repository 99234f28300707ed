// SkinRenderer on simulated skin, headless: what the images must show (redness, relief, layers,
// the watermark), and the CPU pieces under it (mesh, font, colour space).
#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <vector>

#include "SkinTestSupport.hpp"
#include "core/Simulation.hpp"
#include "io/ScenarioFile.hpp"
#include "render/ColourSpace.hpp"
#include "render/Font.hpp"
#include "render/HeadlessContext.hpp"
#include "render/Image.hpp"
#include "render/SectionStyle.hpp"
#include "render/SkinRenderer.hpp"
#include "render/SurfaceMesh.hpp"

using namespace dermasim;
using render::Image;
using render::RenderOptions;
using testing::coarseAcneScars;
using testing::draw;
using testing::snapshots;

namespace {

constexpr int kWidth = 320;
constexpr int kHeight = 200;

// One 1.5 mm pen session on day 0, coarse grid so the test is quick.
constexpr const char* kPenSession = R"(
[scenario]
name = "one pen session"
duration_days = 14
[patient]
site = "cheek"
fitzpatrick = 3
age = 35
indication = "rejuvenation"
[device]
type = "pen"
needle_length_mm = 1.5
[[session]]
day = 0
[model]
lateral_resolution_um = 50
)";

std::array<double, 3> srgbOf(render::Rgba p) { return {p.r / 255.0, p.g / 255.0, p.b / 255.0}; }

// The middle half of the image in each direction: skin in every surface view here.
template <typename Fn>
void forCentre(const Image& image, Fn&& fn) {
  for (int y = image.height() / 4; y < image.height() * 3 / 4; ++y) {
    for (int x = image.width() / 4; x < image.width() * 3 / 4; ++x) fn(x, y, image.pixel(x, y));
  }
}

double meanSkinA(const Image& image) {
  double sum = 0;
  int count = 0;
  forCentre(image, [&](int, int, render::Rgba p) {
    if (p.r == p.g && p.g == p.b) return;  // the neutral grey background
    sum += render::labFromSrgb(srgbOf(p)).a;
    ++count;
  });
  REQUIRE(count > image.width() * image.height() / 8);
  return sum / count;
}

// Mean squared difference of CIELAB L* between neighbouring pixels: how much texture shows.
double gradientEnergy(const Image& image) {
  const auto lightness = [&](int x, int y) {
    return render::labFromSrgb(srgbOf(image.pixel(x, y))).L;
  };
  double sum = 0;
  int count = 0;
  forCentre(image, [&](int x, int y, render::Rgba) {
    const double gx = lightness(x + 1, y) - lightness(x, y);
    const double gy = lightness(x, y + 1) - lightness(x, y);
    sum += gx * gx + gy * gy;
    ++count;
  });
  return sum / count;
}

double distance2(render::Rgba p, const render::Rgb& tint) {
  double d = 0;
  const double c[3] = {p.r / 255.0, p.g / 255.0, p.b / 255.0};
  for (int i = 0; i < 3; ++i) {
    const double e = c[i] - static_cast<double>(tint[static_cast<std::size_t>(i)]);
    d += e * e;
  }
  return d;
}

}  // namespace

TEST_CASE("the surface mesh wraps the periodic patch and faces up where it is flat", "[render]") {
  SkinSnapshot s;
  s.nx = 4;
  s.ny = 3;
  s.nz = 2;
  s.dx_mm = 0.5;
  s.dz_mm = 0.1;
  s.height_mm.assign(12, 0.0f);
  s.height_mm[5] = -0.1f;  // a pit at column (1, 1)
  s.srgb.assign(36, 0.5f);
  SkinSection& section = s.sections.emplace_back();
  section.row = 1;
  for (auto* v : {&section.epidermis, &section.papillary, &section.collagen1, &section.collagen3,
                  &section.elastin, &section.fibroblasts, &section.injury, &section.lumen}) {
    v->assign(8, 0.0f);
  }
  const render::SurfaceMesh mesh = render::buildSurfaceMesh(s, 10);
  CHECK(mesh.columns == 5);
  CHECK(mesh.rows == 4);
  CHECK(mesh.vertices.size() == 20);
  CHECK(mesh.indices.size() == 4 * 3 * 6);
  CHECK(mesh.patch_mm == Approx(2.0));
  // The wrapped last column repeats the first, one patch further on.
  CHECK(mesh.vertices[4].x == Approx(mesh.vertices[0].x + 2.0f));
  CHECK(mesh.vertices[4].z == mesh.vertices[0].z);
  CHECK(mesh.vertices[6].z == Approx(-1.0f));  // exaggerated x10
  CHECK(mesh.vertices[6].nz == Approx(1.0f));  // the pit's bottom is level
  CHECK(mesh.vertices[5].nx > 0.5f);           // its left wall faces +x, into the pit
  CHECK(mesh.vertices[0].r == Approx(render::srgbToLinear(0.5f)));

  s.srgb.pop_back();
  CHECK_THROWS_WITH(render::buildSurfaceMesh(s, 1), Catch::Contains("srgb"));
}

TEST_CASE("text lays out with the TrueType font or the built-in one", "[render]") {
  render::Font font;
  INFO("font: " << font.name());
  const render::TextLayout short_ = font.layout("Day 1", 16);
  const render::TextLayout long_ = font.layout("Day 180 \xC3\x97", 16);
  CHECK(short_.width > 16);
  CHECK(long_.width > short_.width);
  CHECK(!long_.quads.empty());
  CHECK(font.face(16).ascent > 8);
  CHECK(font.width("Simulation", 32) > 1.8f * font.width("Simulation", 16));
}

TEST_CASE("sRGB to CIELAB matches reference values", "[render]") {
  const Lab white = render::labFromSrgb({1, 1, 1});
  CHECK(white.L == Approx(100).margin(0.01));
  CHECK(white.a == Approx(0).margin(0.01));
  const Lab red = render::labFromSrgb({1, 0, 0});
  CHECK(red.L == Approx(53.24).margin(0.05));
  CHECK(red.a == Approx(80.09).margin(0.05));
  CHECK(red.b == Approx(67.20).margin(0.05));
  CHECK(render::linearToSrgb(render::srgbToLinear(0.3f)) == Approx(0.3f));
}

TEST_CASE("skin drawn a day after a 1.5 mm pen session is redder than on day 14",
          "[series][render][gl]") {
  const auto shots = snapshots(parseScenario(kPenSession, "test:pen_session"), {1, 14});
  render::HeadlessContext context(kWidth, kHeight);
  render::SkinRenderer renderer;
  RenderOptions options;
  options.captions = false;
  options.light = render::DirectionalLight::overhead();
  renderer.setSnapshot(shots[0]);
  const double day1 = meanSkinA(draw(context, renderer, options));
  renderer.setSnapshot(shots[1]);
  const double day14 = meanSkinA(draw(context, renderer, options));
  INFO("rendered a*: day 1 " << day1 << ", day 14 " << day14 << "; simulated "
                             << shots[0].reading.redness_a << ", " << shots[1].reading.redness_a);
  CHECK(day1 > day14 + 2);
}

TEST_CASE("acne scars show less relief under grazing light on day 180 than on day 0",
          "[series][render][gl]") {
  const auto shots = snapshots(coarseAcneScars(), {0, 180});
  render::HeadlessContext context(kWidth, kHeight);
  render::SkinRenderer renderer;
  RenderOptions options;
  options.captions = false;
  options.light = render::DirectionalLight::grazing();
  renderer.setSnapshot(shots[0]);
  const double before = gradientEnergy(draw(context, renderer, options));
  renderer.setSnapshot(shots[1]);
  const double after = gradientEnergy(draw(context, renderer, options));
  INFO("gradient energy: day 0 " << before << ", day 180 " << after);
  CHECK(after < 0.7 * before);
}

TEST_CASE("the section shows air, epidermis, papillary, reticular dermis and subcutis in order",
          "[render][gl]") {
  const auto shots = snapshots(coarseAcneScars(), {0});
  render::HeadlessContext context(480, 600);
  render::SkinRenderer renderer;
  renderer.setSnapshot(shots[0]);
  RenderOptions options;
  options.view = render::View::Section;
  options.overlay = render::SectionOverlay::Layers;
  const Image image = draw(context, renderer, options);
  const render::SectionLayout layout = renderer.sectionLayout(480, 600, options);
  REQUIRE(layout.image.height > 200);

  using T = render::SectionTints;
  const std::array<render::Rgb, 4> tints{T::kEpidermis, T::kPapillary, T::kReticular, T::kSubcutis};
  for (int x : {layout.image.x + layout.image.width / 4, layout.image.x + layout.image.width / 2,
                layout.image.x + layout.image.width * 3 / 4}) {
    // Layers seen down the column, by nearest tint; air is whatever is far from all of them.
    std::vector<int> order;
    std::vector<int> runs;
    for (int y = layout.image.y + 1; y < layout.image.y + layout.image.height - 1; ++y) {
      int best = -1;
      double bestDistance = 0.004;  // within ~0.06 per channel
      for (int t = 0; t < 4; ++t) {
        const double d = distance2(image.pixel(x, y), tints[static_cast<std::size_t>(t)]);
        if (d < bestDistance) {
          bestDistance = d;
          best = t;
        }
      }
      if (best < 0) continue;
      if (order.empty() || order.back() != best) {
        order.push_back(best);
        runs.push_back(0);
      }
      ++runs.back();
    }
    INFO("column " << x);
    CHECK(order == std::vector<int>{0, 1, 2, 3});
    for (int run : runs) CHECK(run >= 3);
  }
}

TEST_CASE("the watermark changes only its own box", "[render][gl]") {
  const auto shots = snapshots(coarseAcneScars(), {0});
  render::HeadlessContext context(kWidth * 2, kHeight * 2);
  render::SkinRenderer renderer;
  renderer.setSnapshot(shots[0]);
  RenderOptions options;
  options.view = render::View::Split;
  options.watermark = false;
  const Image plain = draw(context, renderer, options);
  options.watermark = true;
  const Image marked = draw(context, renderer, options);
  const render::PixelRect box = renderer.watermarkRect(kWidth * 2, kHeight * 2, options);
  REQUIRE(box.width > kWidth / 2);  // the sentence is long
  REQUIRE(box.y + box.height <= kHeight * 2);

  int inside = 0, outside = 0;
  for (int y = 0; y < plain.height(); ++y) {
    for (int x = 0; x < plain.width(); ++x) {
      if (plain.pixel(x, y) == marked.pixel(x, y)) continue;
      const bool in = x >= box.x && x < box.x + box.width && y >= box.y && y < box.y + box.height;
      ++(in ? inside : outside);
    }
  }
  CHECK(outside == 0);
  // The box darkens everything under it; the text is lighter still.
  CHECK(inside > box.width * box.height * 9 / 10);
}

TEST_CASE("the skin on a day does not depend on the days after it", "[series][render]") {
  // `dermasim render --day D` stops the simulation at D; this is what makes that exact.
  Scenario full = coarseAcneScars();
  full.duration_days = 60;
  std::erase_if(full.sessions, [](const SessionPlan& p) { return p.day > 60; });
  Scenario cut = full;
  cut.duration_days = 30;
  std::erase_if(cut.sessions, [](const SessionPlan& p) { return p.day > 30; });
  RunOptions at30;
  at30.snapshot_days = {30};
  const SkinSnapshot a = simulate(full, at30).snapshots.at(0);
  const SkinSnapshot b = simulate(cut, at30).snapshots.at(0);
  CHECK(a.day == b.day);
  CHECK(a.height_mm == b.height_mm);
  CHECK(a.srgb == b.srgb);
  CHECK(a.sections.at(0).collagen1 == b.sections.at(0).collagen1);
  CHECK(a.sections.at(0).collagen3 == b.sections.at(0).collagen3);
}
