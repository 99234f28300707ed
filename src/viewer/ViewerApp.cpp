#include "viewer/ViewerApp.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <string>

#include "core/Version.hpp"
#include "io/ScenarioFile.hpp"
#include "render/Gl.hpp"
#include "viewer/AboutWindow.hpp"
#include "viewer/CompareMode.hpp"

namespace dermasim::viewer {

namespace {

constexpr ImGuiWindowFlags kPanel = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                    ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings |
                                    ImGuiWindowFlags_NoBringToFrontOnFocus;
constexpr ImGuiWindowFlags kBackdrop = kPanel | ImGuiWindowFlags_NoDecoration |
                                       ImGuiWindowFlags_NoBackground |
                                       ImGuiWindowFlags_NoScrollWithMouse;
const ImVec4 kNoticeError{1.0f, 0.5f, 0.45f, 1.0f};
const ImVec4 kSimulationLabel{1.0f, 0.8f, 0.4f, 1.0f};
constexpr int kCompareKey = 'C', kFrontKey = 'F';

void placeWindow(ImVec2 pos, ImVec2 size) {
  ImGui::SetNextWindowPos(pos, ImGuiCond_Always);
  ImGui::SetNextWindowSize(ImVec2(std::max(size.x, 1.0f), std::max(size.y, 1.0f)),
                           ImGuiCond_Always);
}

}  // namespace

ViewerFonts loadViewerFonts(ImGuiIO& io, float contentScale) {
  // Latin-1 (µ, ², ×), general punctuation (the em dash).
  static const ImWchar kRanges[] = {0x0020, 0x00FF, 0x2000, 0x206F, 0};
  ViewerFonts fonts;
  for (const char* path :
       {"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/TTF/DejaVuSans.ttf"}) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) continue;
    fonts.regular = io.Fonts->AddFontFromFileTTF(path, 16.0f * contentScale, nullptr, kRanges);
    fonts.large = io.Fonts->AddFontFromFileTTF(path, 24.0f * contentScale, nullptr, kRanges);
    fonts.title = io.Fonts->AddFontFromFileTTF(path, 32.0f * contentScale, nullptr, kRanges);
    if (fonts.regular != nullptr) return fonts;
  }
  // ImGui's own font is ASCII only, but always there.
  ImFontConfig config;
  config.SizePixels = 13.0f * contentScale;
  fonts.regular = io.Fonts->AddFontDefault(&config);
  config.SizePixels = 20.0f * contentScale;
  fonts.large = io.Fonts->AddFontDefault(&config);
  config.SizePixels = 26.0f * contentScale;
  fonts.title = io.Fonts->AddFontDefault(&config);
  return fonts;
}

ViewerApp::ViewerApp(std::vector<Scenario> scenarios, ViewerFonts fonts)
    : ViewerApp(fonts, std::make_unique<ViewerState>(std::move(scenarios))) {}

ViewerApp::ViewerApp(ViewerFonts fonts, std::unique_ptr<ViewerState> state)
    : ownState_(std::move(state)),
      state_(*ownState_),
      fonts_(fonts),
      skin_(std::make_unique<SkinView>()) {}

ViewerApp::~ViewerApp() = default;

void ViewerApp::keyboard() {
  const ImGuiIO& io = ImGui::GetIO();
  if (io.WantTextInput) return;
  Playback& playback = state_.playback;
  const SnapshotCache& cache = state_.slot().snapshots;
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Space), false)) {
    playback.togglePlay(state_.lastDay());
  }
  if (!cache.empty() && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_RightArrow))) {
    playback.pause();
    playback.seek(cache.nextKeyDay(playback.day()), state_.lastDay());
  }
  if (!cache.empty() && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_LeftArrow))) {
    playback.pause();
    playback.seek(cache.previousKeyDay(playback.day()), state_.lastDay());
  }
  // C: compare mode on or off; F: the other protocol to the front (never re-simulates). ImGui
  // 1.86 names no letter keys: these are GLFW's key codes, which are the letters' ASCII codes.
  const bool plain = !io.KeyCtrl && !io.KeyAlt && !io.KeySuper;
  if (plain && state_.mode == ViewerMode::Clinician && ImGui::IsKeyPressed(kCompareKey, false)) {
    toggleCompare(state_);
  }
  if (const auto other = compareOther(state_);
      plain && other && ImGui::IsKeyPressed(kFrontKey, false)) {
    bringToFront(state_, *other);
  }
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) {
    if (state_.aboutOpen) {
      state_.aboutOpen = false;
    } else if (state_.mode == ViewerMode::Patient) {
      state_.mode = ViewerMode::Clinician;
    } else {
      quit_ = true;
    }
  }
}

