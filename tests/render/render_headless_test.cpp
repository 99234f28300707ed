// Headless rendering: EGL surfaceless context, the embedded shaders, pixel read-back and PNGs.
#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <filesystem>
#include <iterator>
#include <memory>
#include <stdexcept>
#include <string>

#include "render/FullscreenPass.hpp"
#include "render/Gl.hpp"
#include "render/HeadlessContext.hpp"
#include "render/Image.hpp"
#include "render/Shaders.hpp"

namespace fs = std::filesystem;
using dermasim::render::FullscreenPass;
using dermasim::render::HeadlessContext;
using dermasim::render::Image;
using dermasim::render::Rgba;

namespace {

constexpr int kWidth = 64;
constexpr int kHeight = 48;

// 0.2, 0.4, 0.6 and 0.8 are exact multiples of 1/255 once scaled: 51, 102, 153, 204.
constexpr Rgba kClear{51, 102, 153, 255};
constexpr Rgba kBottom{204, 51, 0, 255};
constexpr Rgba kSkin{204, 153, 102, 255};

bool near(Rgba a, Rgba b) {
  auto close = [](int x, int y) { return x - y <= 1 && y - x <= 1; };
  return close(a.r, b.r) && close(a.g, b.g) && close(a.b, b.b) && close(a.a, b.a);
}

// Every pixel of rows [firstRow, lastRow] (0 = top) is `expected`, within 1 per channel.
bool rowsAre(const Image& image, int firstRow, int lastRow, Rgba expected) {
  for (int y = firstRow; y <= lastRow; ++y) {
    for (int x = 0; x < image.width(); ++x) {
      if (!near(image.pixel(x, y), expected)) {
        const Rgba p = image.pixel(x, y);
        UNSCOPED_INFO("pixel (" << x << ", " << y << ") is " << int(p.r) << " " << int(p.g) << " "
                                << int(p.b) << " " << int(p.a));
        return false;
      }
    }
  }
  return true;
}

void clearTo(Rgba c) {
  glClearColor(c.r / 255.0f, c.g / 255.0f, c.b / 255.0f, c.a / 255.0f);
  glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
}

fs::path outputDir() {
  fs::path dir = fs::path(DERMASIM_TEST_OUTPUT_DIR) / "render_headless_output";
  fs::create_directories(dir);
  return dir;
}

}  // namespace

TEST_CASE("the shaders are embedded in the program", "[render]") {
  const auto vertex = dermasim::render::shaderSource("fullscreen.vert.glsl");
  CHECK(vertex.starts_with("#version 330 core"));
  const auto fragment = dermasim::render::shaderSource("skin_placeholder.frag.glsl");
  CHECK(fragment.find("u_skin_color") != std::string_view::npos);
  CHECK(dermasim::render::shaderNames().size() >= 2);
  CHECK_THROWS_WITH(dermasim::render::shaderSource("missing.frag.glsl"),
                    Catch::Contains("shaders/missing.frag.glsl"));
}

TEST_CASE("a headless context clears, draws and reads back top row first", "[render][gl]") {
  HeadlessContext context(kWidth, kHeight);
  REQUIRE(context.width() == kWidth);
  REQUIRE(context.height() == kHeight);
  INFO("renderer: " << context.renderer());

  clearTo(kClear);
  Image image = context.readPixels();
  REQUIRE(image.width() == kWidth);
  REQUIRE(image.height() == kHeight);
  REQUIRE(image.sizeBytes() == std::size_t{kWidth} * kHeight * 4);
  CHECK(rowsAre(image, 0, kHeight - 1, kClear));

  // OpenGL's y axis points up: the scissor's 12 rows at y = 0 are the image's last rows.
  glEnable(GL_SCISSOR_TEST);
  glScissor(0, 0, kWidth, 12);
  clearTo(kBottom);

  // The fullscreen triangle through the embedded skin shader, limited to the top half.
  FullscreenPass skin("skin_placeholder.frag.glsl");
  skin.program().setUniform("u_skin_color", std::array<float, 3>{0.8f, 0.6f, 0.4f});
  glScissor(0, kHeight / 2, kWidth, kHeight / 2);
  skin.draw();
  glDisable(GL_SCISSOR_TEST);

  image = context.readPixels();
  CHECK(rowsAre(image, 0, kHeight / 2 - 1, kSkin));
  CHECK(rowsAre(image, kHeight / 2, kHeight - 13, kClear));
  CHECK(rowsAre(image, kHeight - 12, kHeight - 1, kBottom));

  // PNG out and back in: same size and the same pixels, no temporary file left.
  const fs::path dir = outputDir() / "draw";
  fs::remove_all(dir);
  fs::create_directories(dir);
  const fs::path png = dir / "frame.png";
  dermasim::render::writePng(png, image);
  REQUIRE(fs::is_regular_file(png));
  CHECK(fs::file_size(png) > 0);
  const Image back = dermasim::render::readPng(png);
  CHECK(back.width() == kWidth);
  CHECK(back.height() == kHeight);
  CHECK(back.sizeBytes() == image.sizeBytes());
  CHECK(std::equal(back.data(), back.data() + back.sizeBytes(), image.data()));
  // Overwriting goes through a rename too.
  dermasim::render::writePng(png, image);
  CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 1);
}

TEST_CASE("two headless contexts live side by side", "[render][gl]") {
  auto first = std::make_unique<HeadlessContext>(8, 8);
  clearTo(kClear);
  {
    HeadlessContext second(16, 4);
    clearTo(kBottom);
    const Image image = second.readPixels();
    CHECK(image.width() == 16);
    CHECK(rowsAre(image, 0, 3, kBottom));
  }
  // Ending the second context must leave the shared EGL display working for the first.
  first->makeCurrent();
  CHECK(rowsAre(first->readPixels(), 0, 7, kClear));
  first.reset();
  HeadlessContext third(4, 4);
  clearTo(kSkin);
  CHECK(rowsAre(third.readPixels(), 0, 3, kSkin));
}

TEST_CASE("shader errors name the shader and carry the driver's log", "[render][gl]") {
  HeadlessContext context(4, 4);
  const std::string vertex(dermasim::render::shaderSource("fullscreen.vert.glsl"));
  CHECK_THROWS_WITH(
      dermasim::render::ShaderProgram("broken", vertex, "#version 330 core\nvoid main() { x; }\n"),
      Catch::Contains("shader broken: fragment stage does not compile"));
}

TEST_CASE("bad sizes and unwritable paths are clear errors", "[render]") {
  CHECK_THROWS_AS(Image(-1, 4), std::invalid_argument);
  const Image image(2, 2, Rgba{1, 2, 3, 255});
  const fs::path missing = outputDir() / "no-such-folder" / "x.png";
  CHECK_THROWS_WITH(dermasim::render::writePng(missing, image),
                    Catch::StartsWith(missing.string() + ": "));
  CHECK_THROWS_WITH(dermasim::render::writePng(outputDir() / "empty.png", Image()),
                    Catch::Contains("empty image"));
  CHECK_THROWS_WITH(dermasim::render::readPng(missing), Catch::StartsWith(missing.string()));
}

TEST_CASE("flipVertically reverses rows", "[render]") {
  Image image(3, 3);
  image.setPixel(1, 0, Rgba{255, 0, 0, 255});
  image.setPixel(2, 2, Rgba{0, 255, 0, 255});
  image.flipVertically();
  CHECK(image.pixel(1, 2) == Rgba{255, 0, 0, 255});
  CHECK(image.pixel(2, 0) == Rgba{0, 255, 0, 255});
  CHECK(image.pixel(1, 0) == Rgba{});
}
