// Patient mode's controls: only what a patient needs, in large type. The caption and the
// watermark are drawn into the skin image itself, so exports carry them too.
#include <imgui.h>

#include <string>

#include "viewer/Panels.hpp"

namespace dermasim::viewer {

namespace {
// More key days than this and the buttons would not fit: the timeline's menu has them all.
constexpr std::size_t kMaxKeyDayButtons = 10;
}  // namespace

void drawPatientPanel(ViewerState& state, const ViewerFonts& fonts) {
  if (fonts.large != nullptr) ImGui::PushFont(fonts.large);
  drawTimeline(state, true);
  const std::vector<KeyDay>& keys = state.slot().snapshots.keyDays();
  if (!keys.empty() && keys.size() <= kMaxKeyDayButtons) {
    for (std::size_t i = 0; i < keys.size(); ++i) {
      if (i > 0) ImGui::SameLine();
      ImGui::PushID(static_cast<int>(i));
      if (ImGui::Button(keys[i].label.c_str())) {
        state.playback.pause();
        state.playback.seek(keys[i].day, state.lastDay());
      }
      ImGui::PopID();
    }
  }
  ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.5f);
  ImGui::SliderFloat("Before  |  after", &state.beforeAfterSplit, 0.0f, 1.0f, "",
                     ImGuiSliderFlags_AlwaysClamp);
  if (fonts.large != nullptr) ImGui::PopFont();
}

}  // namespace dermasim::viewer
