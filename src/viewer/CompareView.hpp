#pragma once
// Compare mode's skin area and panel: protocol A on the left, B on the right, each its own
// SkinView of the same day under the one camera and light (state.view), labelled with its
// scenario's name, device and depth in its fixed colour; and the overlaid plots and the table of
// differences on the day shown (ComparePanel.cpp). State rules are in CompareMode.hpp.
//
//   CompareView view;                                 // GL context current
//   in the skin area's ImGui window: view.interact(state, skinMin, skinMax);
//   after it:                        view.labels(state);
//   after ImGui::Render():           view.draw(state, framebufferW, framebufferH, scale);

#include <imgui.h>

#include <memory>
#include <string>
#include <vector>

#include "viewer/SkinView.hpp"
#include "viewer/ViewerState.hpp"

namespace dermasim::viewer {

// A and B keep these in the skins' labels, plots, legends and table, whichever is in front.
inline constexpr ImU32 kCompareColourA = IM_COL32(255, 150, 70, 255);  // orange
inline constexpr ImU32 kCompareColourB = IM_COL32(90, 180, 255, 255);  // blue

// One row of the table of differences: a measure on the day shown for A and B.
struct CompareRow {
  std::string name, unit;
  int decimals = 1;
  double a = 0, b = 0;
};
// The headline measures of A and B on `day` (interpolated between readings), then the whole
// run's harm indices; empty unless compare mode is on and both results are in.
std::vector<CompareRow> compareRows(const ViewerState& state, double day);
// Redness and scar depth (or collagen) of A and B overlaid, values on the day in the legends,
// and the table of differences beside them. Clicking a plot moves the day.
void drawComparePlots(ViewerState& state);
void drawCompareTable(const ViewerState& state);
// The before/after view's "before" (day 0, a key day, or the day on show).
void drawBeforeDayPicker(ViewerState& state);

class CompareView {
 public:
  CompareView();  // needs a current OpenGL 3.3 core context
  ~CompareView();

  // In the skin area's ImGui window: each half turns, pans and zooms the shared camera.
  void interact(ViewerState& state, ImVec2 min, ImVec2 max);
  // Each half's label (A or B, name, device and depth) with a button to bring it to front.
  void labels(ViewerState& state);
  // After ImGui::Render(): both skins into their halves. Framebuffer size in pixels.
  void draw(const ViewerState& state, int framebufferWidth, int framebufferHeight, float scale);
  const SkinView& side(int i) const { return i == 0 ? *a_ : *b_; }

 private:
  std::unique_ptr<SkinView> a_, b_;
  ImVec2 aMin_{0, 0}, aMax_{0, 0}, bMin_{0, 0}, bMax_{0, 0};
};

}  // namespace dermasim::viewer
