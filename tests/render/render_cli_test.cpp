// `dermasim render` as a user drives it: the PNG it writes, its exit codes and messages.
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "render/HeadlessContext.hpp"
#include "render/Image.hpp"
#include "render/SkinRenderer.hpp"

namespace fs = std::filesystem;

namespace {

const fs::path kBinary = fs::path(DERMASIM_BINARY_DIR) / "dermasim";
const fs::path kScratch =
    fs::temp_directory_path() / ("dermasim_render_cli_test_" + std::to_string(::getpid()));

struct ScratchCleanup {
  ~ScratchCleanup() {
    std::error_code ec;
    fs::remove_all(kScratch, ec);
  }
} const kCleanup;

// The built-in acne scar series on a coarse grid and a small patch, so each render takes about a
// second (and stays cheap under the sanitizers).
const std::string kScenario = R"(
[scenario]
name = "Acne scars, coarse grid"
seed = 7
duration_days = 60
[patient]
site = "cheek"
fitzpatrick = 3
age = 28
indication = "acne_scars"
[patient.scars]
count_per_cm2 = 6
mean_depth_mm = 0.3
[device]
type = "pen"
needle_length_mm = 1.5
[schedule]
sessions = 2
interval_days = 28
[model]
lateral_resolution_um = 100
patch_size_mm = 8
)";

struct Outcome {
  int exit_code;
  std::string err;
};

fs::path scenarioFile() {
  fs::create_directories(kScratch);
  const fs::path file = kScratch / "coarse.toml";
  if (!fs::exists(file)) std::ofstream(file) << kScenario;
  return file;
}

Outcome runDermasim(const std::string& args) {
  fs::create_directories(kScratch);
  const fs::path err = kScratch / "stderr.txt";
  const std::string command = kBinary.string() + " " + args + " > /dev/null 2> " + err.string();
  const int status = std::system(command.c_str());
  std::ifstream in(err);
  std::stringstream text;
  text << in.rdbuf();
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, text.str()};
}

std::string bytesOf(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

int lines(const std::string& s) {
  int n = 0;
  for (char c : s) n += c == '\n' ? 1 : 0;
  return n;
}

}  // namespace

TEST_CASE("dermasim render writes a PNG of the requested size, the same twice", "[render][cli]") {
  const fs::path first = kScratch / "first.png";
  const fs::path second = kScratch / "second.png";
  const std::string args =
      "render " + scenarioFile().string() + " --day 29 --size 320x200 --view split -q";
  const Outcome a = runDermasim(args + " --out " + first.string());
  INFO(a.err);
  REQUIRE(a.exit_code == 0);
  CHECK(a.err.empty());
  const dermasim::render::Image image = dermasim::render::readPng(first);
  CHECK(image.width() == 320);
  CHECK(image.height() == 200);
  CHECK(image.pixel(5, 5).a == 255);
  // No temporary file left beside it.
  CHECK(std::distance(fs::directory_iterator(kScratch), fs::directory_iterator()) == 3);

  REQUIRE(runDermasim(args + " --out " + second.string()).exit_code == 0);
  CHECK(bytesOf(first) == bytesOf(second));  // llvmpipe draws the same pixels every time
}

TEST_CASE("dermasim render rejects bad input with exit code 2 and one line", "[render][cli]") {
  const std::string scenario = "render " + scenarioFile().string();
  const std::string out = " --out " + (kScratch / "bad.png").string();

  Outcome o = runDermasim(scenario + " --day 61" + out);
  CHECK(o.exit_code == 2);
  CHECK(o.err.find("--day") != std::string::npos);
  CHECK(o.err.find("between 0 and 60") != std::string::npos);
  CHECK(o.err.find("got 61") != std::string::npos);
  CHECK(lines(o.err) == 1);

  o = runDermasim(scenario + " --day -1" + out);
  CHECK(o.exit_code == 2);

  o = runDermasim(scenario + " --day 1 --size 320by200" + out);
  CHECK(o.exit_code == 2);
  CHECK(o.err.find("--size") != std::string::npos);
  CHECK(lines(o.err) == 1);

  o = runDermasim(scenario + " --day 1 --size 0x200" + out);
  CHECK(o.exit_code == 2);

  o = runDermasim(scenario + " --day 1 --view sideways" + out);
  CHECK(o.exit_code == 2);
  CHECK(o.err.find("surface | section | split") != std::string::npos);

  o = runDermasim(scenario + " --day 1 --out " + (kScratch / "missing" / "x.png").string());
  CHECK(o.exit_code == 2);
  CHECK(o.err.find("does not exist") != std::string::npos);

  o = runDermasim(scenario + " --day 1 --out " + (kScratch / "x.jpg").string());
  CHECK(o.exit_code == 2);

  o = runDermasim("render no-such-scenario --day 1" + out);
  CHECK(o.exit_code == 2);
  CHECK(o.err.find("no-such-scenario") != std::string::npos);

  CHECK(!fs::exists(kScratch / "bad.png"));
}

