#include "render/SkinRenderer.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>
#include <string>

#include "core/numerics/NumberText.hpp"
#include "render/CaptionBox.hpp"
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
constexpr Colour4 kSplitLine{0.97f, 0.97f, 0.97f, 0.95f};
constexpr Colour4 kCaptionBox{0.06f, 0.06f, 0.08f, 0.72f};
constexpr Colour4 kHandle{0.97f, 0.97f, 0.97f, 1.0f};
constexpr Colour4 kHandleRing{0.0f, 0.0f, 0.0f, 0.4f};
constexpr Colour4 kHandleArrow{0.3f, 0.3f, 0.33f, 1.0f};

// Mesh cells narrower than this many pixels add triangles (costly for a software rasterizer)
// but no visible detail: shading comes from full-resolution maps either way.
constexpr double kMinMeshCellPixels = 8;

// Grazing if the light is this low, in degrees.
constexpr float kGrazingBelowDeg = 25.0f;

}  // namespace

struct SkinRenderer::Impl {
  Font font;
  Painter2D painter{font};
  FullscreenPass background{"background.frag.glsl"};
  SurfacePass surface, beforeSurface;
  SectionPass section;
  std::optional<SkinSnapshot> snapshot, before;
  // Of the uploaded meshes; -1 = none yet.
  float meshExaggeration = -1, beforeMeshExaggeration = -1;
  int sectionRow = -1;  // of the uploaded section

  void drawBackground(const std::array<float, 3>& top, const std::array<float, 3>& bottom) {
    background.program().setUniform("u_top", top);
    background.program().setUniform("u_bottom", bottom);
    background.draw();
  }

  // The surface of the current snapshot (or of the before snapshot) drawn for viewport `v` but
  // only inside `clip`, so the two halves of the before/after view share one camera.
  void drawSurface(const Viewport& v, const Viewport& clip, const RenderOptions& options,
                   const SectionCut& cut, bool ofBefore) {
    glViewport(v.x, v.y, v.width, v.height);
    glScissor(clip.x, clip.y, clip.width, clip.height);
    drawBackground(kSurfaceTop, kSurfaceBottom);
    const std::optional<SkinSnapshot>& shown = ofBefore ? before : snapshot;
    if (!shown) return;
    SurfacePass& pass = ofBefore ? beforeSurface : surface;
    float& exaggeration = ofBefore ? beforeMeshExaggeration : meshExaggeration;
    // At zoom 1 the tiled patch spans about the view's width.
    const double columnPixels = static_cast<double>(v.width) *
                                static_cast<double>(std::max(options.camera.zoom, 0.05f)) /
                                (std::max(options.tiles, 1) * shown->nx);
    const int stride = meshStride(shown->nx, shown->ny, columnPixels, kMinMeshCellPixels);
    if (exaggeration != options.relief_exaggeration || pass.stride() != stride) {
      pass.setMesh(buildSurfaceMesh(*shown, options.relief_exaggeration, stride));
      exaggeration = options.relief_exaggeration;
    }
    const float aspect = static_cast<float>(v.width) / static_cast<float>(v.height);
    pass.draw(options, aspect, cut);
  }

  // Text with a soft shadow, so it reads on light and dark skin alike.
  void shadowedText(float x, float baseline, const std::string& text, int fs, Colour4 colour) {
    const float shadow = hairline(fs);
    painter.text(x + shadow, baseline + shadow, text, fs, kCaptionShadow);
    painter.text(x, baseline, text, fs, colour);
  }

  void drawSurfacePanel(const Viewport& v, const RenderOptions& options, const SectionCut& cut) {
    drawSurface(v, v, options, cut, false);
    if (!snapshot || !options.captions) return;

    const int fs = panelFontPx(v.width, v.height, options.ui_scale);
    const bool fancy = font.isTrueType();  // the bitmap font is ASCII only
    std::string caption = "Day " + formatDay(snapshot->day) + (fancy ? "  \xC2\xB7  " : ", ") +
                          "relief " + (fancy ? "\xC3\x97" : "x");
    caption += readableNumber(static_cast<double>(options.relief_exaggeration));
    caption += fancy ? "  \xC2\xB7  " : ", ";
    caption += options.light.elevation_deg < kGrazingBelowDeg ? "grazing light" : "overhead light";
    painter.begin(v.width, v.height);
    shadowedText(static_cast<float>(fs), static_cast<float>(fs) * 2.0f, caption, fs, kCaption);
    painter.end();
  }

