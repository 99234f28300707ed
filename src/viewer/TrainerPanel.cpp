// The Trainer tab: pick a training case, read its brief, set an answer (or decline to treat),
// simulate it, then read the feedback beside the skin and the section's needle reach.
#include <imgui.h>

#include <algorithm>
#include <string>
#include <string_view>

#include "render/RenderOptions.hpp"
#include "viewer/Panels.hpp"
#include "viewer/TrainerMode.hpp"

namespace dermasim::viewer {
namespace {

const ImVec4 kFault{1.0f, 0.55f, 0.45f, 1.0f};
const ImVec4 kWarning{1.0f, 0.8f, 0.4f, 1.0f};
const ImVec4 kGood{0.55f, 0.85f, 0.55f, 1.0f};

void drawAnswer(ViewerState& state) {
  TrainerState& t = state.trainer;
  TrainingAnswer& a = t.answer;
  ImGui::Checkbox("Treat this patient", &a.treat);
  if (!a.treat) ImGui::BeginDisabled();
  int device = a.device == DeviceType::Pen ? 0 : 1;
  ImGui::RadioButton("pen", &device, 0);
  ImGui::SameLine();
  ImGui::RadioButton("roller", &device, 1);
  a.device = device == 0 ? DeviceType::Pen : DeviceType::Roller;
  const float field = ImGui::GetFontSize() * 8;
  ImGui::SetNextItemWidth(field);
  ImGui::InputDouble("Needle depth (mm)", &a.needle_length_mm, 0.25, 0.5, "%.2f");
  ImGui::SetNextItemWidth(field);
  ImGui::InputInt("Passes", &a.passes);
  ImGui::SetNextItemWidth(field);
  ImGui::InputInt("Sessions", &a.sessions);
  ImGui::SetNextItemWidth(field);
  ImGui::InputDouble("Interval (days)", &a.interval_days, 7, 14, "%.0f");
  if (!a.treat) ImGui::EndDisabled();
}

// The action and what became of it, above the answer so they stay in sight.
void drawAction(ViewerState& state) {
  TrainerState& t = state.trainer;
  const TrainingAnswer& a = t.answer;
  // Out-of-range values are kept as typed: the check names them, as it would in an answer file.
  const bool waiting = !t.awaitingPlan.empty();
  if (waiting) ImGui::BeginDisabled();
  if (ImGui::Button(a.treat ? "Simulate this answer" : "Judge: do not treat")) {
    // The section shows which layer the needles reach; the surface what the skin does.
    if (a.treat) state.view.view = render::View::Split;
    submitTrainerAnswer(state);
  }
  if (waiting) {
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::TextDisabled(state.showingPreview() ? "preview on show; judging the full result..."
                                               : "simulating...");
  }
  if (!t.error.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, kFault);
    ImGui::TextWrapped("%s", t.error.c_str());
    ImGui::PopStyleColor();
  }
}

void drawFeedback(const TrainerFeedback& f) {
  ImGui::Text("Score: %d / 100", f.score);
  ImGui::TextWrapped("%s", f.debrief.c_str());
  if (!f.outcome.empty()) ImGui::TextDisabled("%s", f.outcome.c_str());
  ImGui::Separator();
  for (const FeedbackItem& item : f.items) {
    const ImVec4 colour = item.good                            ? kGood
                          : item.level == AdvisoryLevel::Error ? kFault
                                                               : kWarning;
    constexpr std::string_view kGoodPrefix = "good_";
    const std::string code = item.good && item.code.starts_with(kGoodPrefix)
                                 ? item.code.substr(kGoodPrefix.size())
                                 : item.code;
    ImGui::TextColored(colour, "%s: %s",
                       item.good ? "good" : std::string(toString(item.level)).c_str(),
                       code.c_str());
    ImGui::Indent();
    ImGui::TextWrapped("%s", item.what.c_str());
    if (!item.why.empty()) ImGui::TextWrapped("Why: %s", item.why.c_str());
    if (!item.figure.empty()) ImGui::TextWrapped("Simulated: %s", item.figure.c_str());
    if (!item.source.empty()) {
      ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
      ImGui::TextWrapped("Source: %s", item.source.c_str());
      ImGui::PopStyleColor();
    }
    ImGui::Unindent();
  }
}

}  // namespace

void drawTrainerPanel(ViewerState& state) {
  TrainerState& t = state.trainer;
  loadTrainingCases(t);
  const float left = std::max(ImGui::GetFontSize() * 18, ImGui::GetContentRegionAvail().x * 0.42f);
  if (ImGui::BeginChild("##trainer-case", ImVec2(left, 0))) {
    const char* shown = t.chosen ? t.cases[*t.chosen].title.c_str() : "choose a training case...";
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo("##case", shown)) {
      for (std::size_t i = 0; i < t.cases.size(); ++i)
        if (ImGui::Selectable(t.cases[i].title.c_str(), t.chosen == i))
          chooseTrainingCase(state, i);
      ImGui::EndCombo();
    }
    if (t.chosen) {
      drawAction(state);
      ImGui::TextWrapped("%s", t.cases[*t.chosen].brief.c_str());
      ImGui::Separator();
      drawAnswer(state);
    }
  }
  ImGui::EndChild();
  ImGui::SameLine();
  if (ImGui::BeginChild("##trainer-feedback", ImVec2(0, 0))) {
    if (t.feedback) {
      drawFeedback(*t.feedback);
    } else if (t.chosen) {
      ImGui::TextDisabled(
          "Set the device, depth, passes, sessions and interval you would choose, or decline to "
          "treat, then simulate: the feedback and a score appear here, the needle's reach on "
          "the section.");
    }
  }
  ImGui::EndChild();
}

}  // namespace dermasim::viewer
