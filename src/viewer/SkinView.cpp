#include "viewer/SkinView.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "render/Gl.hpp"
#include "viewer/ShownSkin.hpp"

namespace dermasim::viewer {

namespace {

constexpr float kDegreesPerPixel = 0.3f;
constexpr float kZoomPerWheelStep = 1.12f;
constexpr float kMinZoom = 0.3f, kMaxZoom = 12.0f;
constexpr float kMinElevationDeg = 5, kMaxElevationDeg = 89;
constexpr float kMinLightDeg = 2;
const ImU32 kNoSkinText = IM_COL32(220, 220, 220, 255);
const ImU32 kPreviewText = IM_COL32(255, 205, 100, 255);
const ImU32 kPreviewBox = IM_COL32(20, 20, 24, 215);
constexpr float kPlaybackResolution = 0.75f;

float wrapDegrees(float deg) { return std::remainder(deg, 360.0f); }

}  // namespace

SkinView::SkinView() = default;
SkinView::~SkinView() = default;

void SkinView::draw(const ViewerState& state, const render::Viewport& area, float uiScale) {
  draw(state, state.active, area, uiScale);
}

void SkinView::draw(const ViewerState& state, std::size_t slotIndex, const render::Viewport& area,
                    float uiScale) {
  if (area.width < 1 || area.height < 1) return;
  const double day = state.playback.day();
  const ShownSnapshots shown = shownSnapshots(state, slotIndex, day);
  if (shown.current == nullptr) {
    glEnable(GL_SCISSOR_TEST);
    glScissor(area.x, area.y, area.width, area.height);
    glClearColor(0.2f, 0.2f, 0.2f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    glDisable(GL_SCISSOR_TEST);
    return;
  }
  // While playing, a new day's skin is drawn every few frames: at a lower resolution it keeps
  // up with the frame rate on a software rasterizer; paused, it is drawn sharp again.
  const float resolution = state.playback.playing() ? kPlaybackResolution : 1.0f;
  const int width =
      std::max(1, static_cast<int>(std::lround(resolution * static_cast<float>(area.width))));
  const int height =
      std::max(1, static_cast<int>(std::lround(resolution * static_cast<float>(area.height))));
  const render::RenderOptions options = shownOptions(state, day, uiScale * resolution);
  const Drawn wanted{
      state.snapshotsVersion, shown.currentIndex, shown.beforeIndex, options, width, height};
  if (!image_ || image_->width() != width || image_->height() != height) {
    image_ = std::make_unique<render::OffscreenTarget>(width, height);
    drawn_.reset();
  }
  if (drawn_ != wanted) {
    uploads_.give(renderer_, state, shown, options.view == render::View::BeforeAfter);
    {
      const render::BindFramebuffer bind(image_->framebuffer());
      renderer_.draw({0, 0, width, height}, options);
    }
    drawn_ = wanted;
    ++redraws_;
  }
  image_->blitTo(area.x, area.y, area.width, area.height);
}

void drawPreviewBadge(const ViewerState& state, ImVec2 min, ImVec2 max) {
  const std::string label = previewLabel(state);
  if (label.empty()) return;
  // Top centre, on a dark box: over bright skin and dark section alike, and clear of the view's
  // own captions in the corners.
  const float pad = ImGui::GetFontSize() * 0.4f;
  const ImVec2 t = ImGui::CalcTextSize(label.c_str());
  const ImVec2 at((min.x + max.x - t.x) / 2, min.y + pad * 2);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(ImVec2(at.x - pad, at.y - pad), ImVec2(at.x + t.x + pad, at.y + t.y + pad),
                      kPreviewBox, pad);
  draw->AddText(at, kPreviewText, label.c_str());
}

void interactWithSkin(ViewerState& state, const char* id, ImVec2 min, ImVec2 max, bool status) {
  const ImVec2 size(std::max(1.0f, max.x - min.x), std::max(1.0f, max.y - min.y));
  ImGui::SetCursorScreenPos(min);
  ImGui::InvisibleButton(id, size,
                         ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight |
                             ImGuiButtonFlags_MouseButtonMiddle);
  const ImGuiIO& io = ImGui::GetIO();
  render::RenderOptions& v = state.view;
  const bool beforeAfter = state.mode == ViewerMode::Patient || v.view == render::View::BeforeAfter;
  if (status && state.slot().snapshots.empty()) {
    const char* text = state.busy() ? "Simulating..." : "No simulation yet: press Simulate";
    const ImVec2 t = ImGui::CalcTextSize(text);
    ImGui::GetWindowDrawList()->AddText(
        ImVec2(min.x + (size.x - t.x) / 2, min.y + (size.y - t.y) / 2), kNoSkinText, text);
  }
  if (status) drawPreviewBadge(state, min, max);
  if (ImGui::IsItemHovered() && io.MouseWheel != 0) {
    v.camera.zoom =
        std::clamp(v.camera.zoom * std::pow(kZoomPerWheelStep, io.MouseWheel), kMinZoom, kMaxZoom);
  }
  if (!ImGui::IsItemActive()) return;
  const ImVec2 d = io.MouseDelta;
  if (ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
    if (beforeAfter) {
      state.beforeAfterSplit = std::clamp((io.MousePos.x - min.x) / size.x, 0.0f, 1.0f);
    } else if (io.KeyShift) {
      v.light.azimuth_deg = wrapDegrees(v.light.azimuth_deg + d.x * kDegreesPerPixel);
      v.light.elevation_deg =
          std::clamp(v.light.elevation_deg - d.y * kDegreesPerPixel, kMinLightDeg, 90.0f);
    } else {
      v.camera.azimuth_deg = wrapDegrees(v.camera.azimuth_deg - d.x * kDegreesPerPixel);
      v.camera.elevation_deg = std::clamp(v.camera.elevation_deg + d.y * kDegreesPerPixel,
                                          kMinElevationDeg, kMaxElevationDeg);
    }
  } else if (ImGui::IsMouseDown(ImGuiMouseButton_Right) ||
             ImGui::IsMouseDown(ImGuiMouseButton_Middle)) {
    // The tiled patch spans the view's width at zoom 1: a pixel is that width over the zoom.
    const double patch = state.slot().scenario.model.patch_size_mm;
    const float mmPerPixel = static_cast<float>(patch * v.tiles) / (v.camera.zoom * size.x);
    const float a = v.camera.azimuth_deg * 3.14159265f / 180.0f;
    // Screen right and screen up (into the scene) on the skin's plane, for this azimuth.
    v.camera.pan_x_mm -= (std::cos(a) * d.x - std::sin(a) * d.y) * mmPerPixel;
    v.camera.pan_y_mm -= (std::sin(a) * d.x + std::cos(a) * d.y) * -mmPerPixel;
    const float limit = static_cast<float>(patch * v.tiles) / 2;
    v.camera.pan_x_mm = std::clamp(v.camera.pan_x_mm, -limit, limit);
    v.camera.pan_y_mm = std::clamp(v.camera.pan_y_mm, -limit, limit);
  }
}

}  // namespace dermasim::viewer
