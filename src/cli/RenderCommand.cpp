#include "cli/RenderCommand.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "core/Simulation.hpp"
#include "core/numerics/NumberText.hpp"
#include "io/InputError.hpp"
#include "io/RenderDays.hpp"
#include "io/ScenarioSource.hpp"

#ifdef DERMASIM_HAVE_RENDER
#include "guidance/PatientCaption.hpp"
#include "render/Downsample.hpp"
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
  if (const std::string problem = render::pngPathProblem(out); !problem.empty()) {
    throw InputError("--out: " + problem + " (got " + out + ")");
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

// The day to simulate up to: `day` itself, since the skin on a day does not depend on what comes
// after. A patient caption also speaks of the session the day follows (whether the redness has
// peaked yet, which session it was, whether more come), so it reads on to the next session.
double simulatedUntil(const Scenario& scenario, double day, bool needsCaption) {
  if (!needsCaption) return day;
  double until = scenario.duration_days;
  for (const SessionPlan& s : scenario.sessions) {
    if (s.day > day) until = std::min(until, s.day);
  }
  return until;
}

template <typename Value>
Value parseChoice(const std::string& option, const std::string& text,
                  std::optional<Value> (*parse)(std::string_view), const std::string& choices) {
  if (const auto value = parse(text)) return *value;
  throw InputError(option + ": must be one of " + choices + " (got " + text + ")");
}

std::optional<render::DirectionalLight> parseLight(std::string_view name) {
  if (name == "grazing") return render::DirectionalLight::grazing();
  if (name == "overhead") return render::DirectionalLight::overhead();
  return std::nullopt;
}

// The drawing options the request asks for; --patient only changes what is not given.
render::RenderOptions optionsFor(const RenderRequest& request) {
  render::RenderOptions options;
  const std::string view = request.view.value_or(request.patient ? "before-after" : "surface");
  options.view = parseChoice("--view", view, &render::parseView, render::allViews());
  options.overlay = parseChoice("--overlay", request.overlay, &render::parseSectionOverlay,
                                render::allSectionOverlays());
  const std::string light = request.light.value_or(request.patient ? "overhead" : "grazing");
  options.light = parseChoice("--light", light, &parseLight, "grazing | overhead");
  if (request.relief > 0) options.relief_exaggeration = static_cast<float>(request.relief);
  if (request.azimuth_deg) options.camera.azimuth_deg = static_cast<float>(*request.azimuth_deg);
  if (request.elevation_deg) {
    options.camera.elevation_deg = static_cast<float>(*request.elevation_deg);
  }
  if (request.zoom) options.camera.zoom = static_cast<float>(*request.zoom);
  if (request.section_at) {
    const double at = *request.section_at;
    if (!(at >= 0 && at <= 1)) {
      const std::string expected =
          "--section-at: must be between 0 and 1, the fraction of the way across the patch";
      throw InputError(expected + " (got " + readableNumber(at) + ")");
    }
    options.section_position = static_cast<float>(at);
  }
  options.watermark = request.watermark;
  // Patient mode leaves the needle's reach out of the section, as the viewer's does.
  options.needle_reach = !request.patient;
  if (request.caption) options.caption = *request.caption;
  return options;
}

bool showsSection(render::View view) {
  return view == render::View::Section || view == render::View::Split;
}
#endif

}  // namespace

