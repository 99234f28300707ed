// The timeline: the day on show, playback, and jumps to the days clinicians talk about.
#include <imgui.h>

#include <cmath>
#include <cstdio>
#include <string>

#include "core/numerics/NumberText.hpp"
#include "render/RenderOptions.hpp"
#include "viewer/Panels.hpp"

namespace dermasim::viewer {

namespace {

const ImU32 kSessionMark = IM_COL32(240, 170, 60, 255);

std::string speedLabel(double daysPerSecond) { return readableNumber(daysPerSecond) + " days/s"; }

// "Day 12 (week 2)", "Day 95 (month 4)": how far into the series, in a patient's words.
std::string dayHeadline(double day) {
  char text[64];
  const std::string shown = render::formatDay(std::round(day * 10) / 10);
  if (day < 14) {
    std::snprintf(text, sizeof text, "Day %s", shown.c_str());
  } else if (day < 90) {
    std::snprintf(text, sizeof text, "Day %s (week %d)", shown.c_str(),
                  static_cast<int>(day / 7) + 1);
  } else {
    std::snprintf(text, sizeof text, "Day %s (month %d)", shown.c_str(),
                  static_cast<int>(day / 30.4375) + 1);
  }
  return text;
}

void sessionMarks(const ViewerState& state, ImVec2 min, ImVec2 max, double lastDay) {
  if (lastDay <= 0) return;
  const float grab = ImGui::GetStyle().GrabMinSize;
  const float left = min.x + grab / 2 + ImGui::GetStyle().FramePadding.x / 2;
  const float right = max.x - grab / 2 - ImGui::GetStyle().FramePadding.x / 2;
  ImDrawList& draw = *ImGui::GetWindowDrawList();
  const float size = std::max(4.0f, ImGui::GetFontSize() * 0.35f);
  for (const SessionPlan& s : state.slot().scenario.sessions) {
    const float x = left + static_cast<float>(s.day / lastDay) * (right - left);
    draw.AddTriangleFilled(ImVec2(x - size, max.y + size * 1.6f),
                           ImVec2(x + size, max.y + size * 1.6f), ImVec2(x, max.y + 1),
                           kSessionMark);
  }
}

}  // namespace

void drawTimeline(ViewerState& state, bool large) {
  Playback& playback = state.playback;
  const double lastDay = state.lastDay();
  const SnapshotCache& cache = state.slot().snapshots;
  const float button = ImGui::GetFrameHeight() * (large ? 1.4f : 1.0f);

  if (ImGui::Button(playback.playing() ? "Pause" : "Play", ImVec2(button * 2.6f, button))) {
    playback.togglePlay(lastDay);
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Space");
  ImGui::SameLine();
  if (ImGui::Button("<", ImVec2(button, button)) && !cache.empty()) {
    playback.seek(cache.previousKeyDay(playback.day()), lastDay);
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Previous key day (Left arrow)");
  ImGui::SameLine();
  if (ImGui::Button(">", ImVec2(button, button)) && !cache.empty()) {
    playback.seek(cache.nextKeyDay(playback.day()), lastDay);
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Next key day (Right arrow)");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
  if (ImGui::BeginCombo("##speed", speedLabel(playback.speed()).c_str())) {
    for (const double speed : kPlaybackSpeeds) {
      if (ImGui::Selectable(speedLabel(speed).c_str(), speed == playback.speed())) {
        playback.setSpeed(speed);
      }
    }
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 13);
  if (ImGui::BeginCombo("##jump", "Jump to...")) {
    for (const KeyDay& key : cache.keyDays()) {
      const std::string label = key.label + "  (day " + render::formatDay(key.day) + ")";
      if (ImGui::Selectable(label.c_str())) playback.seek(key.day, lastDay);
    }
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  ImGui::TextUnformatted(dayHeadline(playback.day()).c_str());

  double day = playback.day();
  const double zero = 0;
  ImGui::SetNextItemWidth(-1);
  if (large) ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(8, 10));
  if (ImGui::SliderScalar("##day", ImGuiDataType_Double, &day, &zero, &lastDay, "",
                          ImGuiSliderFlags_AlwaysClamp)) {
    playback.seek(day, lastDay);
  }
  if (large) ImGui::PopStyleVar();
  sessionMarks(state, ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), lastDay);
  ImGui::Dummy(ImVec2(1, ImGui::GetFontSize() * 0.5f));
}

}  // namespace dermasim::viewer
