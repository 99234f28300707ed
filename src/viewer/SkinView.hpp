#pragma once
// The skin area of the window: draws what ShownSkin says through the shared SkinRenderer, into a
// cached offscreen image that is redrawn only when the day's snapshot, the options or the size
// change (so playback between snapshots and idle frames cost a copy), and turns mouse drags on
// the area into camera, light and before/after moves.

#include <imgui.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <utility>

#include "render/OffscreenTarget.hpp"
#include "render/RenderOptions.hpp"
#include "render/SkinRenderer.hpp"
#include "viewer/ShownSkin.hpp"
#include "viewer/ViewerState.hpp"

namespace dermasim::viewer {

class SkinView {
 public:
  SkinView();  // needs a current OpenGL 3.3 core context
  ~SkinView();

  // Draws the state's skin for its current day into `area` of the framebuffer bound for drawing
  // (pixels, bottom-left origin). `uiScale`: text size factor (the window's content scale).
  void draw(const ViewerState& state, const render::Viewport& area, float uiScale);
  // The same for slot `slotIndex` (compare mode: one SkinView for each side).
  void draw(const ViewerState& state, std::size_t slotIndex, const render::Viewport& area,
            float uiScale);
  // How many times the skin image was redrawn (not just copied): for the benchmark and tests.
  std::uint64_t redraws() const { return redraws_; }

 private:
  render::SkinRenderer renderer_;
  std::unique_ptr<render::OffscreenTarget> image_;
  struct Drawn {
    std::uint64_t version;
    std::size_t index, beforeIndex;
    render::RenderOptions options;
    int width, height;
    bool operator==(const Drawn&) const = default;
  };
  std::optional<Drawn> drawn_;
  SnapshotUploads uploads_;
  std::uint64_t redraws_ = 0;
};

// Mouse on the skin area (an ImGui item covering it is made here): left-drag turns the camera,
// shift+left-drag moves the light, right- or middle-drag pans, the wheel zooms; in the before/after
// view a left-drag moves the split line instead.
// `status`: the "Simulating..." text and preview badge of the slot on show (compare mode's labels
// say each side's instead).
void interactWithSkin(ViewerState& state, const char* id, ImVec2 min, ImVec2 max,
                      bool status = true);
// previewLabel() in a box at the top of the skin area while a preview is on show, so a coarse
// skin is never taken for the result.
void drawPreviewBadge(const ViewerState& state, ImVec2 min, ImVec2 max);

}  // namespace dermasim::viewer
