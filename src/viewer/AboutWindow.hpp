#pragma once
// The About box (Help > About, or the patient view's "About this simulation"): the program's
// name and version, the statement that it is a simulation and not a prediction, and the model's
// known limits (guidance/KnownLimits), scrolling, in large type in patient mode.
//
//   const ImGuiViewport* screen = ImGui::GetMainViewport();
//   drawAboutWindow(state, fonts, screen->WorkPos, screen->WorkSize);  // after the panels

#include <imgui.h>

#include "viewer/Panels.hpp"
#include "viewer/ViewerState.hpp"

namespace dermasim::viewer {

// The window's title, which is also its ImGui name.
inline constexpr const char* kAboutWindowTitle = "About dermasim";

// Draws the box while state.aboutOpen; its title bar's cross and its Close button clear it (the
// app clears it on Esc). It opens centred in the rectangle at `origin` of size `area`.
void drawAboutWindow(ViewerState& state, const ViewerFonts& fonts, ImVec2 origin, ImVec2 area);

}  // namespace dermasim::viewer
