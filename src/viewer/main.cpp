// dermasim-view: the interactive viewer. For now a window with the skin placeholder and a small
// Dear ImGui panel; the real viewer arrives with the viewer issue.
//
//   dermasim-view [SCENARIO.toml...] [--frames N] [--screenshot FILE.png]
//
// Exit codes: 0 success, 1 no display or a rendering failure, 2 bad arguments.
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <array>
#include <cctype>
#include <exception>
#include <filesystem>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "core/Version.hpp"
#include "render/FullscreenPass.hpp"
#include "render/Gl.hpp"
#include "render/GlUtil.hpp"
#include "render/Image.hpp"

namespace {

namespace fs = std::filesystem;

constexpr const char* kProgram = "dermasim-view";
constexpr int kExitFailure = 1;
constexpr int kExitBadInput = 2;

struct Options {
  std::vector<std::string> scenarios;
  int frames = 0;  // 0: until the window is closed
  std::string screenshot;
};

// GLFW reports errors through a callback; keep the last one for a one-line message.
std::string& lastGlfwError() {
  static std::string error;
  return error;
}

void onGlfwError(int code, const char* description) {
  lastGlfwError() = description != nullptr ? description : "GLFW error " + std::to_string(code);
}

// Parses the command line. Returns an exit code when the program should stop right away.
std::optional<int> parseArguments(int argc, char** argv, Options& options) {
  CLI::App app{
      "dermasim-view: the interactive microneedling viewer (OpenGL 3.3 core, Dear ImGui).\n"
      "Without a display, use `dermasim render` for images.",
      kProgram};
  app.set_version_flag("--version", std::string(dermasim::kVersion));
  app.add_option("scenarios", options.scenarios, "Scenario files (TOML) to open")
      ->type_name("SCENARIO.toml")
      ->check(CLI::ExistingFile);
  app.add_option("--frames", options.frames, "Draw N frames, then exit (default: until closed)")
      ->type_name("N")
      ->check(CLI::Range(1, 1'000'000));
  app.add_option("--screenshot", options.screenshot,
                 "Save the last frame drawn as a PNG (with --frames, or when the window closes)")
      ->type_name("FILE.png");
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

  if (!options.screenshot.empty()) {
    const fs::path path(options.screenshot);
    std::string extension = path.extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (extension != ".png") {
      std::cerr << kProgram << ": --screenshot: " << options.screenshot
                << ": must be a .png file\n";
      return kExitBadInput;
    }
    const fs::path folder = path.has_parent_path() ? path.parent_path() : fs::path(".");
    std::error_code ec;
    if (!fs::is_directory(folder, ec)) {
      std::cerr << kProgram << ": --screenshot: " << options.screenshot << ": folder "
                << folder.string() << " does not exist\n";
      return kExitBadInput;
    }
  }
  return std::nullopt;
}

// A font that has the em dash and Latin-1; ImGui's built-in font has ASCII only.
bool loadFont(ImGuiIO& io) {
  static const ImWchar kRanges[] = {0x0020, 0x00FF, 0x2000, 0x206F, 0};
  for (const char* path :
       {"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/TTF/DejaVuSans.ttf"}) {
    std::error_code ec;
    if (fs::is_regular_file(path, ec) &&
        io.Fonts->AddFontFromFileTTF(path, 16.0f, nullptr, kRanges) != nullptr) {
      return true;
    }
  }
  io.Fonts->AddFontDefault();
  return false;
}

void drawPanel(const Options& options, bool niceFont, GLFWwindow* window) {
  ImGui::SetNextWindowPos(ImVec2(24.0f, 24.0f), ImGuiCond_FirstUseEver);
  ImGui::Begin("dermasim", nullptr, ImGuiWindowFlags_AlwaysAutoResize);
  ImGui::Text("dermasim %s", dermasim::kVersion);
  ImGui::Separator();
  ImGui::TextUnformatted(niceFont ? "dermasim \u2014 viewer arrives with the viewer issue"
                                  : "dermasim - viewer arrives with the viewer issue");
  if (options.scenarios.empty()) {
    ImGui::TextDisabled("no scenario given");
  } else {
    for (const std::string& scenario : options.scenarios) {
      ImGui::BulletText("%s (not loaded yet)", scenario.c_str());
    }
  }
  ImGui::Spacing();
  if (ImGui::Button("Quit")) glfwSetWindowShouldClose(window, GLFW_TRUE);
  ImGui::End();
}

int runViewer(const Options& options) {
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
  const std::string title = std::string("dermasim ") + dermasim::kVersion;
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
  glfwSwapInterval(options.frames > 0 ? 0 : 1);  // scripted runs go as fast as they can

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // no imgui.ini in the user's folder
  const bool niceFont = loadFont(io);
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
  try {
    const dermasim::render::FullscreenPass skin("skin_placeholder.frag.glsl");
    skin.program().setUniform("u_skin_color", std::array<float, 3>{0.86f, 0.67f, 0.55f});

    for (int frame = 0;; ++frame) {
      glfwPollEvents();
      if (glfwGetKey(window, GLFW_KEY_ESCAPE) == GLFW_PRESS && !io.WantCaptureKeyboard) {
        glfwSetWindowShouldClose(window, GLFW_TRUE);
      }
      const bool last =
          glfwWindowShouldClose(window) != 0 || (options.frames > 0 && frame + 1 >= options.frames);

      ImGui_ImplOpenGL3_NewFrame();
      ImGui_ImplGlfw_NewFrame();
      ImGui::NewFrame();
      drawPanel(options, niceFont, window);
      ImGui::Render();

      int width = 0;
      int height = 0;
      glfwGetFramebufferSize(window, &width, &height);
      glViewport(0, 0, width, height);
      glClearColor(0.1f, 0.1f, 0.12f, 1.0f);
      glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
      skin.draw();
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
      if (last) break;
    }
  } catch (const std::exception& e) {
    std::cerr << kProgram << ": " << e.what() << "\n";
    exitCode = kExitFailure;
  }
  return exitCode;
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  if (const auto code = parseArguments(argc, argv, options)) return *code;
  try {
    return runViewer(options);
  } catch (const std::exception& e) {
    std::cerr << kProgram << ": " << e.what() << "\n";
    return kExitFailure;
  }
}
