#include "render/SectionPass.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "core/numerics/NumberText.hpp"
#include "render/Gl.hpp"
#include "render/GlUtil.hpp"
#include "render/SectionNeedle.hpp"
#include "render/SectionStyle.hpp"
#include "render/SurfaceMesh.hpp"
#include "render/UiMetrics.hpp"

namespace dermasim::render {

namespace {

// Air shown above the untreated surface level, and subcutis below the dermis, mm.
constexpr float kAirAboveMm = 0.2f;
constexpr float kSubcutisShownMm = 0.1f;
// The automatic width shows at least this much skin (or the whole patch if it is smaller).
constexpr float kMinAutoWidthMm = 2.5f;

void setRgb(GLuint program, const char* name, const Rgb& c) {
  glUniform3f(glGetUniformLocation(program, name), c[0], c[1], c[2]);
}

void configureTexture(GLenum wrapS) {
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, static_cast<GLint>(wrapS));
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
}

void upload(GLuint texture, GLint internalFormat, GLenum format, int width, int height,
            const std::vector<float>& data) {
  glBindTexture(GL_TEXTURE_2D, texture);
  GLint unpackAlignment = 4;
  glGetIntegerv(GL_UNPACK_ALIGNMENT, &unpackAlignment);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  glTexImage2D(GL_TEXTURE_2D, 0, internalFormat, width, height, 0, format, GL_FLOAT, data.data());
  glPixelStorei(GL_UNPACK_ALIGNMENT, unpackAlignment);
  // The patch is periodic across x; depth ends at the grid's top and bottom.
  configureTexture(GL_REPEAT);
}

void frame(Painter2D& painter, PixelRect r, float width, Colour4 colour) {
  const auto x = static_cast<float>(r.x), y = static_cast<float>(r.y);
  const auto w = static_cast<float>(r.width), h = static_cast<float>(r.height);
  painter.rect(x - width, y - width, w + 2 * width, width, colour);
  painter.rect(x - width, y + h, w + 2 * width, width, colour);
  painter.rect(x - width, y, width, h, colour);
  painter.rect(x + w, y, width, h, colour);
}

// "through the middle of the patch", or how far across it the section cuts.
std::string placeOf(const SectionGeometry& g) {
  if (g.through_middle) return "through the middle of the patch";
  return fixedNumber(static_cast<double>(g.section_y_mm + g.patch_mm / 2), 1) + " mm across the " +
         readableNumber(std::round(static_cast<double>(g.patch_mm) * 10) / 10) + " mm patch";
}

}  // namespace

SectionGeometry sectionGeometry(const SkinSnapshot& s, const SkinSection& section) {
  SectionGeometry g;
  g.patch_mm = static_cast<float>(s.dx_mm * s.nx);
  g.grid_depth_mm = static_cast<float>(s.dz_mm * s.nz);
  // The model thickens the epidermis without moving the grid's layers; draw its mean gain.
  const double gain = s.reading.epidermis_rel > 0 ? s.reading.epidermis_rel : 1.0;
  g.epidermis_mm = static_cast<float>(s.epidermis_mm * gain);
  g.papillary_bottom_mm = std::max(g.epidermis_mm, static_cast<float>(s.papillary_bottom_mm));
  g.dermis_bottom_mm = static_cast<float>(s.dermis_bottom_mm);
  g.section_y_mm = static_cast<float>((section.row + 0.5) * s.dx_mm) - g.patch_mm / 2;
  g.through_middle = section.row == s.ny / 2;
  g.day = s.day;
  g.needle = s.needle;
  const auto row = static_cast<std::size_t>(std::clamp(section.row, 0, s.ny - 1));
  for (int i = 0; i < s.nx; ++i) {
    const float h = s.height_mm[static_cast<std::size_t>(i) + static_cast<std::size_t>(s.nx) * row];
    g.deepest_mm = std::max(g.deepest_mm, -h);
  }
  return g;
}