  // Before on the left of the split line, the day shown on the right, labelled in large type.
  void drawBeforeAfter(const Viewport& v, const RenderOptions& options) {
    if (!before) {
      drawSurfacePanel(v, options, {});
      return;
    }
    const int splitX = static_cast<int>(
        std::lround(std::clamp(options.split, 0.0f, 1.0f) * static_cast<float>(v.width)));
    if (splitX > 0) drawSurface(v, {v.x, v.y, splitX, v.height}, options, {}, true);
    if (splitX < v.width) {
      drawSurface(v, {v.x + splitX, v.y, v.width - splitX, v.height}, options, {}, false);
    }
    glViewport(v.x, v.y, v.width, v.height);
    glScissor(v.x, v.y, v.width, v.height);
    const int fs = labelFontPx(v, options);
    const float line = 2 * hairline(fs);
    const auto x = static_cast<float>(splitX);
    painter.begin(v.width, v.height);
    painter.rect(x - line / 2, 0, line, static_cast<float>(v.height), kSplitLine);
    // A round handle in the middle of the line, ringed so it shows on pale skin too, with
    // arrows saying it moves sideways.
    const float radius = 0.8f * static_cast<float>(fs);
    const float cy = 0.5f * static_cast<float>(v.height);
    painter.disc(x, cy, radius + line, kHandleRing);
    painter.disc(x, cy, radius, kHandle);
    const float tip = 0.62f * radius, back = 0.18f * radius, half = 0.3f * radius;
    painter.triangle(x - tip, cy, x - back, cy - half, x - back, cy + half, kHandleArrow);
    painter.triangle(x + tip, cy, x + back, cy + half, x + back, cy - half, kHandleArrow);
    const float baseline = 1.6f * static_cast<float>(fs);
    const float margin = 0.6f * static_cast<float>(fs);
    if (options.captions) {
      // Any day can be the "before" (session 2 against session 4): named by its day then.
      const std::string first =
          before->day > 1e-6 ? "Day " + formatDay(before->day) : std::string("Before");
      shadowedText(margin, baseline, first, fs, kCaption);
      const std::string after = snapshot ? "Day " + formatDay(snapshot->day) : "After";
      shadowedText(static_cast<float>(v.width) - margin - font.width(after, fs), baseline, after,
                   fs, kCaption);
    }
    painter.end();
  }

  // Large type for patient mode: 1.6 times the panel's text size.
  static int labelFontPx(const Viewport& v, const RenderOptions& options) {
    return static_cast<int>(std::lround(1.6 * panelFontPx(v.width, v.height, options.ui_scale)));
  }

  CaptionBox placeCaption(const Viewport& v, const RenderOptions& options) {
    const int bandTop = placeWatermark(v.width, v.height, options.ui_scale).box.y;
    return placeCaptionBox(font, options.caption, v.width, v.height, bandTop, options.ui_scale);
  }

  void drawCaption(const Viewport& v, const RenderOptions& options) {
    const CaptionBox c = placeCaption(v, options);
    if (c.lines.empty()) return;
    glViewport(v.x, v.y, v.width, v.height);
    glScissor(v.x, v.y, v.width, v.height);
    const int fs = c.font_px;
    painter.begin(v.width, v.height);
    painter.rect(static_cast<float>(c.box.x), static_cast<float>(c.box.y),
                 static_cast<float>(c.box.width), static_cast<float>(c.box.height), kCaptionBox);
    float baseline = static_cast<float>(c.box.y + c.padding) + 0.8f * static_cast<float>(fs);
    for (const std::string& line : c.lines) {
      const float w = font.width(line, fs);
      painter.text(static_cast<float>(c.box.x) + 0.5f * (static_cast<float>(c.box.width) - w),
                   baseline, line, fs, kWatermarkInk);
      baseline += static_cast<float>(c.line_height);
    }
    painter.end();
  }

