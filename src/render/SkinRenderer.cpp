#include "render/SkinRenderer.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <optional>
#include <string>

#include "render/Font.hpp"
#include "render/FullscreenPass.hpp"
#include "render/Gl.hpp"
#include "render/GlUtil.hpp"
#include "render/Painter2D.hpp"
#include "render/SurfaceMesh.hpp"
#include "render/SurfacePass.hpp"
#include "render/UiMetrics.hpp"

namespace dermasim::render {

namespace {

// Neutral greys (a* = b* = 0), so nothing around the skin shifts how its colour reads.
constexpr std::array<float, 3> kSurfaceTop{0.36f, 0.36f, 0.36f};
constexpr std::array<float, 3> kSurfaceBottom{0.15f, 0.15f, 0.15f};
// The section is a diagram: a light page, like a slide.
constexpr std::array<float, 3> kSectionTop{0.97f, 0.97f, 0.97f};
constexpr std::array<float, 3> kSectionBottom{0.92f, 0.92f, 0.92f};

constexpr Colour4 kCaption{0.96f, 0.96f, 0.96f, 1.0f};
constexpr Colour4 kCaptionShadow{0.0f, 0.0f, 0.0f, 0.7f};
constexpr Colour4 kWatermarkBox{0.06f, 0.06f, 0.08f, 0.62f};
constexpr Colour4 kWatermarkInk{1.0f, 1.0f, 1.0f, 0.97f};
constexpr Colour4 kDivider{0.05f, 0.05f, 0.05f, 1.0f};

// Grazing if the light is this low, in degrees.
constexpr float kGrazingBelowDeg = 25.0f;

}  // namespace

struct SkinRenderer::Impl {
  Font font;
  Painter2D painter{font};
  FullscreenPass background{"background.frag.glsl"};
  SurfacePass surface;
  SectionPass section;
  std::optional<SkinSnapshot> snapshot;
  float meshExaggeration = -1;  // of the uploaded mesh; -1 = none yet

  void drawBackground(const std::array<float, 3>& top, const std::array<float, 3>& bottom) {
    background.program().setUniform("u_top", top);
    background.program().setUniform("u_bottom", bottom);
    background.draw();
  }

  void drawSurfacePanel(const Viewport& v, const RenderOptions& options, const SectionCut& cut) {
    glViewport(v.x, v.y, v.width, v.height);
    glScissor(v.x, v.y, v.width, v.height);
    drawBackground(kSurfaceTop, kSurfaceBottom);
    if (!snapshot) return;
    if (meshExaggeration != options.relief_exaggeration) {
      surface.setMesh(buildSurfaceMesh(*snapshot, options.relief_exaggeration));
      meshExaggeration = options.relief_exaggeration;
    }
    const float aspect = static_cast<float>(v.width) / static_cast<float>(v.height);
    surface.draw(options, aspect, cut);
    if (!options.captions) return;

    const int fs = panelFontPx(v.width, v.height, options.ui_scale);
    const bool fancy = font.isTrueType();  // the bitmap font is ASCII only
    std::string caption = "Day " + formatDay(snapshot->day) + (fancy ? "  \xC2\xB7  " : ", ") +
                          "relief " + (fancy ? "\xC3\x97" : "x");
    char factor[16];
    std::snprintf(factor, sizeof factor, "%g", static_cast<double>(options.relief_exaggeration));
    caption += factor;
    caption += fancy ? "  \xC2\xB7  " : ", ";
    caption += options.light.elevation_deg < kGrazingBelowDeg ? "grazing light" : "overhead light";
    const float x = static_cast<float>(fs);
    const float baseline = static_cast<float>(fs) * 2.0f;
    painter.begin(v.width, v.height);
    const float shadow = hairline(fs);
    painter.text(x + shadow, baseline + shadow, caption, fs, kCaptionShadow);
    painter.text(x, baseline, caption, fs, kCaption);
    painter.end();
  }

  void drawSectionPanel(const Viewport& v, const RenderOptions& options, int reservedBottom) {
    glViewport(v.x, v.y, v.width, v.height);
    glScissor(v.x, v.y, v.width, v.height);
    drawBackground(kSectionTop, kSectionBottom);
    section.draw(painter, options, v.x, v.y, v.width, v.height, reservedBottom);
  }

  // Font size, box and text position of the watermark in a width x height viewport.
  struct WatermarkPlacement {
    int font_px;
    PixelRect box;
    float text_x, baseline;
  };