void ViewerApp::menuBar() {
  if (!ImGui::BeginMainMenuBar()) return;
  if (ImGui::BeginMenu("File")) {
    if (ImGui::BeginMenu("Open built-in scenario")) {
      for (const std::string& name : builtinScenarioNames()) {
        if (ImGui::MenuItem(name.c_str())) loadScenarioInto(state_, name);
      }
      ImGui::EndMenu();
    }
    ImGui::Separator();
    if (ImGui::MenuItem("Quit", "Esc")) quit_ = true;
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("Mode")) {
    if (ImGui::MenuItem("Clinician", nullptr, state_.mode == ViewerMode::Clinician)) {
      state_.mode = ViewerMode::Clinician;
    }
    if (ImGui::MenuItem("Patient", nullptr, state_.mode == ViewerMode::Patient)) {
      state_.mode = ViewerMode::Patient;
    }
    ImGui::Separator();
    if (ImGui::MenuItem("Compare two protocols", "C", state_.compare.on)) toggleCompare(state_);
    if (const auto other = compareOther(state_);
        ImGui::MenuItem("Bring the other to front", "F", false, other.has_value())) {
      bringToFront(state_, *other);
    }
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("Help")) {
    ImGui::TextUnformatted("Space: play / pause");
    ImGui::TextUnformatted("Left / Right: previous / next key day");
    ImGui::TextUnformatted("C: compare two protocols; F: bring the other one to front");
    ImGui::TextUnformatted("Drag the skin: turn; Shift+drag: light; right-drag: pan; wheel: zoom");
    ImGui::TextUnformatted("Esc: close the About box, leave patient mode, or quit");
    ImGui::Separator();
    ImGui::Text("dermasim %s: a simulation for education, not a prediction.", dermasim::kVersion);
    if (ImGui::MenuItem("About dermasim and its known limits")) state_.aboutOpen = true;
    ImGui::EndMenu();
  }
  ImGui::TextColored(kSimulationLabel, "SIMULATION");
  if (!state_.notice.empty()) {
    ImGui::SameLine();
    if (state_.noticeIsError) {
      ImGui::TextColored(kNoticeError, "%s", state_.notice.c_str());
    } else {
      ImGui::TextDisabled("%s", state_.notice.c_str());
    }
  }
  ImGui::EndMainMenuBar();
}

void ViewerApp::clinicianLayout(ImVec2 origin, ImVec2 size) {
  const float left =
      std::clamp(size.x * 0.28f, ImGui::GetFontSize() * 20, ImGui::GetFontSize() * 28);
  // Compare mode's panel holds the table of differences beside its plots: a little taller.
  const float share = state_.compare.on ? 0.42f : 0.36f;
  const float bottom = std::clamp(size.y * share, ImGui::GetFontSize() * 14, size.y * 0.6f);
  placeWindow(origin, ImVec2(left, size.y));
  // Its settings scroll inside it, above the action bar, which must not scroll away.
  if (ImGui::Begin("Scenario", nullptr,
                   kPanel | ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse)) {
    drawScenarioPanel(state_);
  }
  ImGui::End();

  placeWindow(ImVec2(origin.x + left, origin.y + size.y - bottom), ImVec2(size.x - left, bottom));
  if (ImGui::Begin("Timeline", nullptr, kPanel | ImGuiWindowFlags_NoTitleBar)) {
    drawTimeline(state_, false);
    if (ImGui::BeginTabBar("lower")) {
      if (ImGui::BeginTabItem("Plots")) {
        drawPlots(state_);
        ImGui::EndTabItem();
      }
      if (ImGui::BeginTabItem("View")) {
        drawViewControls(state_);
        ImGui::EndTabItem();
      }
      if (ImGui::BeginTabItem("Export")) {
        drawExportPanel(state_, exporter_);
        ImGui::EndTabItem();
      }
      if (ImGui::BeginTabItem("Trainer")) {
        drawTrainerPanel(state_);
        ImGui::EndTabItem();
      }
      ImGui::EndTabBar();
    }
  }
  ImGui::End();

  skinMin_ = ImVec2(origin.x + left, origin.y);
  skinMax_ = ImVec2(origin.x + size.x, origin.y + size.y - bottom);
  placeWindow(skinMin_, ImVec2(skinMax_.x - skinMin_.x, skinMax_.y - skinMin_.y));
  compareShown_ = state_.compare.on;
  if (compareShown_ && !compare_) compare_ = std::make_unique<CompareView>();
  if (ImGui::Begin("##skin", nullptr, kBackdrop)) {
    if (compareShown_) {
      compare_->interact(state_, skinMin_, skinMax_);
    } else {
      interactWithSkin(state_, "skin", skinMin_, skinMax_);
    }
  }
  ImGui::End();
  if (compareShown_) compare_->labels(state_);

  // The view switch stays on the skin; the rest of its settings are in the View tab.
  const float pad = ImGui::GetFontSize() * 0.5f;
  // Bottom left: over skin in every view, clear of the captions and the section's legend.
  ImGui::SetNextWindowPos(ImVec2(skinMin_.x + pad, skinMax_.y - pad), ImGuiCond_Always,
                          ImVec2(0, 1));
  ImGui::SetNextWindowBgAlpha(0.75f);
  if (ImGui::Begin("##view-switch", nullptr,
                   ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                       ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoMove)) {
    drawViewSwitch(state_);
  }
  ImGui::End();
}

