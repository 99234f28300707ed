#include "viewer/CompareView.hpp"

#include <algorithm>
#include <cmath>

#include "render/Gl.hpp"
#include "viewer/CompareMode.hpp"

namespace dermasim::viewer {

namespace {

const ImU32 kGap = IM_COL32(30, 30, 34, 255);

render::Viewport toViewport(ImVec2 min, ImVec2 max, int framebufferHeight, float scale) {
  const int x0 = static_cast<int>(std::lround(min.x * scale));
  const int x1 = static_cast<int>(std::lround(max.x * scale));
  const int yTop = static_cast<int>(std::lround(min.y * scale));
  const int yBottom = static_cast<int>(std::lround(max.y * scale));
  return {x0, framebufferHeight - yBottom, x1 - x0, yBottom - yTop};
}

}  // namespace

CompareView::CompareView() : a_(std::make_unique<SkinView>()), b_(std::make_unique<SkinView>()) {}
CompareView::~CompareView() = default;

void CompareView::interact(ViewerState& state, ImVec2 min, ImVec2 max) {
  // A thin gap between the halves, so two similar skins never read as one patch.
  const float gap = std::max(2.0f, ImGui::GetFontSize() * 0.2f);
  const float mid = (min.x + max.x) / 2;
  aMin_ = min;
  aMax_ = ImVec2(mid - gap / 2, max.y);
  bMin_ = ImVec2(mid + gap / 2, min.y);
  bMax_ = max;
  ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(aMax_.x, min.y), ImVec2(bMin_.x, max.y), kGap);
  // Both halves move the one camera: what is compared is the skin, not the angle.
  interactWithSkin(state, "skin-a", aMin_, aMax_, false);
  interactWithSkin(state, "skin-b", bMin_, bMax_, false);
}

void CompareView::labels(ViewerState& state) {
  const float pad = ImGui::GetFontSize() * 0.5f;
  // Below the skin's own caption line (day, relief, light) at the top left.
  const float below = ImGui::GetFontSize() * 2.2f;
  for (int side = 0; side < 2; ++side) {
    const std::size_t index = side == 0 ? state.compare.a : state.compare.b;
    if (index >= state.slots.size()) continue;
    const ScenarioSlot& slot = state.slots[index];
    const ImVec2 at = side == 0 ? aMin_ : bMin_;
    ImGui::SetNextWindowPos(ImVec2(at.x + pad, at.y + below), ImGuiCond_Always);
    ImGui::SetNextWindowBgAlpha(0.75f);
    const char* id = side == 0 ? "##compare-label-a" : "##compare-label-b";
    if (ImGui::Begin(id, nullptr,
                     ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                         ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoMove |
                         ImGuiWindowFlags_NoFocusOnAppearing)) {
      const ImVec4 colour =
          ImGui::ColorConvertU32ToFloat4(side == 0 ? kCompareColourA : kCompareColourB);
      ImGui::TextColored(colour, "%s  %s", side == 0 ? "A" : "B", slot.scenario.name.c_str());
      ImGui::TextColored(colour, "%s", protocolSummary(slot.scenario).c_str());
      if (slot.snapshots.empty() && state.runningSlot == index) {
        ImGui::TextDisabled("simulating... %d %%", static_cast<int>(state.worker.progress() * 100));
      } else if (slot.snapshots.empty()) {
        ImGui::TextDisabled("simulated after the one in front");
      } else if (slot.preview) {
        ImGui::TextDisabled("Preview (coarse grid)");
      }
      if (index == state.active) {
        ImGui::TextDisabled("in front (Scenario panel)");
      } else if (ImGui::SmallButton("Bring to front (F)")) {
        bringToFront(state, index);
      }
    }
    ImGui::End();
  }
}

void CompareView::draw(const ViewerState& state, int framebufferWidth, int framebufferHeight,
                       float scale) {
  a_->draw(state, state.compare.a, toViewport(aMin_, aMax_, framebufferHeight, scale), scale);
  b_->draw(state, state.compare.b, toViewport(bMin_, bMax_, framebufferHeight, scale), scale);
  (void)framebufferWidth;
}

}  // namespace dermasim::viewer