namespace {

// Where `dermasim render` puts the watermark in a 320 x 200 image: drawn at twice the size (with
// twice the UI scale) in the view above the export's band, and scaled down, so its edges may
// blur into the next pixel.
dermasim::render::PixelRect watermarkIn320x200() {
  dermasim::render::HeadlessContext context(16, 16);
  dermasim::render::SkinRenderer renderer;
  dermasim::render::RenderOptions options;
  options.ui_scale = 2;
  const int band = dermasim::render::exportBandHeight(640, 400, 2);
  const dermasim::render::PixelRect big = renderer.watermarkRect(640, 400 - band, options);
  return {big.x / 2 - 1, big.y / 2 - 1, (big.width + 1) / 2 + 2, (big.height + 1) / 2 + 2};
}

struct Changed {
  int inside = 0, outside = 0, top = 0;  // top: in the top fifth, where the labels are
};

Changed changedPixels(const dermasim::render::Image& a, const dermasim::render::Image& b,
                      const dermasim::render::PixelRect& box) {
  REQUIRE(a.width() == b.width());
  REQUIRE(a.height() == b.height());
  Changed c;
  for (int y = 0; y < a.height(); ++y) {
    for (int x = 0; x < a.width(); ++x) {
      if (a.pixel(x, y) == b.pixel(x, y)) continue;
      const bool in = x >= box.x && x < box.x + box.width && y >= box.y && y < box.y + box.height;
      ++(in ? c.inside : c.outside);
      if (y < a.height() / 5) ++c.top;
    }
  }
  return c;
}

}  // namespace

TEST_CASE("dermasim render --patient draws before-after, overhead light, watermark, caption",
          "[render][cli]") {
  const fs::path folder = kScratch / "patient";
  fs::create_directories(folder);
  const std::string common = "render " + scenarioFile().string() + " --day 1 --size 320x200 -q";
  const std::string caption = " --caption \"Day 1: a caption given on the command line\"";
  const auto render = [&](const std::string& name, const std::string& args) {
    const fs::path out = folder / (name + ".png");
    const Outcome o = runDermasim(common + args + " --out " + out.string());
    INFO(o.err);
    REQUIRE(o.exit_code == 0);
    const dermasim::render::Image image = dermasim::render::readPng(out);
    REQUIRE(image.width() == 320);
    REQUIRE(image.height() == 200);
    return image;
  };
  const auto patient = render("patient", " --patient" + caption);
  const auto spelledOut =
      render("spelled_out", " --view before-after --light overhead --no-watermark" + caption);
  const auto ownCaption = render("own_caption", " --patient");
  const auto noCaption = render("no_caption", " --patient --caption \"\"");

  // --patient is the before-after view under overhead light with the watermark on.
  const dermasim::render::PixelRect box = watermarkIn320x200();
  const Changed watermark = changedPixels(patient, spelledOut, box);
  CHECK(watermark.outside == 0);
  CHECK(watermark.inside > box.width * box.height / 2);
  // Without --caption it writes its own, low in the image; the labels above stay as they are.
  const Changed captioned = changedPixels(ownCaption, noCaption, box);
  CHECK(captioned.outside > 320 * 200 / 20);
  CHECK(captioned.top == 0);
}

TEST_CASE("dermasim render --section-at moves the section, and a bad one is refused",
          "[render][cli]") {
  const fs::path folder = kScratch / "sections";
  fs::create_directories(folder);
  const std::string common =
      "render " + scenarioFile().string() + " --day 1 --size 320x200 --view section -q";
  REQUIRE(runDermasim(common + " --out " + (folder / "middle.png").string()).exit_code == 0);
  REQUIRE(runDermasim(common + " --section-at 0.1 --out " + (folder / "front.png").string())
              .exit_code == 0);
  const auto middle = dermasim::render::readPng(folder / "middle.png");
  const auto front = dermasim::render::readPng(folder / "front.png");
  CHECK(changedPixels(middle, front, {}).outside > 320 * 200 / 20);

  const std::string out = " --out " + (folder / "bad.png").string();
  Outcome o = runDermasim(common + " --section-at 1.5" + out);
  CHECK(o.exit_code == 2);
  CHECK(o.err.find("--section-at") != std::string::npos);
  CHECK(o.err.find("between 0 and 1") != std::string::npos);
  CHECK(o.err.find("got 1.5") != std::string::npos);
  CHECK(lines(o.err) == 1);
  o = runDermasim(common + " --section-at -0.2" + out);
  CHECK(o.exit_code == 2);
  o = runDermasim(common + " --section-at half" + out);
  CHECK(o.exit_code == 2);
  CHECK(o.err.find("--section-at") != std::string::npos);
  o = runDermasim("render " + scenarioFile().string() + " --day 1 --view sideways" + out);
  CHECK(o.exit_code == 2);
  CHECK(o.err.find("before-after") != std::string::npos);
  CHECK(!fs::exists(folder / "bad.png"));
}

