#pragma once
// The viewer's UI tests' window: a headless GL context (EGL) with ImGui and its OpenGL 3
// backend and the viewer's fonts, drawing one frame at a time into pixels.
//
//   HeadlessGui gui;
//   ViewerApp app({scenario}, gui.fonts);
//   const render::Image image = gui.frame([&] { app.update(0); },
//                                         [&] { app.drawSkin(kGuiWidth, kGuiHeight); });
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <catch2/catch.hpp>

#include <functional>

#include "render/Gl.hpp"
#include "render/GlUtil.hpp"
#include "render/HeadlessContext.hpp"
#include "render/Image.hpp"
#include "viewer/ViewerApp.hpp"

namespace dermasim::viewer::test {

inline constexpr int kGuiWidth = 1280, kGuiHeight = 800;
inline const render::Rgba kGuiClear{10, 20, 30, 255};

struct HeadlessGui {
  render::HeadlessContext context{kGuiWidth, kGuiHeight};
  ViewerFonts fonts;

  HeadlessGui() {
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(kGuiWidth, kGuiHeight);
    fonts = loadViewerFonts(io);
    ImGui::StyleColorsDark();
    REQUIRE(ImGui_ImplOpenGL3_Init("#version 330 core"));
  }
  ~HeadlessGui() {
    ImGui_ImplOpenGL3_Shutdown();
    ImGui::DestroyContext();
  }
  HeadlessGui(const HeadlessGui&) = delete;
  HeadlessGui& operator=(const HeadlessGui&) = delete;

  // One frame: `build` makes the ImGui calls, `drawGl` draws under the UI. Returns the pixels.
  render::Image frame(const std::function<void()>& build, const std::function<void()>& drawGl = {},
                      double seconds = 1.0 / 30) {
    ImGui::GetIO().DeltaTime = static_cast<float>(seconds);
    ImGui_ImplOpenGL3_NewFrame();
    ImGui::NewFrame();
    build();
    ImGui::Render();
    glViewport(0, 0, kGuiWidth, kGuiHeight);
    glClearColor(kGuiClear.r / 255.0f, kGuiClear.g / 255.0f, kGuiClear.b / 255.0f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
    if (drawGl) drawGl();
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    render::checkGlError("a viewer frame");
    return context.readPixels();
  }
};

// One frame of the whole window as it draws it, no time passing: panels, then the skin area.
inline render::Image appFrame(HeadlessGui& gui, ViewerApp& app) {
  return gui.frame([&] { app.update(0); }, [&] { app.drawSkin(kGuiWidth, kGuiHeight); });
}

}  // namespace dermasim::viewer::test
