#include "cli/RenderCommand.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <array>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "io/ScenarioSource.hpp"
#include "core/Simulation.hpp"
#include "io/InputError.hpp"

#ifdef DERMASIM_HAVE_RENDER
#include "render/ColourSpace.hpp"
#include "render/HeadlessContext.hpp"
#include "render/Image.hpp"
#include "render/RenderOptions.hpp"
#include "render/SkinRenderer.hpp"
#endif

namespace dermasim {

namespace {

constexpr int kExitFailed = 1;

#ifdef DERMASIM_HAVE_RENDER
constexpr int kMinSide = 16, kMaxSide = 16384;

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// "%g": 180, 0.5, -1.
std::string number(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%g", value);
  return text;
}

struct Size {
  int width = 0, height = 0;
};

Size parseSize(const std::string& text) {
  const auto bad = [&]() {
    return InputError("--size: expected WIDTHxHEIGHT, each " + std::to_string(kMinSide) + " to " +
                      std::to_string(kMaxSide) + " pixels, e.g. 1280x800 (got " + text + ")");
  };
  const std::size_t x = lower(text).find('x');
  if (x == std::string::npos || x == 0 || x + 1 >= text.size()) throw bad();
  const std::string w = text.substr(0, x), h = text.substr(x + 1);
  const auto digits = [](const std::string& s) {
    return s.size() <= 5 &&
           std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c) != 0; });
  };
  if (!digits(w) || !digits(h)) throw bad();
  Size size{std::stoi(w), std::stoi(h)};
  if (size.width < kMinSide || size.width > kMaxSide || size.height < kMinSide ||
      size.height > kMaxSide) {
    throw bad();
  }
  return size;
}

void checkOutPath(const std::string& out) {
  const std::filesystem::path path(out);
  if (lower(path.extension().string()) != ".png") {
    throw InputError("--out: must be a .png file (got " + out + ")");
  }
  const std::filesystem::path folder = path.has_parent_path() ? path.parent_path() : ".";
  std::error_code ec;
  if (!std::filesystem::is_directory(folder, ec)) {
    throw InputError("--out: folder " + folder.string() + " does not exist (got " + out + ")");
  }
}

// The scenario cut off at `day`: the skin on that day does not depend on what comes after, so
// the simulation can stop there (sessions later than `day` are dropped).
Scenario upToDay(const Scenario& scenario, double day) {
  Scenario cut = scenario;
  cut.duration_days = day;
  std::erase_if(cut.sessions, [&](const SessionPlan& s) { return s.day > day; });
  return cut;
}

template <typename Value>
Value parseChoice(const std::string& option, const std::string& text,
                  std::optional<Value> (*parse)(std::string_view), const std::string& choices) {
  if (const auto value = parse(text)) return *value;
  throw InputError(option + ": must be one of " + choices + " (got " + text + ")");
}

// Drawn at this many times the size and scaled down, for smooth edges (the headless framebuffer
// has no multisampling). Bigger images are drawn at their own size.
constexpr int kSupersample = 2;
constexpr int kMaxSupersampledSide = 8192;

// Averages factor x factor blocks in linear light (averaging gamma-encoded values would darken
// edges).
render::Image downsample(const render::Image& big, int factor) {
  if (factor == 1) return big;
  std::array<float, 256> linear{};
  for (int v = 0; v < 256; ++v) {
    linear[static_cast<std::size_t>(v)] = render::srgbToLinear(static_cast<float>(v) / 255.0f);
  }
  render::Image small(big.width() / factor, big.height() / factor);
  const float weight = 1.0f / static_cast<float>(factor * factor);
  for (int y = 0; y < small.height(); ++y) {
    for (int x = 0; x < small.width(); ++x) {
      float sum[3] = {0, 0, 0};
      for (int dy = 0; dy < factor; ++dy) {
        for (int dx = 0; dx < factor; ++dx) {
          const render::Rgba p = big.pixel(x * factor + dx, y * factor + dy);
          sum[0] += linear[p.r];
          sum[1] += linear[p.g];
          sum[2] += linear[p.b];
        }
      }
      const auto encode = [&](float v) {
        return static_cast<std::uint8_t>(
            std::lround(255.0f * render::linearToSrgb(std::clamp(v * weight, 0.0f, 1.0f))));
      };
      small.setPixel(x, y, {encode(sum[0]), encode(sum[1]), encode(sum[2]), 255});
    }
  }
  return small;
}

std::optional<render::DirectionalLight> parseLight(std::string_view name) {
  if (name == "grazing") return render::DirectionalLight::grazing();
  if (name == "overhead") return render::DirectionalLight::overhead();
  return std::nullopt;
}
#endif

}  // namespace

