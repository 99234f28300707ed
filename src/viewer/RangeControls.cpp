// The plots panel's "Range over N patients" row: the toggle for the percentile bands, the
// patient count, and while the cohort computes its progress with a Cancel button
// (PlotBands.hpp has the rules, CohortBands.hpp the job).
#include <imgui.h>

#include <algorithm>
#include <string>

#include "viewer/Panels.hpp"
#include "viewer/PlotBands.hpp"

namespace dermasim::viewer {

void drawRangeControls(ViewerState& state) {
  ImGui::Checkbox("Range over", &state.rangeBands);
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip(
        "Shade each plot from the 10th to the 90th percentile of N virtual patients (healing "
        "drawn as `dermasim run --cohort N` draws it), run on the preview's coarse grid");
  ImGui::SameLine();
  int patients = state.bandPatients;
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
  // Applied on Enter or a step button, not per digit typed: each count is a new cohort.
  if (ImGui::InputInt("patients##range", &patients, 5, 20, ImGuiInputTextFlags_EnterReturnsTrue))
    state.bandPatients = std::clamp(patients, kMinBandPatients, kMaxBandPatients);
  if (!state.rangeBands) return;
  ImGui::SameLine();
  if (state.bandSlot) {
    const float fraction = static_cast<float>(state.bandJob.progress());
    const std::string text = state.bandJob.status();
    ImGui::ProgressBar(fraction, ImVec2(ImGui::GetFontSize() * 14, 0), text.c_str());
    ImGui::SameLine();
    if (ImGui::SmallButton("Cancel##range")) cancelBands(state);
  } else if (state.busy()) {
    ImGui::TextDisabled("after the simulation");
  } else {
    ImGui::TextDisabled("%s", bandLegend(patientsAskedFor(state)).c_str());
  }
}

}  // namespace dermasim::viewer
