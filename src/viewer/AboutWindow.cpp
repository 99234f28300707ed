#include "viewer/AboutWindow.hpp"

#include <algorithm>
#include <string>

#include "core/Version.hpp"
#include "guidance/KnownLimits.hpp"

namespace dermasim::viewer {

namespace {

const ImVec4 kStatement{1.0f, 0.8f, 0.4f, 1.0f};  // the menu bar's SIMULATION label
const ImVec4 kGroupTitle{0.55f, 0.8f, 1.0f, 1.0f};

void drawLimits(const KnownLimits& limits, ImFont* heading) {
  if (heading != nullptr) ImGui::PushFont(heading);
  ImGui::TextUnformatted(limits.title.c_str());
  if (heading != nullptr) ImGui::PopFont();
  for (const KnownLimitGroup& group : limits.groups) {
    ImGui::Spacing();
    ImGui::TextColored(kGroupTitle, "%s", group.title.c_str());
    for (const std::string& limit : group.limits) {
      // Wrapped lines keep to the right of the bullet.
      ImGui::Bullet();
      ImGui::TextWrapped("%s", limit.c_str());
    }
  }
}

}  // namespace

void drawAboutWindow(ViewerState& state, const ViewerFonts& fonts, ImVec2 origin, ImVec2 area) {
  if (!state.aboutOpen) return;
  // Patient mode reads in large type; the box then takes more of the window.
  const bool patient = state.mode == ViewerMode::Patient;
  ImFont* body = patient ? fonts.large : fonts.regular;
  ImFont* heading = patient ? fonts.title : fonts.large;
  const float fontSize = body != nullptr ? body->FontSize : ImGui::GetFontSize();
  const ImVec2 size(std::min(area.x * 0.9f, fontSize * (patient ? 44.0f : 50.0f)), area.y * 0.85f);
  ImGui::SetNextWindowPos(ImVec2(origin.x + area.x * 0.5f, origin.y + area.y * 0.5f),
                          ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(size, ImGuiCond_Appearing);
  // Opaque: the skin and the panels behind would show through the text.
  ImGui::SetNextWindowBgAlpha(1.0f);
  if (body != nullptr) ImGui::PushFont(body);
  if (ImGui::Begin(kAboutWindowTitle, &state.aboutOpen,
                   ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings)) {
    const KnownLimits& limits = knownLimits();
    if (heading != nullptr) ImGui::PushFont(heading);
    ImGui::Text("dermasim %s", dermasim::kVersion);
    if (heading != nullptr) ImGui::PopFont();
    ImGui::TextUnformatted("Microneedling, from the needles' punctures to collagen remodelling.");
    ImGui::PushStyleColor(ImGuiCol_Text, kStatement);
    ImGui::TextWrapped("%s", limits.preface.c_str());
    ImGui::PopStyleColor();
    ImGui::Separator();

    // The list scrolls; the Close button stays below it.
    const float footer = ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().ItemSpacing.y;
    if (ImGui::BeginChild("known-limits", ImVec2(0, -footer))) drawLimits(limits, heading);
    ImGui::EndChild();
    ImGui::Separator();
    if (ImGui::Button("Close")) state.aboutOpen = false;
    ImGui::SameLine();
    ImGui::TextDisabled("The same list is in docs/MODEL.md, section 7.");
  }
  ImGui::End();
  if (body != nullptr) ImGui::PopFont();
}

}  // namespace dermasim::viewer
