// Patient mode's controls: only what a patient needs, in large type. The caption and the
// watermark are drawn into the skin image itself, so exports carry them too.
#include <imgui.h>

#include <string>

#include "viewer/CompareView.hpp"
#include "viewer/Panels.hpp"

namespace dermasim::viewer {

namespace {
constexpr double kSameDayTolerance = 1e-6;
}  // namespace

void drawPatientPanel(ViewerState& state, const ViewerFonts& fonts) {
  if (fonts.large != nullptr) ImGui::PushFont(fonts.large);
  drawTimeline(state, true);
  // The key days of the session the day falls after (its day, a day, a week and a month after
  // it), then the next session or the end: what a patient asks about.
  const std::vector<KeyDay>& keys = state.slot().snapshots.keyDays();
  const double day = state.playback.day();
  double from = 0, to = state.lastDay() + 1;
  for (const SessionPlan& session : state.slot().scenario.sessions) {
    if (session.day <= day + kSameDayTolerance) {
      from = session.day;
    } else {
      to = session.day;
      break;
    }
  }
  int shown = 0;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    const bool inWindow =
        keys[i].day >= from - kSameDayTolerance && keys[i].day < to - kSameDayTolerance;
    const bool next = keys[i].day >= to - kSameDayTolerance && shown > 0 &&
                      (i == 0 || keys[i - 1].day < to - kSameDayTolerance);
    if (!inWindow && !next) continue;
    if (shown++ > 0) ImGui::SameLine();
    ImGui::PushID(static_cast<int>(i));
    if (ImGui::Button(keys[i].label.c_str())) {
      state.playback.pause();
      state.playback.seek(keys[i].day, state.lastDay());
    }
    ImGui::PopID();
  }
  ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.3f);
  ImGui::SliderFloat("Before  |  after", &state.beforeAfterSplit, 0.0f, 1.0f, "",
                     ImGuiSliderFlags_AlwaysClamp);
  ImGui::SameLine();
  drawBeforeDayPicker(state);
  if (fonts.large != nullptr) ImGui::PopFont();
}

std::vector<std::string> aftercareToday(const ViewerState& state) {
  // A preview's figures are not the scenario's: no patient is told them.
  if (state.showingPreview() || state.slot().aftercare.empty()) return {};
  return aftercareOn(state.slot().aftercare, state.playback.day());
}

void drawAftercareToday(const std::vector<std::string>& lines) {
  ImGui::TextUnformatted("Aftercare today");
  ImGui::Separator();
  for (const std::string& line : lines) {
    ImGui::Bullet();
    ImGui::TextWrapped("%s", line.c_str());
  }
}

}  // namespace dermasim::viewer