SectionLayout layoutSection(const SectionGeometry& g, const RenderOptions& options, int width,
                            int height, int reservedBottom, Font& font) {
  SectionLayout l;
  const int usableHeight = std::max(1, height - reservedBottom);
  l.font_px = panelFontPx(width, usableHeight, options.ui_scale);
  const int fs = l.font_px;
  const int pad = std::max(4, fs * 4 / 5);
  l.z_top_mm = -kAirAboveMm;
  // Deep enough that the subcutis shows under the lowest scar too (in 0.1 mm steps, so days
  // with similar scars line up).
  l.z_bottom_mm = std::max(g.grid_depth_mm, g.dermis_bottom_mm) + kSubcutisShownMm +
                  std::ceil(g.deepest_mm * 10) / 10;
  // Deep enough for the needle's tip too: a long needle on thin skin must be seen in the fat.
  l.show_needle = options.needle_reach && g.needle.known;
  if (l.show_needle) {
    l.z_bottom_mm =
        std::max(l.z_bottom_mm, static_cast<float>(g.needle.depth_mm) + kSubcutisShownMm);
  }
  const float depthMm = l.z_bottom_mm - l.z_top_mm;

  // In small panels the picture comes first: the legend goes, then the title and scales.
  l.show_scales = options.captions;
  l.show_legend = options.captions;
  int left = 0, availableWidth = 0, availableHeight = 0, titleHeight = 0, barHeight = 0,
      legendHeight = 0;
  for (;;) {
    titleHeight = l.show_scales ? 2 * fs : 0;
    barHeight = l.show_scales ? 2 * fs : 0;
    left = pad + (l.show_scales ? fs * 16 / 5 : 0);
    availableWidth = std::max(8, width - left - pad);
    legendHeight = l.show_legend ? drawSectionLegend(nullptr, font, {left, 0, availableWidth, 0},
                                                     fs, options.overlay)
                                 : 0;
    availableHeight = std::max(8, usableHeight - 2 * pad - titleHeight - barHeight - legendHeight);
    const int wanted = std::min(usableHeight * 2 / 5, availableWidth * 3 / 10);
    if (availableHeight >= wanted) break;
    if (l.show_legend) {
      l.show_legend = false;
    } else if (l.show_scales) {
      l.show_scales = false;
    } else {
      break;
    }
  }

  float widthMm = options.section_width_mm > 0 ? options.section_width_mm
                                               : depthMm * static_cast<float>(availableWidth) /
                                                     static_cast<float>(availableHeight);
  if (options.section_width_mm <= 0) {
    widthMm = std::max(widthMm, std::min(kMinAutoWidthMm, g.patch_mm));
  }
  widthMm = std::min(widthMm, g.patch_mm);
  const float pxPerMm = std::min(static_cast<float>(availableWidth) / widthMm,
                                 static_cast<float>(availableHeight) / depthMm);
  l.image.width = std::max(1, static_cast<int>(std::lround(widthMm * pxPerMm)));
  l.image.height = std::max(1, static_cast<int>(std::lround(depthMm * pxPerMm)));
  const float shownMm = static_cast<float>(l.image.width) / pxPerMm;
  l.x_left_mm = g.patch_mm / 2 - shownMm / 2;
  l.x_right_mm = g.patch_mm / 2 + shownMm / 2;
  l.z_bottom_mm = l.z_top_mm + static_cast<float>(l.image.height) / pxPerMm;

  // The block of title, image, bar and legend, centred in the panel.
  const int block = titleHeight + l.image.height + barHeight + legendHeight;
  const int top = pad + std::max(0, (usableHeight - 2 * pad - block) / 2);
  l.image.x = left + (availableWidth - l.image.width) / 2;
  l.image.y = top + titleHeight;
  l.title_baseline = top + fs * 3 / 2;
  l.legend = {l.image.x, l.image.y + l.image.height + barHeight,
              std::max(availableWidth - (l.image.x - left), 8), legendHeight};
  return l;
}

SectionPass::SectionPass() : image_("section.frag.glsl") {
  glGenTextures(1, &fieldsA_);
  glGenTextures(1, &fieldsB_);
  glGenTextures(1, &height_);
  const ShaderProgram& program = image_.program();
  program.setUniform("u_fields_a", 0);
  program.setUniform("u_fields_b", 1);
  program.setUniform("u_height", 2);
  checkGlError("SectionPass: creating textures");
}

SectionPass::~SectionPass() {
  for (unsigned int* texture : {&fieldsA_, &fieldsB_, &height_}) {
    if (*texture != 0) glDeleteTextures(1, texture);
  }
}

void SectionPass::setSnapshot(const SkinSnapshot& s, const SkinSection& section) {
  checkSnapshot(s);
  const auto cells = static_cast<std::size_t>(s.nx) * static_cast<std::size_t>(s.nz);
  std::vector<float> a(4 * cells), b(2 * cells), heights(static_cast<std::size_t>(s.nx));
  for (std::size_t c = 0; c < cells; ++c) {
    a[4 * c] = section.collagen1[c];
    a[4 * c + 1] = section.collagen3[c];
    a[4 * c + 2] = section.elastin[c];
    a[4 * c + 3] = section.fibroblasts[c];
    b[2 * c] = section.injury[c];
    b[2 * c + 1] = section.lumen[c];
  }
  const int row = std::clamp(section.row, 0, s.ny - 1);
  for (int i = 0; i < s.nx; ++i) {
    heights[static_cast<std::size_t>(i)] =
        s.height_mm[static_cast<std::size_t>(i) + static_cast<std::size_t>(s.nx) * row];
  }
  upload(fieldsA_, GL_RGBA16F, GL_RGBA, s.nx, s.nz, a);
  upload(fieldsB_, GL_RG16F, GL_RG, s.nx, s.nz, b);
  upload(height_, GL_R32F, GL_RED, s.nx, 1, heights);
  glBindTexture(GL_TEXTURE_2D, 0);
  checkGlError("SectionPass: uploading the section");
  geometry_ = sectionGeometry(s, section);
  hasSnapshot_ = true;
}