  // Uploads the section nearest to the wanted position when it is not the one uploaded.
  void chooseSection(const RenderOptions& options) {
    if (!snapshot) return;
    const SkinSection& wanted = snapshot->sectionNear(options.section_position);
    if (wanted.row == sectionRow) return;
    section.setSnapshot(*snapshot, wanted);
    sectionRow = wanted.row;
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
  // without it differ only inside it; and the caption's box, so it hides no part of the section.
  int reservedBelowSection(const Viewport& v, const RenderOptions& options) {
    const PixelRect box = placeWatermark(v.width, v.height, options.ui_scale).box;
    int reserved = v.height - box.y + box.height / 3;
    const CaptionBox caption = placeCaption(v, options);
    if (!caption.lines.empty()) {
      reserved = std::max(reserved, v.height - caption.box.y + caption.font_px / 3);
    }
    return reserved;
  }
};

SkinRenderer::SkinRenderer() : impl_(std::make_unique<Impl>()) {}
SkinRenderer::~SkinRenderer() = default;

void SkinRenderer::setSnapshot(const SkinSnapshot& snapshot) {
  checkSnapshot(snapshot);
  impl_->snapshot = snapshot;
  impl_->meshExaggeration = -1;
  const SkinSection& middle = snapshot.sectionNear(0.5);
  impl_->section.setSnapshot(snapshot, middle);
  impl_->sectionRow = middle.row;
}

void SkinRenderer::setBeforeSnapshot(const SkinSnapshot& snapshot) {
  checkSnapshot(snapshot);
  impl_->before = snapshot;
  impl_->beforeMeshExaggeration = -1;
}

bool SkinRenderer::hasBeforeSnapshot() const { return impl_->before.has_value(); }

bool SkinRenderer::hasSnapshot() const { return impl_->snapshot.has_value(); }

void SkinRenderer::draw(const Viewport& viewport, const RenderOptions& options) {
  if (viewport.width < 1 || viewport.height < 1) return;
  Impl& r = *impl_;
  glEnable(GL_SCISSOR_TEST);
  glDisable(GL_CULL_FACE);
  // The shaders write gamma-encoded sRGB themselves.
  glDisable(GL_FRAMEBUFFER_SRGB);
  const int reserved = r.reservedBelowSection(viewport, options);
  r.chooseSection(options);
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
    case View::BeforeAfter:
      r.drawBeforeAfter(viewport, options);
      break;
  }
  r.drawCaption(viewport, options);
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

PixelRect SkinRenderer::captionRect(int width, int height, const RenderOptions& options) {
  return impl_->placeCaption({0, 0, width, height}, options).box;
}

SectionLayout SkinRenderer::sectionLayout(int width, int height, const RenderOptions& options) {
  impl_->chooseSection(options);
  const int reserved = impl_->reservedBelowSection({0, 0, width, height}, options);
  const int left = options.view == View::Split ? width / 2 : 0;
  SectionLayout l = layoutSection(impl_->section.geometry(), options, width - left, height,
                                  reserved, impl_->font);
  l.image.x += left;
  l.legend.x += left;
  return l;
}

float SkinRenderer::mmPerPixel(int width, int height, const RenderOptions& options) {
  const std::optional<SkinSnapshot>& shot = impl_->snapshot;
  if (!shot || width < 1 || height < 1) return 0;
  if (options.view == View::Section || options.view == View::Split) {
    const SectionLayout l = sectionLayout(width, height, options);
    return (l.x_right_mm - l.x_left_mm) / static_cast<float>(std::max(l.image.width, 1));
  }
  // One millimetre across the screen at the orbited point, projected as the surface pass does.
  const float patchMm = static_cast<float>(shot->dx_mm * shot->nx);
  const float aspect = static_cast<float>(width) / static_cast<float>(height);
  const Mat4 m = SurfacePass::viewProjection(options.camera, aspect, patchMm, options.tiles);
  const float az = radians(options.camera.azimuth_deg);
  const auto project = [&](Vec3 p) {
    const float x = m[0] * p.x + m[4] * p.y + m[8] * p.z + m[12];
    const float w = m[3] * p.x + m[7] * p.y + m[11] * p.z + m[15];
    return 0.5f * (x / w + 1.0f) * static_cast<float>(width);
  };
  const Vec3 centre{options.camera.pan_x_mm, options.camera.pan_y_mm, 0};
  const Vec3 right{std::cos(az), std::sin(az), 0};
  const float pixels = std::abs(project(centre + right) - project(centre));
  return pixels > 0 ? 1.0f / pixels : 0.0f;
}

ExportBand SkinRenderer::drawAnnotated(const Viewport& viewport, const RenderOptions& options,
                                       const std::string& scenarioName) {
  Impl& r = *impl_;
  if (!r.snapshot) {
    draw(viewport, options);
    return {};
  }
  const int bandHeight = std::min(
      exportBandHeight(viewport.width, viewport.height, options.ui_scale), viewport.height / 2);
  // The view above the band, which keeps its own pixels (OpenGL's y is up).
  const Viewport view{viewport.x, viewport.y + bandHeight, viewport.width,
                      viewport.height - bandHeight};
  draw(view, options);
  const ExportFacts facts = exportFacts(scenarioName, *r.snapshot, options, r.font.isTrueType());
  const ExportBand band =
      layoutExportBand(r.font, facts, viewport.width, viewport.height, options.ui_scale,
                       mmPerPixel(view.width, view.height, options));
  glEnable(GL_SCISSOR_TEST);
  glViewport(viewport.x, viewport.y, viewport.width, viewport.height);
  glScissor(viewport.x, viewport.y, viewport.width, viewport.height);
  r.painter.begin(viewport.width, viewport.height);
  drawExportBand(r.painter, band);
  r.painter.end();
  glDisable(GL_SCISSOR_TEST);
  glDisable(GL_BLEND);
  checkGlError("SkinRenderer::drawAnnotated");
  return band;
}

std::string SkinRenderer::fontName() const { return impl_->font.name(); }

}  // namespace dermasim::render
