// Export: the day on screen as a PNG, or the series as frames and an MP4, watermarked and
// annotated; the consultation sheet as a PDF.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <exception>
#include <filesystem>
#include <string>

#include "io/SafeFileName.hpp"
#include "render/RenderOptions.hpp"
#include "viewer/Exporter.hpp"
#include "viewer/Panels.hpp"

namespace dermasim::viewer {

namespace {

// The sheet re-simulates the scenario on its own thread: a progress bar while it runs, then
// where it went. It does not need the full result on show, so a preview does not block it.
void drawSheetButton(ViewerState& state, Exporter& exporter) {
  SheetExport& sheet = exporter.sheet;
  if (!SheetExport::available()) {
    ImGui::BeginDisabled();
    ImGui::Button("Consultation sheet (PDF)");
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::TextDisabled("(%s)", SheetExport::unavailableReason());
    return;
  }
  if (sheet.busy()) {
    ImGui::ProgressBar(static_cast<float>(sheet.progress()), ImVec2(ImGui::GetFontSize() * 10, 0));
  } else if (ImGui::Button("Consultation sheet (PDF)")) {
    sheet.start(sheetProtocols(state), exporter.settings.folder);
  }
  const std::string status = sheet.status();
  if (status.empty()) return;
  if (sheet.failed()) {
    ImGui::TextColored(ImVec4(1.0f, 0.55f, 0.45f, 1.0f), "%s", status.c_str());
  } else {
    ImGui::TextWrapped("%s", status.c_str());
  }
}

}  // namespace

void drawExportPanel(ViewerState& state, Exporter& exporter) {
  ExportSettings& s = exporter.settings;
  // The preview is never exported (kNoPreviewExport): its buttons wait for the full result.
  const bool preview = state.showingPreview();
  const bool blocked = exporter.busy() || preview;
  if (preview) ImGui::TextColored(ImVec4(1.0f, 0.8f, 0.4f, 1.0f), "%s", kNoPreviewExport);
  ImGui::PushItemWidth(ImGui::GetFontSize() * 9);
  ImGui::InputText("Folder", &s.folder);
  ImGui::SameLine();
  ImGui::InputInt2("Size (pixels)", &s.width);
  ImGui::PopItemWidth();
  if (blocked) ImGui::BeginDisabled();
  if (ImGui::Button("Save PNG of this day")) {
    const std::string name = safeFileName(state.slot().scenario.name) + "_day" +
                             safeFileName(render::formatDay(state.playback.day())) + ".png";
    const std::filesystem::path file = std::filesystem::path(s.folder) / name;
    try {
      std::filesystem::create_directories(s.folder);
      exporter.screenshot(state, state.playback.day(), file);
      state.say("wrote " + file.string());
    } catch (const std::exception& e) {
      state.say(e.what(), true);
    }
  }
  if (blocked) ImGui::EndDisabled();
  ImGui::SameLine();
  drawSheetButton(state, exporter);

  ImGui::Separator();
  ImGui::PushItemWidth(ImGui::GetFontSize() * 6);
  ImGui::InputDouble("From day", &s.fromDay, 0, 0, "%.0f");
  ImGui::SameLine();
  ImGui::InputDouble("To day (-1: end)", &s.toDay, 0, 0, "%.0f");
  ImGui::SameLine();
  ImGui::InputDouble("Days per second", &s.daysPerSecond, 0, 0, "%.1f");
  ImGui::SameLine();
  ImGui::InputInt("Frames per second", &s.fps, 0);
  ImGui::PopItemWidth();
  const bool haveFfmpeg = exporter.ffmpeg().has_value();
  ImGui::Checkbox("Also make an MP4", &s.mp4);
  ImGui::SameLine();
  if (haveFfmpeg) {
    ImGui::TextDisabled("(ffmpeg found)");
  } else {
    ImGui::TextDisabled("(needs ffmpeg, which is not installed: sudo apt install ffmpeg)");
  }
  if (exporter.busy()) {
    ImGui::ProgressBar(static_cast<float>(exporter.progress()),
                       ImVec2(ImGui::GetFontSize() * 16, 0));
    ImGui::SameLine();
    if (ImGui::Button("Cancel export")) exporter.cancel();
  } else {
    if (preview) ImGui::BeginDisabled();
    if (ImGui::Button("Export frame sequence")) exporter.startSequence(state);
    if (preview) ImGui::EndDisabled();
  }
  const std::string status = exporter.status();
  if (!status.empty()) {
    if (exporter.failed()) {
      ImGui::TextColored(ImVec4(1.0f, 0.55f, 0.45f, 1.0f), "%s", status.c_str());
    } else {
      ImGui::TextWrapped("%s", status.c_str());
    }
  }
  ImGui::TextDisabled(
      "Every exported image carries the watermark \"%s\" and a band saying what it shows: "
      "scenario, device, needle depth, day, relief and a scale bar.",
      render::kWatermarkText);
}

}  // namespace dermasim::viewer
