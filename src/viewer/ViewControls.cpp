// How the skin is looked at: the view, the light (grazing light shows relief, as clinicians
// examine scars), the camera, and what the section shows and where it cuts.
#include <imgui.h>

#include <string>

#include "viewer/CompareView.hpp"
#include "viewer/Panels.hpp"

namespace dermasim::viewer {

namespace {

constexpr render::View kViews[] = {render::View::Surface, render::View::Section,
                                   render::View::Split, render::View::BeforeAfter};
constexpr const char* kViewLabels[] = {"Surface", "Section", "Both", "Before | after"};
constexpr render::SectionOverlay kOverlays[] = {
    render::SectionOverlay::Collagen,    render::SectionOverlay::Collagen1,
    render::SectionOverlay::Collagen3,   render::SectionOverlay::Elastin,
    render::SectionOverlay::Fibroblasts, render::SectionOverlay::Injury,
    render::SectionOverlay::Layers};
constexpr const char* kOverlayLabels[] = {"Collagen I + III", "Collagen I",         "Collagen III",
                                          "Elastin",          "Active fibroblasts", "Injury",
                                          "Layers only"};

}  // namespace

void drawViewSwitch(ViewerState& state) {
  render::RenderOptions& v = state.view;
  for (std::size_t i = 0; i < std::size(kViews); ++i) {
    if (i > 0) ImGui::SameLine();
    if (ImGui::RadioButton(kViewLabels[i], v.view == kViews[i])) v.view = kViews[i];
  }
  if (v.view != render::View::Section) {
    ImGui::SameLine();
    ImGui::TextDisabled("|");
    ImGui::SameLine();
    const bool grazing = v.light == render::DirectionalLight::grazing();
    const bool overhead = v.light == render::DirectionalLight::overhead();
    if (ImGui::RadioButton("Grazing", grazing)) v.light = render::DirectionalLight::grazing();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Low side light: shows scars and texture");
    ImGui::SameLine();
    if (ImGui::RadioButton("Overhead", overhead)) v.light = render::DirectionalLight::overhead();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("High light: shows colour (redness)");
  }
}

void drawViewControls(ViewerState& state) {
  render::RenderOptions& v = state.view;
  drawViewSwitch(state);
  const bool surface = v.view != render::View::Section;
  const bool section = v.view != render::View::Surface;
  ImGui::PushItemWidth(ImGui::GetFontSize() * 11);
  if (surface) {
    ImGui::SliderFloat("Light height", &v.light.elevation_deg, 2, 90, "%.0f deg",
                       ImGuiSliderFlags_AlwaysClamp);
    ImGui::SliderFloat("Light direction", &v.light.azimuth_deg, -180, 180, "%.0f deg",
                       ImGuiSliderFlags_AlwaysClamp);
    ImGui::SliderFloat("Relief", &v.relief_exaggeration, 1, 10, "x %.1f",
                       ImGuiSliderFlags_AlwaysClamp);
    if (ImGui::IsItemHovered()) {
      ImGui::SetTooltip("Heights are exaggerated so shallow scars can be seen; 1 = true scale");
    }
    if (v.view == render::View::BeforeAfter) drawBeforeDayPicker(state);
    if (ImGui::SmallButton("Reset camera")) v.camera = render::OrbitCamera{};
    ImGui::SameLine();
    ImGui::TextDisabled("drag: turn, wheel: zoom, right-drag: pan, shift-drag: light");
  }
  if (section) {
    int overlay = 0;
    for (std::size_t i = 0; i < std::size(kOverlays); ++i) {
      if (kOverlays[i] == v.overlay) overlay = static_cast<int>(i);
    }
    if (ImGui::Combo("Section shows", &overlay, kOverlayLabels,
                     static_cast<int>(std::size(kOverlayLabels)))) {
      v.overlay = kOverlays[static_cast<std::size_t>(overlay)];
    }
    ImGui::SliderFloat("Section at", &v.section_position, 0, 1, "%.2f of the patch",
                       ImGuiSliderFlags_AlwaysClamp);
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("Where the section cuts the patch, front to back");
    ImGui::SameLine();
    ImGui::Checkbox("Needle reach", &v.needle_reach);
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("Where the session's needles end, and the layer they reach");
  }
  ImGui::PopItemWidth();
  ImGui::Checkbox("Compare scenarios in the plots", &state.comparePlots);
}

}  // namespace dermasim::viewer
