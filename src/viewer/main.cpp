// dermasim-view: the interactive viewer. A GLFW window around ViewerApp, which holds the whole
// UI; this file opens the window, runs the frame loop and saves a screenshot when asked.
//
//   dermasim-view [SCENARIO ...] [--patient] [--day D] [--frames N [--wait]] [--screenshot F.png]
//                 [--timing]
//
// Exit codes: 0 success, 1 no display or a rendering failure, 2 bad arguments.
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <exception>
#include <iostream>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/Version.hpp"
#include "io/InputError.hpp"
#include "io/ScenarioSource.hpp"
#include "render/Gl.hpp"
#include "render/GlUtil.hpp"
#include "render/Image.hpp"
#include "render/RenderOptions.hpp"
#include "viewer/CompareMode.hpp"
#include "viewer/FramePacer.hpp"
#include "viewer/ViewerApp.hpp"

namespace {

constexpr const char* kProgram = "dermasim-view";
constexpr int kExitFailure = 1;
constexpr int kExitBadInput = 2;

struct Options {
  std::vector<std::string> scenarios;
  bool patient = false;
  std::string view;
  std::optional<double> day;
  bool waitForSimulation = false;
  int frames = 0;  // 0: until the window is closed
  std::string screenshot;
  bool timing = false;
  bool compare = false;
};

using Clock = std::chrono::steady_clock;

// When main() started: --timing counts from here.
Clock::time_point& launched() {
  static Clock::time_point t = Clock::now();
  return t;
}

// GLFW reports errors through a callback; keep the last one for a one-line message.
std::string& lastGlfwError() {
  static std::string error;
  return error;
}

void onGlfwError(int code, const char* description) {
  lastGlfwError() = description != nullptr ? description : "GLFW error " + std::to_string(code);
}

// Counts the window's events, so the loop knows whether waiting ended because of one. Installed
// before ImGui's backend, which calls them from its own callbacks; it polls the cursor's position
// rather than listening for it, so that one is only ours.
unsigned long long& windowEvents() {
  static unsigned long long count = 0;
  return count;
}

// ImGui 1.86 sees a key only as down or up when a frame starts, so a tap whose press and release
// both arrive while the loop sleeps would be lost (its mouse buttons have a latch for this; its
// keys do not). Such a key is kept down for one frame.
struct KeyTaps {
  std::vector<int> pressed;  // since the last frame started
  std::vector<int> forced;   // kept down in the last frame
};
KeyTaps& keyTaps() {
  static KeyTaps taps;
  return taps;
}

// Before sleeping: the keys kept down for a frame go up, as they are.
void releaseKeyTaps(ImGuiIO& io) {
  for (const int key : keyTaps().forced) io.KeysDown[key] = false;
  keyTaps().forced.clear();
}

// After sleeping, before the frame: a key pressed and already released counts as down.
void latchKeyTaps(ImGuiIO& io) {
  for (const int key : keyTaps().pressed) {
    if (key < 0 || key >= static_cast<int>(std::size(io.KeysDown)) || io.KeysDown[key]) continue;
    io.KeysDown[key] = true;
    keyTaps().forced.push_back(key);
  }
  keyTaps().pressed.clear();
}

void countWindowEvents(GLFWwindow* window) {
  glfwSetCursorPosCallback(window, [](GLFWwindow*, double, double) { ++windowEvents(); });
  glfwSetMouseButtonCallback(window, [](GLFWwindow*, int, int, int) { ++windowEvents(); });
  glfwSetScrollCallback(window, [](GLFWwindow*, double, double) { ++windowEvents(); });
  glfwSetKeyCallback(window, [](GLFWwindow*, int key, int, int action, int) {
    ++windowEvents();
    if (action == GLFW_PRESS) keyTaps().pressed.push_back(key);
  });
  glfwSetCharCallback(window, [](GLFWwindow*, unsigned int) { ++windowEvents(); });
  glfwSetCursorEnterCallback(window, [](GLFWwindow*, int) { ++windowEvents(); });
  glfwSetWindowFocusCallback(window, [](GLFWwindow*, int) { ++windowEvents(); });
  glfwSetWindowSizeCallback(window, [](GLFWwindow*, int, int) { ++windowEvents(); });
  glfwSetFramebufferSizeCallback(window, [](GLFWwindow*, int, int) { ++windowEvents(); });
  glfwSetWindowContentScaleCallback(window, [](GLFWwindow*, float, float) { ++windowEvents(); });
  glfwSetWindowRefreshCallback(window, [](GLFWwindow*) { ++windowEvents(); });
  glfwSetWindowIconifyCallback(window, [](GLFWwindow*, int) { ++windowEvents(); });
  glfwSetDropCallback(window, [](GLFWwindow*, int, const char**) { ++windowEvents(); });
}

// Sleeps until the next frame is due, as the pacer decided.
void waitForNextFrame(const dermasim::viewer::FrameWait& wait) {
  using Kind = dermasim::viewer::FrameWait::Kind;
  switch (wait.kind) {
    case Kind::Poll:
      glfwPollEvents();
      break;
    case Kind::Timeout:
      glfwWaitEventsTimeout(wait.seconds);
      break;
    case Kind::Forever:
      glfwWaitEvents();
      break;
  }
}

// Parses the command line. Returns an exit code when the program should stop right away.
std::optional<int> parseArguments(int argc, char** argv, Options& options) {
  CLI::App app{
      "dermasim-view: the interactive microneedling viewer (OpenGL 3.3 core, Dear ImGui).\n"
      "Without a display, use `dermasim render` for images.",
      kProgram};
  app.set_version_flag("--version", std::string(dermasim::kVersion));
  app.add_option("scenarios", options.scenarios,
                 std::string("Scenario files (TOML) or built-in names to open (default: ") +
                     dermasim::kDefaultScenario + ")")
      ->type_name("SCENARIO");
  app.add_flag("--patient", options.patient, "Start in patient mode");
  app.add_option("--view", options.view, "Start with this view: surface | section | split")
      ->type_name("VIEW")
      ->check(CLI::IsMember({"surface", "section", "split"}));
  app.add_option("--day", options.day, "Start on this day (once the simulation has finished)")
      ->type_name("D");
  app.add_flag("--wait", options.waitForSimulation,
               "With --frames: count frames only once the first simulation has finished");
  app.add_option("--frames", options.frames, "Draw N frames, then exit (default: until closed)")
      ->type_name("N")
      ->check(CLI::Range(1, 1'000'000));
  app.add_option("--screenshot", options.screenshot,
                 "Save the last frame drawn as a PNG (with --frames, or when the window closes)")
      ->type_name("FILE.png");
  app.add_flag("--compare", options.compare,
               "Start in compare mode: the first two scenarios side by side");
  app.add_flag("--timing", options.timing,
               "Print when the first skin (the preview) and the full result were first on screen");
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << kProgram << ": " << e.what() << " (see " << kProgram << " --help)\n";
    return kExitBadInput;
  }