void ViewerApp::patientLayout(ImVec2 origin, ImVec2 size) {
  const float fontScale = fonts_.large != nullptr ? fonts_.large->FontSize : ImGui::GetFontSize();
  const float top = fontScale * 2.4f;
  const float bottom = fontScale * 8.2f;
  placeWindow(origin, ImVec2(size.x, top));
  if (ImGui::Begin("##patient-title", nullptr, kPanel | ImGuiWindowFlags_NoTitleBar)) {
    if (fonts_.large != nullptr) ImGui::PushFont(fonts_.large);
    const ScenarioSlot& slot = state_.slot();
    ImGui::Text("Your simulated skin: %s", slot.scenario.name.c_str());
    ImGui::SameLine(size.x - fontScale * 19.0f);
    if (ImGui::Button("About this simulation")) state_.aboutOpen = true;
    ImGui::SameLine();
    if (ImGui::Button("Clinician view")) state_.mode = ViewerMode::Clinician;
    if (fonts_.large != nullptr) ImGui::PopFont();
  }
  ImGui::End();

  compareShown_ = false;  // a patient sees one protocol: the one in front
  skinMin_ = ImVec2(origin.x, origin.y + top);
  skinMax_ = ImVec2(origin.x + size.x, origin.y + size.y - bottom);
  placeWindow(skinMin_, ImVec2(skinMax_.x - skinMin_.x, skinMax_.y - skinMin_.y));
  if (ImGui::Begin("##skin", nullptr, kBackdrop)) {
    interactWithSkin(state_, "skin", skinMin_, skinMax_);
  }
  ImGui::End();

  // Over the "after" half, below its day label: what the patient does on the day on show.
  if (const std::vector<std::string> aftercare = aftercareToday(state_); !aftercare.empty()) {
    ImGui::SetNextWindowPos(ImVec2(skinMax_.x - fontScale * 0.5f, skinMin_.y + fontScale * 2.2f),
                            ImGuiCond_Always, ImVec2(1, 0));
    ImGui::SetNextWindowSize(ImVec2(std::min(size.x * 0.4f, fontScale * 24.0f), 0.0f),
                             ImGuiCond_Always);
    ImGui::SetNextWindowBgAlpha(0.75f);
    if (ImGui::Begin("##aftercare", nullptr,
                     ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings |
                         ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoFocusOnAppearing)) {
      drawAftercareToday(aftercare);
    }
    ImGui::End();
  }

  placeWindow(ImVec2(origin.x, origin.y + size.y - bottom), ImVec2(size.x, bottom));
  if (ImGui::Begin("##patient-controls", nullptr, kPanel | ImGuiWindowFlags_NoTitleBar)) {
    drawPatientPanel(state_, fonts_);
    if (state_.busy()) drawRunProgress(state_);
  }
  ImGui::End();
}

void ViewerApp::update(double seconds) {
  pollWorker(state_);
  pollTrainer(state_);
  keyboard();
  state_.playback.advance(seconds, state_.lastDay());
  if (exporter_.busy()) exporter_.step(state_);

  if (fonts_.regular != nullptr) ImGui::PushFont(fonts_.regular);
  menuBar();
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  const ImVec2 origin = viewport->WorkPos;
  const ImVec2 size = viewport->WorkSize;
  if (state_.mode == ViewerMode::Patient) {
    patientLayout(origin, size);
  } else {
    clinicianLayout(origin, size);
  }
  // Last, so it opens over the panels.
  drawAboutWindow(state_, fonts_, origin, size);
  if (fonts_.regular != nullptr) ImGui::PopFont();
}

void ViewerApp::drawSkin(int framebufferWidth, int framebufferHeight) {
  const ImGuiIO& io = ImGui::GetIO();
  const float scale =
      io.DisplaySize.x > 0 ? static_cast<float>(framebufferWidth) / io.DisplaySize.x : 1.0f;
  const int x0 = static_cast<int>(std::lround(skinMin_.x * scale));
  const int x1 = static_cast<int>(std::lround(skinMax_.x * scale));
  const int yTop = static_cast<int>(std::lround(skinMin_.y * scale));
  const int yBottom = static_cast<int>(std::lround(skinMax_.y * scale));
  const render::Viewport area{x0, framebufferHeight - yBottom, x1 - x0, yBottom - yTop};
  if (compareShown_) {
    compare_->draw(state_, framebufferWidth, framebufferHeight, scale);
  } else {
    skin_->draw(state_, area, scale);
  }
}

}  // namespace dermasim::viewer