CLI::App* addRenderCommand(CLI::App& app, RenderRequest& request) {
  auto* render = app.add_subcommand(
      "render", "draw the skin on one day as the viewer shows it, into a PNG (no display needed)");
  render->add_option("scenario", request.scenario,
                     std::string("scenario file, or the name of a built-in scenario (default: ") +
                         kDefaultScenario + ")");
  render
      ->add_option("--day", request.day,
                   "day to draw, 0 to the scenario's duration_days (0 = untreated skin, "
                   "before the first session)")
      ->required();
  render->add_option("--out", request.out, "PNG file to write (atomically)")->required();
  render->add_option("--view", request.view, "surface | section | split")->capture_default_str();
  render->add_option("--size", request.size, "image size, WIDTHxHEIGHT pixels")
      ->capture_default_str();
  render
      ->add_option("--light", request.light,
                   "grazing (low, from the left: shows relief) | overhead (shows colour)")
      ->capture_default_str();
  render
      ->add_option("--overlay", request.overlay,
                   "section colouring: collagen | collagen1 | collagen3 | elastin | "
                   "fibroblasts | injury | layers")
      ->capture_default_str();
  render
      ->add_option("--relief", request.relief,
                   "height exaggeration of the surface view (default 3)")
      ->check(CLI::Range(0.0, 100.0));
  render
      ->add_option("--azimuth", request.azimuth_deg,
                   "camera azimuth, degrees (0 = from the front, positive turns it left)")
      ->check(CLI::Range(-360.0, 360.0));
  render
      ->add_option("--elevation", request.elevation_deg, "camera elevation above the skin, degrees")
      ->check(CLI::Range(1.0, 90.0));
  render->add_option("--zoom", request.zoom, "camera zoom (1 frames the tiled patch)")
      ->check(CLI::Range(0.1, 20.0));
  render->add_flag("--watermark,!--no-watermark", request.watermark,
                   "write \"Simulation for education - not a prediction of your results\" "
                   "into the image (default: on)");
  render->add_flag("-q,--quiet", request.quiet, "print nothing but errors");
  return render;
}

#ifndef DERMASIM_HAVE_RENDER

int renderCommand(const RenderRequest&) {
  std::fprintf(stderr,
               "dermasim: render: this dermasim was built without the rendering library "
               "(configure with -DDERMASIM_BUILD_VIEWER=ON and OpenGL/EGL installed)\n");
  return kExitFailed;
}

#else

int renderCommand(const RenderRequest& request) {
  using Clock = std::chrono::steady_clock;
  render::RenderOptions options;
  options.view = parseChoice("--view", request.view, &render::parseView, render::allViews());
  options.overlay = parseChoice("--overlay", request.overlay, &render::parseSectionOverlay,
                                render::allSectionOverlays());
  options.light = parseChoice("--light", request.light, &parseLight, "grazing | overhead");
  if (request.relief > 0) options.relief_exaggeration = static_cast<float>(request.relief);
  if (request.azimuth_deg) options.camera.azimuth_deg = static_cast<float>(*request.azimuth_deg);
  if (request.elevation_deg) {
    options.camera.elevation_deg = static_cast<float>(*request.elevation_deg);
  }
  if (request.zoom) options.camera.zoom = static_cast<float>(*request.zoom);
  options.watermark = request.watermark;
  const Size size = parseSize(request.size);
  checkOutPath(request.out);

  const Scenario scenario =
      resolveScenario(request.scenario.empty() ? kDefaultScenario : request.scenario);
  if (!(request.day >= 0 && request.day <= scenario.duration_days)) {
    throw InputError("--day: must be between 0 and " + number(scenario.duration_days) +
                     ", the duration_days of " + scenario.source + " (got " +
                     number(request.day) + ")");
  }

  const auto start = Clock::now();
  if (!request.quiet) {
    std::fprintf(stderr, "dermasim: %s (%s), day %g\n", scenario.name.c_str(),
                 scenario.source.c_str(), request.day);
  }
  RunOptions run;
  run.snapshot_days = {request.day};
  const RunResult result = simulate(upToDay(scenario, request.day), {}, run);
  if (result.snapshots.empty()) throw std::runtime_error("the simulation returned no snapshot");
  const auto simulated = Clock::now();

  const int factor =
      std::max(size.width, size.height) * kSupersample <= kMaxSupersampledSide ? kSupersample : 1;
  options.ui_scale = static_cast<float>(factor);
  render::HeadlessContext context(size.width * factor, size.height * factor);
  render::SkinRenderer renderer;
  renderer.setSnapshot(result.snapshots.front());
  renderer.draw({0, 0, context.width(), context.height()}, options);
  render::Image image = downsample(context.readPixels(), factor);
  image.fillAlpha(255);
  render::writePng(request.out, image);
  const auto done = Clock::now();

  if (!request.quiet) {
    const auto seconds = [](Clock::duration d) { return std::chrono::duration<double>(d).count(); };
    std::fprintf(
        stderr, "dermasim: wrote %s (%dx%d, %s view): simulated in %.2f s, drawn in %.2f s on %s\n",
        request.out.c_str(), size.width, size.height, request.view.c_str(),
        seconds(simulated - start), seconds(done - simulated), context.renderer().c_str());
  }
  return 0;
}

#endif

}  // namespace dermasim