  // Checked here, not by CLI11: it reads "nan" and "inf" as numbers, lets nan through a range
  // check and words the rejection of inf with a 300-digit bound.
  if (options.day && !(std::isfinite(*options.day) && *options.day >= 0)) {
    std::cerr << kProgram << ": --day: must be a finite number of days, 0 or more (got "
              << *options.day << ")\n";
    return kExitBadInput;
  }
  if (!options.screenshot.empty()) {
    const std::string problem = dermasim::render::pngPathProblem(options.screenshot);
    if (!problem.empty()) {
      std::cerr << kProgram << ": --screenshot: " << problem << " (got " << options.screenshot
                << ")\n";
      return kExitBadInput;
    }
  }
  return std::nullopt;
}

int runViewer(const Options& options, std::vector<dermasim::Scenario> scenarios) {
  // First, so the first preview computes while the window, OpenGL and the fonts are set up
  // (about a second on llvmpipe on a busy machine): the first skin comes that much sooner.
  auto state = std::make_unique<dermasim::viewer::ViewerState>(std::move(scenarios));
  glfwSetErrorCallback(onGlfwError);
  if (glfwInit() != GLFW_TRUE) {
    std::cerr << kProgram << ": cannot open a display: " << lastGlfwError()
              << " (run it in a desktop session or under xvfb-run; `dermasim render` needs no "
                 "display)\n";
    return kExitFailure;
  }
  struct GlfwSession {
    ~GlfwSession() { glfwTerminate(); }
  } glfwSession;

  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  const std::string title = std::string("dermasim ") + dermasim::kVersion + " (simulation)";
  GLFWwindow* window = glfwCreateWindow(1280, 800, title.c_str(), nullptr, nullptr);
  if (window == nullptr) {
    std::cerr << kProgram << ": cannot open an OpenGL 3.3 core window: " << lastGlfwError() << "\n";
    return kExitFailure;
  }
  struct WindowGuard {
    GLFWwindow* window;
    ~WindowGuard() { glfwDestroyWindow(window); }
  } windowGuard{window};
  glfwMakeContextCurrent(window);
  countWindowEvents(window);
  glfwSwapInterval(options.frames > 0 ? 0 : 1);  // scripted runs go as fast as they can

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // no imgui.ini in the user's folder
  float xscale = 1.0f, yscale = 1.0f;
  glfwGetWindowContentScale(window, &xscale, &yscale);
  const dermasim::viewer::ViewerFonts fonts =
      dermasim::viewer::loadViewerFonts(io, std::max(1.0f, xscale));
  ImGui::StyleColorsDark();
  ImGui_ImplGlfw_InitForOpenGL(window, true);
  ImGui_ImplOpenGL3_Init("#version 330 core");
  struct ImGuiSession {
    ~ImGuiSession() {
      ImGui_ImplOpenGL3_Shutdown();
      ImGui_ImplGlfw_Shutdown();
      ImGui::DestroyContext();
    }
  } imguiSession;

  int exitCode = 0;
  // A finished run (a preview above all) is shown at once, not at the next progress tick. Set
  // once GLFW is up; a run that ended before needs no wake-up, as the first frame polls it.
  dermasim::viewer::SimulationWorker::setWakeUp([] { glfwPostEmptyEvent(); });
  struct WakeUpGuard {
    ~WakeUpGuard() { dermasim::viewer::SimulationWorker::setWakeUp(nullptr); }
  } wakeUpGuard;
  try {
    dermasim::viewer::ViewerApp app(fonts, std::move(state));
    if (options.patient) app.state().mode = dermasim::viewer::ViewerMode::Patient;
    if (options.compare) dermasim::viewer::enterCompare(app.state());
    if (const auto view = dermasim::render::parseView(options.view)) app.state().view.view = *view;
    auto previous = Clock::now();
    bool firstFrameSeen = false, firstSkinSeen = false, fullResultSeen = false;
    bool dayApplied = !options.day.has_value();
    // Scripted runs (--frames) draw every frame; an interactive window sleeps while idle.
    const bool paced = options.frames == 0;
    dermasim::viewer::FramePacer pacer;
    dermasim::viewer::FrameWait wait;
    unsigned long long eventsSeen = windowEvents();
    for (int frame = 0;; ++frame) {
      releaseKeyTaps(io);
      waitForNextFrame(wait);
      latchKeyTaps(io);
      // Time spent asleep is not time played: a key that starts playback after a minute idle
      // must not jump a minute ahead. The pacer never sleeps while playing.
      if (wait.kind != dermasim::viewer::FrameWait::Kind::Poll) previous = Clock::now();
      const auto now = Clock::now();
      const double seconds = std::chrono::duration<double>(now - previous).count();
      previous = now;
      // With --wait, frames count from when the full result is on show, not its preview.
      const bool waiting = options.waitForSimulation &&
                           (app.state().slot().snapshots.empty() || app.state().showingPreview() ||
                            !dermasim::viewer::compareReady(app.state())) &&
                           app.state().busy();
      if (waiting) frame = 0;
      const bool last = glfwWindowShouldClose(window) != 0 || app.quitRequested() ||
                        (options.frames > 0 && frame + 1 >= options.frames && !waiting);

      ImGui_ImplOpenGL3_NewFrame();
      ImGui_ImplGlfw_NewFrame();
      ImGui::NewFrame();
      app.update(seconds);
      if (!dayApplied && !app.state().slot().snapshots.empty()) {
        app.state().playback.seek(*options.day, app.state().lastDay());
        dayApplied = true;
      }
      ImGui::Render();

      int width = 0;
      int height = 0;
      glfwGetFramebufferSize(window, &width, &height);
      glViewport(0, 0, width, height);
      glClearColor(0.1f, 0.1f, 0.12f, 1.0f);
      glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
      app.drawSkin(width, height);
      ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());

      if (last && !options.screenshot.empty()) {
        glReadBuffer(GL_BACK);
        dermasim::render::Image image = dermasim::render::readPixels(0, 0, width, height);
        image.fillAlpha(255);
        dermasim::render::writePng(options.screenshot, image);
        std::cout << kProgram << ": wrote " << options.screenshot << " (" << width << "x" << height
                  << ")\n";
      }
      glfwSwapBuffers(window);
      if (options.timing) {
        const dermasim::viewer::ViewerState& shown = app.state();
        const bool skin = !shown.slot().snapshots.empty();
        const double since = std::chrono::duration<double>(Clock::now() - launched()).count();
        if (frame == 0 && !firstFrameSeen) {
          std::cout << kProgram << ": first frame on screen " << since << " s after start"
                    << std::endl;  // flushed: a timed window is often ended by a signal
          firstFrameSeen = true;
        }
        if (skin && !firstSkinSeen) {
          std::cout << kProgram << ": first skin on screen " << since << " s after start"
                    << (shown.showingPreview() ? " (preview)" : "") << std::endl;
          firstSkinSeen = true;
        }
        if (skin && !shown.showingPreview() && !shown.busy() && !fullResultSeen) {
          std::cout << kProgram << ": full result on screen " << since << " s after start"
                    << std::endl;
          fullResultSeen = true;
        }
      }
      if (last) break;
      if (waiting) std::this_thread::sleep_for(std::chrono::milliseconds(20));
      if (paced) {
        const bool held = std::any_of(std::begin(io.MouseDown), std::end(io.MouseDown),
                                      [](bool down) { return down; });
        wait = pacer.next(
            {.input = windowEvents() != eventsSeen,
             .animating = app.state().playback.playing() || app.exporter().writingFrames(),
             .held = held,
             // bandSlot stays set until pollWorker() has taken the finished bands: a job that
             // ends after this frame's poll still gets the frame that shows them.
             .working = app.state().busy() || app.state().bandSlot.has_value() ||
                        app.exporter().busy() || app.exporter().sheet.busy(),
             .textCursor = io.WantTextInput});
        eventsSeen = windowEvents();
      }
    }
  } catch (const std::exception& e) {
    std::cerr << kProgram << ": " << e.what() << "\n";
    exitCode = kExitFailure;
  }
  return exitCode;
}

}  // namespace

int main(int argc, char** argv) {
  launched() = Clock::now();
  Options options;
  if (const auto code = parseArguments(argc, argv, options)) return *code;
  // Scenarios are read before a window opens: a bad one is a one-line error and exit 2.
  std::vector<dermasim::Scenario> scenarios;
  try {
    for (const std::string& argument : options.scenarios) {
      scenarios.push_back(dermasim::resolveScenario(argument));
    }
  } catch (const dermasim::InputError& e) {
    std::cerr << kProgram << ": " << e.what() << "\n";
    return kExitBadInput;
  }
  try {
    return runViewer(options, std::move(scenarios));
  } catch (const std::exception& e) {
    std::cerr << kProgram << ": " << e.what() << "\n";
    return kExitFailure;
  }
}