void SectionPass::draw(Painter2D& painter, const RenderOptions& options, int x, int y, int width,
                       int height, int reservedBottom) const {
  if (!hasSnapshot_ || width < 8 || height < 8) return;
  const SectionLayout l =
      layoutSection(geometry_, options, width, height, reservedBottom, painter.font());

  // The image, in its own viewport so the fullscreen triangle covers exactly it.
  glViewport(x + l.image.x, y + height - l.image.y - l.image.height, l.image.width, l.image.height);
  const ShaderProgram& program = image_.program();
  program.use();
  const GLuint id = program.id();
  glUniform2f(glGetUniformLocation(id, "u_x_mm"), l.x_left_mm, l.x_right_mm);
  glUniform2f(glGetUniformLocation(id, "u_z_mm"), l.z_top_mm, l.z_bottom_mm);
  glUniform1f(glGetUniformLocation(id, "u_patch_mm"), geometry_.patch_mm);
  glUniform1f(glGetUniformLocation(id, "u_grid_depth_mm"), geometry_.grid_depth_mm);
  glUniform3f(glGetUniformLocation(id, "u_layer_depth_mm"), geometry_.epidermis_mm,
              geometry_.papillary_bottom_mm, geometry_.dermis_bottom_mm);
  setRgb(id, "u_tint_epidermis", SectionTints::kEpidermis);
  setRgb(id, "u_tint_papillary", SectionTints::kPapillary);
  setRgb(id, "u_tint_reticular", SectionTints::kReticular);
  setRgb(id, "u_tint_subcutis", SectionTints::kSubcutis);
  setRgb(id, "u_tint_track", SectionTints::kTrack);
  setRgb(id, "u_outline", SectionTints::kOutline);
  const std::vector<Stain> stains = stainsFor(options.overlay);
  const int mode = options.overlay == SectionOverlay::Collagen ? 2 : stains.empty() ? 0 : 1;
  glUniform1i(glGetUniformLocation(id, "u_mode"), mode);
  if (!stains.empty()) {
    glUniform1i(glGetUniformLocation(id, "u_stain_channel"), static_cast<int>(stains[0].field));
    glUniform1f(glGetUniformLocation(id, "u_stain_max"), stains[0].full_scale);
    setRgb(id, "u_stain_colour", stains[0].colour);
  }
  glUniform1f(glGetUniformLocation(id, "u_collagen_full"), CollagenMix::kTotalFullScale);
  glUniform1f(glGetUniformLocation(id, "u_share_full"), CollagenMix::kShareFullScale);
  glUniform3fv(glGetUniformLocation(id, "u_hues"), 4, CollagenMix::kHues[0].data());
  glUniform1f(glGetUniformLocation(id, "u_stain_opacity"), kStainOpacity);
  const unsigned int textures[] = {fieldsA_, fieldsB_, height_};
  for (int unit = 0; unit < 3; ++unit) {
    glActiveTexture(static_cast<GLenum>(GL_TEXTURE0 + unit));
    glBindTexture(GL_TEXTURE_2D, textures[unit]);
  }
  glEnable(GL_BLEND);
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  image_.draw();
  glDisable(GL_BLEND);
  glActiveTexture(GL_TEXTURE0);
  glViewport(x, y, width, height);

  painter.begin(width, height);
  frame(painter, l.image, hairline(l.font_px), kSectionInkSoft);
  const int fs = l.font_px;
  if (l.show_scales) {
    const std::string day = formatDay(geometry_.day);
    std::string title = "Section " + placeOf(geometry_) + ", day " + day;
    if (painter.textWidth(title, fs) > static_cast<float>(width - l.image.x)) {
      title = "Section, day " + day;
    }
    painter.text(static_cast<float>(l.image.x), static_cast<float>(l.title_baseline), title, fs,
                 kSectionInk);
    drawDepthScale(painter, l.image, l.z_top_mm, l.z_bottom_mm, fs);
    drawLengthBar(painter, l.image,
                  (l.x_right_mm - l.x_left_mm) / static_cast<float>(l.image.width), fs);
  }
  if (l.show_needle) drawNeedleReach(painter, l, geometry_);
  if (l.show_legend) drawSectionLegend(&painter, painter.font(), l.legend, fs, options.overlay);
  painter.end();
  checkGlError("SectionPass::draw");
}

}  // namespace dermasim::render