CLI::App* addRenderCommand(CLI::App& app, RenderRequest& request) {
  auto* render = app.add_subcommand(
      "render", "draw the skin on one day as the viewer shows it, into a PNG (no display needed)");
  render->add_option("scenario", request.scenario,
                     std::string("scenario file, or the name of a built-in scenario (default: ") +
                         kDefaultScenario + ")");
  auto* day = render->add_option(
      "--day", request.day,
      "day to draw, 0 to the scenario's duration_days (0 = untreated skin, before the first "
      "session); several separated by commas (1,7,30,180) come from one simulation");
  auto* every = render->add_option("--days-every", request.days_every,
                                   "draw every this many days from day 0 to the end, from one "
                                   "simulation (instead of --day)");
  day->excludes(every);
  every->excludes(day);
  render
      ->add_option("--out", request.out,
                   "PNG file to write (atomically); with several days, one file each: "
                   "FILE_dayD.png")
      ->required();
  render->add_option("--view", request.view,
                     "surface | section | split | before-after (default: surface; before-after "
                     "with --patient)");
  render->add_option("--size", request.size, "image size, WIDTHxHEIGHT pixels")
      ->capture_default_str();
  render->add_option("--light", request.light,
                     "grazing (low, from the left: shows relief; the default) | overhead (shows "
                     "colour; the default with --patient)");
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
  render->add_option("--section-at", request.section_at,
                     "where the section cuts the patch, 0 to 1 of the way across it "
                     "(default 0.5, the middle)");
  render->add_option("--caption", request.caption,
                     "a sentence drawn in large type low in the image (\"\" for none)");
  render->add_flag("--patient", request.patient,
                   "patient mode: before-after view, overhead light, watermark and a "
                   "plain-language caption; options given with it win");
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
  render::RenderOptions options = optionsFor(request);
  const Size size = parseSize(request.size);

  const Scenario scenario =
      resolveScenario(request.scenario.empty() ? kDefaultScenario : request.scenario);
  if (request.day.empty() && !request.days_every) {
    throw InputError("--day or --days-every: one is required (e.g. --day 7 or --day 1,7,30)");
  }
  const std::vector<double> days =
      request.days_every ? renderDaysEvery(*request.days_every, scenario.duration_days)
                         : parseRenderDays(request.day, scenario.duration_days);
  std::vector<std::string> paths;
  for (double d : days) {
    paths.push_back(renderDayPath(request.out, d, days));
    checkOutPath(paths.back());
    if (std::count(paths.begin(), paths.end(), paths.back()) > 1) {
      throw InputError("--day: days closer than a millionth of a day would share the file " +
                       paths.back() + " (got " + request.day + ")");
    }
  }
  const double lastDay = days.back();

  const auto start = Clock::now();
  if (!request.quiet) {
    std::fprintf(stderr, "dermasim: %s (%s), %s %s\n", scenario.name.c_str(),
                 scenario.source.c_str(), days.size() == 1 ? "day" : "days",
                 request.days_every ? ("every " + readableNumber(*request.days_every)).c_str()
                                    : request.day.c_str());
  }
  const bool beforeAfter = options.view == render::View::BeforeAfter;
  RunOptions run;
  // The "before" of the before-after view is the untreated skin, day 0; then each day asked for.
  if (beforeAfter) run.snapshot_days.push_back(0);
  for (double d : days) run.snapshot_days.push_back(d);
  // A section anywhere but the middle: keep every row (the count is clamped to the grid's), so
  // the one drawn is the nearest row itself.
  if (request.section_at && showsSection(options.view)) {
    run.section_count = std::numeric_limits<int>::max();
  }
  const bool patientCaptionWanted = request.patient && !request.caption;
  const Scenario cut = upToDay(scenario, simulatedUntil(scenario, lastDay, patientCaptionWanted));
  // A patient caption reads the days after its own, up to the next session: a first run, with
  // the same steps as the drawing run (snapshot days land steps), gives every day's caption.
  std::vector<std::string> captions(days.size());
  if (patientCaptionWanted) {
    RunOptions reading = run;
    reading.on_snapshot = [](SkinSnapshot&&) {};
    const RunResult read = simulate(cut, reading);
    for (std::size_t i = 0; i < days.size(); ++i) captions[i] = patientCaption(read, days[i]);
  }

  // Drawn larger and scaled down, for smooth edges: the headless framebuffer has no
  // multisampling.
  const int factor = render::supersampleFactor(size.width, size.height);
  options.ui_scale = static_cast<float>(factor);
  render::HeadlessContext context(size.width * factor, size.height * factor);
  // Each day is drawn as the simulation reaches it, so no snapshot is held (the renderer copies
  // what it draws), however many days are asked for. The untreated "before" comes first.
  render::SkinRenderer renderer;
  bool beforeSet = false;
  std::size_t drawn = 0;
  run.on_snapshot = [&](SkinSnapshot&& shot) {
    if (beforeAfter && !beforeSet) {
      renderer.setBeforeSnapshot(shot);
      beforeSet = true;
      return;
    }
    if (drawn >= days.size()) return;
    const std::size_t i = drawn++;
    renderer.setSnapshot(shot);
    if (patientCaptionWanted) options.caption = captions[i];
    // The band at the image's foot says what it shows (scenario, device, day, scale).
    renderer.drawAnnotated({0, 0, context.width(), context.height()}, options, scenario.name);
    render::Image image = render::downsample(context.readPixels(), factor);
    image.fillAlpha(255);
    render::writePng(paths[i], image);
    if (!request.quiet && days.size() > 1) {
      std::fprintf(stderr, "dermasim: wrote %s (%zu of %zu)\n", paths[i].c_str(), i + 1,
                   days.size());
    }
  };
  simulate(cut, run);
  if (drawn != days.size()) throw std::runtime_error("the simulation returned too few snapshots");
  const auto done = Clock::now();

  if (!request.quiet) {
    const auto seconds = [](Clock::duration d) { return std::chrono::duration<double>(d).count(); };
    const std::string what =
        days.size() == 1 ? paths.front() : std::to_string(days.size()) + " images";
    std::fprintf(
        stderr, "dermasim: wrote %s (%dx%d, %s view): simulated and drawn in %.2f s on %s\n",
        what.c_str(), size.width, size.height, std::string(render::toString(options.view)).c_str(),
        seconds(done - start), context.renderer().c_str());
  }
  return 0;
}

#endif

}  // namespace dermasim