  WatermarkPlacement placeWatermark(int width, int height, float uiScale) {
    const float scale = std::max(uiScale, 0.25f);
    int fs = static_cast<int>(std::lround(
        std::clamp(std::round(static_cast<float>(height) * 0.03f / scale), 9.0f, 28.0f) * scale));
    float textWidth = font.width(kWatermarkText, fs);
    while (fs > 6 &&
           textWidth + 1.6f * static_cast<float>(fs) > 0.96f * static_cast<float>(width)) {
      --fs;
      textWidth = font.width(kWatermarkText, fs);
    }
    const int padX = fs * 4 / 5;
    const int boxHeight = fs * 17 / 10;
    const int margin = std::max(static_cast<int>(std::lround(3 * scale)),
                                static_cast<int>(std::lround(height * 0.015)));
    WatermarkPlacement p;
    p.font_px = fs;
    p.box.width = static_cast<int>(std::ceil(textWidth)) + 2 * padX;
    p.box.height = boxHeight;
    p.box.x = (width - p.box.width) / 2;
    p.box.y = height - margin - boxHeight;
    p.text_x = static_cast<float>(p.box.x + padX);
    p.baseline = static_cast<float>(p.box.y) + 0.5f * static_cast<float>(boxHeight) +
                 0.36f * static_cast<float>(fs);
    return p;
  }

  void drawWatermark(const Viewport& v, const RenderOptions& options) {
    const WatermarkPlacement p = placeWatermark(v.width, v.height, options.ui_scale);
    glViewport(v.x, v.y, v.width, v.height);
    glScissor(v.x, v.y, v.width, v.height);
    painter.begin(v.width, v.height);
    painter.rect(static_cast<float>(p.box.x), static_cast<float>(p.box.y),
                 static_cast<float>(p.box.width), static_cast<float>(p.box.height), kWatermarkBox);
    painter.text(p.text_x, p.baseline, kWatermarkText, p.font_px, kWatermarkInk);
    painter.end();
  }

  // The section keeps the watermark's band free whether or not it is drawn, so images with and
  // without it differ only inside it.
  int reservedForWatermark(const Viewport& v, const RenderOptions& options) {
    const PixelRect box = placeWatermark(v.width, v.height, options.ui_scale).box;
    return v.height - box.y + box.height / 3;
  }
};

SkinRenderer::SkinRenderer() : impl_(std::make_unique<Impl>()) {}
SkinRenderer::~SkinRenderer() = default;

void SkinRenderer::setSnapshot(const SkinSnapshot& snapshot) {
  checkSnapshot(snapshot);
  impl_->section.setSnapshot(snapshot);
  impl_->snapshot = snapshot;
  impl_->meshExaggeration = -1;
}

bool SkinRenderer::hasSnapshot() const { return impl_->snapshot.has_value(); }

void SkinRenderer::draw(const Viewport& viewport, const RenderOptions& options) {
  if (viewport.width < 1 || viewport.height < 1) return;
  Impl& r = *impl_;
  glEnable(GL_SCISSOR_TEST);
  glDisable(GL_CULL_FACE);
  // The shaders write gamma-encoded sRGB themselves.
  glDisable(GL_FRAMEBUFFER_SRGB);
  const int reserved = r.reservedForWatermark(viewport, options);
  switch (options.view) {
    case View::Surface:
      r.drawSurfacePanel(viewport, options, {});
      break;
    case View::Section:
      r.drawSectionPanel(viewport, options, reserved);
      break;
    case View::Split: {
      const int leftWidth = viewport.width / 2;
      const SectionLayout l = sectionLayout(viewport.width, viewport.height, options);
      const SectionGeometry& g = r.section.geometry();
      const SectionCut cut{g.section_y_mm, l.x_left_mm - g.patch_mm / 2,
                           l.x_right_mm - g.patch_mm / 2};
      r.drawSurfacePanel({viewport.x, viewport.y, leftWidth, viewport.height}, options, cut);
      r.drawSectionPanel(
          {viewport.x + leftWidth, viewport.y, viewport.width - leftWidth, viewport.height},
          options, reserved);
      glViewport(viewport.x, viewport.y, viewport.width, viewport.height);
      glScissor(viewport.x, viewport.y, viewport.width, viewport.height);
      r.painter.begin(viewport.width, viewport.height);
      const float width =
          2 * hairline(panelFontPx(viewport.width, viewport.height, options.ui_scale));
      r.painter.rect(static_cast<float>(leftWidth) - width / 2, 0, width,
                     static_cast<float>(viewport.height), kDivider);
      r.painter.end();
      break;
    }
  }
  if (options.watermark) r.drawWatermark(viewport, options);
  glDisable(GL_SCISSOR_TEST);
  glDisable(GL_BLEND);
  glDisable(GL_DEPTH_TEST);
  glViewport(viewport.x, viewport.y, viewport.width, viewport.height);
  glUseProgram(0);
  glBindTexture(GL_TEXTURE_2D, 0);
  checkGlError("SkinRenderer::draw");
}

PixelRect SkinRenderer::watermarkRect(int width, int height, const RenderOptions& options) {
  return impl_->placeWatermark(width, height, options.ui_scale).box;
}

SectionLayout SkinRenderer::sectionLayout(int width, int height, const RenderOptions& options) {
  const int reserved = impl_->reservedForWatermark({0, 0, width, height}, options);
  const int left = options.view == View::Split ? width / 2 : 0;
  SectionLayout l = layoutSection(impl_->section.geometry(), options, width - left, height,
                                  reserved, impl_->font);
  l.image.x += left;
  l.legend.x += left;
  return l;
}

std::string SkinRenderer::fontName() const { return impl_->font.name(); }

}  // namespace dermasim::render