namespace {

// Largest difference of any channel, and the share of pixels that differ by more than 2.
// Each pixel's largest channel difference between two images of one size.
std::vector<int> pixelDifferences(const fs::path& a, const fs::path& b) {
  const dermasim::render::Image x = dermasim::render::readPng(a), y = dermasim::render::readPng(b);
  REQUIRE(x.width() == y.width());
  REQUIRE(x.height() == y.height());
  std::vector<int> d;
  for (int j = 0; j < x.height(); ++j) {
    for (int i = 0; i < x.width(); ++i) {
      const auto p = x.pixel(i, j), q = y.pixel(i, j);
      d.push_back(std::max({std::abs(p.r - q.r), std::abs(p.g - q.g), std::abs(p.b - q.b)}));
    }
  }
  return d;
}

// The share of those differences above `levels`.
double shareOver(const std::vector<int>& differences, int levels) {
  const auto over =
      std::count_if(differences.begin(), differences.end(), [levels](int d) { return d > levels; });
  return static_cast<double>(over) / static_cast<double>(differences.size());
}

}  // namespace

TEST_CASE("dermasim render draws several days from one simulation, one file each",
          "[render][cli]") {
  const fs::path folder = kScratch / "days";
  fs::create_directories(folder);
  const std::string scenario = "render " + scenarioFile().string() + " --size 320x200 -q";
  const Outcome many =
      runDermasim(scenario + " --day 29,1,60 --out " + (folder / "skin.png").string());
  INFO(many.err);
  REQUIRE(many.exit_code == 0);
  // Named by day, padded so they sort by day; nothing else left in the folder.
  for (const char* name : {"skin_day01.png", "skin_day29.png", "skin_day60.png"}) {
    CHECK(fs::exists(folder / name));
  }
  CHECK(std::distance(fs::directory_iterator(folder), fs::directory_iterator()) == 3);
  CHECK(!fs::exists(folder / "skin.png"));

  // Each is the day a one-day render draws: the same skin, to within the few pixels a
  // simulation stepped on to a later day moves (its steps after the day differ, not before).
  REQUIRE(runDermasim(scenario + " --day 29 --out " + (folder / "one.png").string()).exit_code ==
          0);
  // Under 0.1 % of the pixels differ at all; by more than 16 levels, at most a few pixels at the
  // skin's silhouette, where a micrometre of height moves the edge across a pixel.
  const std::vector<int> sameDay = pixelDifferences(folder / "one.png", folder / "skin_day29.png");
  CHECK(shareOver(sameDay, 2) < 0.001);
  CHECK(shareOver(sameDay, 16) <= 0.0001);
  // And the days differ from each other.
  CHECK(shareOver(pixelDifferences(folder / "skin_day01.png", folder / "skin_day60.png"), 2) >
        0.05);

  const Outcome every =
      runDermasim(scenario + " --days-every 30 --out " + (folder / "every.png").string());
  REQUIRE(every.exit_code == 0);
  for (const char* name : {"every_day00.png", "every_day30.png", "every_day60.png"}) {
    CHECK(fs::exists(folder / name));
  }
}

TEST_CASE("dermasim render refuses a bad list of days before simulating", "[render][cli]") {
  const std::string scenario = "render " + scenarioFile().string();
  const std::string out = " --out " + (kScratch / "list.png").string();
  for (const char* days : {" --day 1,,7", " --day 1,x", " --day 1,61", " --days-every 0",
                           " --days-every 0.0001", " --day 1 --days-every 7", ""}) {
    const Outcome o = runDermasim(scenario + days + out);
    INFO(days << ": " << o.err);
    CHECK(o.exit_code == 2);
    CHECK(lines(o.err) <= 2);
  }
  CHECK(!fs::exists(kScratch / "list.png"));
  CHECK(!fs::exists(kScratch / "list_day01.png"));
}

TEST_CASE(
    "dermasim render's image says what it shows in a band at its foot, the section the "
    "needle's reach",
    "[render][cli]") {
  using dermasim::render::Image;
  const fs::path out = kScratch / "annotated.png";
  const Outcome run =
      runDermasim("render " + scenarioFile().string() +
                  " --day 30 --size 640x480 --view section -q --out " + out.string());
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  const Image image = dermasim::render::readPng(out);
  dermasim::render::writePng(kScratch / "cli_section_day30.png", image);
  // The band's rows: dark, with light text at the left and the scale bar at the right.
  const int band = dermasim::render::exportBandHeight(640, 480, 1);
  int dark = 0, light = 0, lightRight = 0;
  for (int y = 480 - band + 2; y < 478; ++y) {
    for (int x = 0; x < 640; ++x) {
      const dermasim::render::Rgba p = image.pixel(x, y);
      if (p.r < 40 && p.g < 40 && p.b < 40) ++dark;
      if (p.r > 180 && p.g > 180 && p.b > 180) ++(x < 320 ? light : lightRight);
    }
  }
  CHECK(dark > 640 * (band - 4) * 3 / 4);
  CHECK(light > 100);
  CHECK(lightRight > 20);
  // Above the band the section, with the needle's marker in its teal.
  int teal = 0;
  for (int y = 0; y < 480 - band; ++y) {
    for (int x = 0; x < 640; ++x) {
      const dermasim::render::Rgba p = image.pixel(x, y);
      teal += p.r < 40 && p.g > 105 && p.g < 160 && p.b > 130 && p.b < 185 ? 1 : 0;
    }
  }
  CHECK(teal > 100);
}
