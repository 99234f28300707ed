#pragma once
// The whole viewer for one frame: lays out the panels, moves the timeline, polls the background
// run and draws the skin. The GLFW program, the headless panel tests and the frame-rate
// benchmark all drive this class, so what they test is what users see.
//
//   ViewerApp app(scenarios, fonts);   // GL context and ImGui context (with fonts) current
//   each frame: ImGui::NewFrame(); app.update(seconds); ImGui::Render();
//               app.drawSkin(framebufferWidth, framebufferHeight);
//               ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());

#include <imgui.h>

#include <memory>
#include <vector>

#include "core/scenario/Scenario.hpp"
#include "viewer/CompareView.hpp"
#include "viewer/Exporter.hpp"
#include "viewer/Panels.hpp"
#include "viewer/SkinView.hpp"
#include "viewer/ViewerState.hpp"

namespace dermasim::viewer {

class ViewerApp {
 public:
  // Starts simulating the first scenario (the built-in default when `scenarios` is empty).
  ViewerApp(std::vector<Scenario> scenarios, ViewerFonts fonts);
  // Takes a state made earlier: the window makes it before opening, so the first preview
  // computes while the window, OpenGL and the fonts are set up.
  ViewerApp(ViewerFonts fonts, std::unique_ptr<ViewerState> state);
  ~ViewerApp();

  // Between ImGui::NewFrame() and ImGui::Render(): `seconds` of wall time since the last frame.
  void update(double seconds);
  // After ImGui::Render() and before ImGui's draw data: the skin into its area. Sizes are the
  // framebuffer's, in pixels.
  void drawSkin(int framebufferWidth, int framebufferHeight);

  ViewerState& state() { return state_; }
  const ViewerState& state() const { return state_; }
  Exporter& exporter() { return exporter_; }
  const SkinView& skinView() const { return *skin_; }
  // Compare mode's two skins; null until compare mode was first drawn.
  const CompareView* compareView() const { return compare_.get(); }
  bool quitRequested() const { return quit_; }

 private:
  void keyboard();
  void menuBar();
  void clinicianLayout(ImVec2 origin, ImVec2 size);
  void patientLayout(ImVec2 origin, ImVec2 size);

  std::unique_ptr<ViewerState> ownState_;
  ViewerState& state_;
  ViewerFonts fonts_;
  Exporter exporter_;
  std::unique_ptr<SkinView> skin_;
  std::unique_ptr<CompareView> compare_;
  bool compareShown_ = false;  // this frame's layout split the skin area into A and B
  // The skin's area this frame, in ImGui's coordinates (top-left origin, points).
  ImVec2 skinMin_{0, 0}, skinMax_{0, 0};
  bool quit_ = false;
};

// Loads DejaVu Sans (Debian's fonts-dejavu-core) at the viewer's sizes, or ImGui's own font when
// it is missing. Call before the renderer backend builds the font atlas.
ViewerFonts loadViewerFonts(ImGuiIO& io, float contentScale = 1.0f);

}  // namespace dermasim::viewer
