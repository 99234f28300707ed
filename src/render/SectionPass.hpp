#pragma once
// The section view: the vertical slice of a snapshot drawn as a stained-slide diagram at true
// scale (depth down), with a title, a depth scale in mm, a millimetre bar and a legend. Needs a
// current OpenGL 3.3 core context.
#include <string>

#include "core/readout/SkinSnapshot.hpp"
#include "render/FullscreenPass.hpp"
#include "render/Painter2D.hpp"
#include "render/RenderOptions.hpp"
#include "render/SectionLegend.hpp"

namespace dermasim::render {

// What the section's layout needs from a snapshot.
struct SectionGeometry {
  float patch_mm = 5;
  float grid_depth_mm = 1.3f;
  float epidermis_mm = 0.06f;  // as drawn: the baseline thickness times its mean gain
  float papillary_bottom_mm = 0.36f;
  float dermis_bottom_mm = 1.26f;
  float section_y_mm = 0;      // where the section cuts, from the patch's centre
  bool through_middle = true;  // through the middle row, as a single section is
  float deepest_mm = 0;        // the lowest point of the surface along the section, below level
  double day = 0;
  NeedleReach needle;  // the session's needles, drawn as the needle's reach (SectionNeedle.hpp)
};

SectionGeometry sectionGeometry(const SkinSnapshot& snapshot, const SkinSection& section);

struct SectionLayout {
  int font_px = 12;
  PixelRect image;                      // within the panel, (0, 0) at its top left
  float x_left_mm = 0, x_right_mm = 0;  // patch x at the image's edges
  float z_top_mm = 0, z_bottom_mm = 0;  // depth at its top and bottom edges, down positive
  int title_baseline = 0;
  PixelRect legend;
  bool show_needle = false;  // options.needle_reach, with a session to draw
  // Small panels leave out the legend, then the title and scales (options.captions off: both).
  bool show_legend = true, show_scales = true;
};

// Where everything goes in a `width` x `height` panel; the bottom `reservedBottom` pixels are
// left free (for the watermark).
SectionLayout layoutSection(const SectionGeometry& geometry, const RenderOptions& options,
                            int width, int height, int reservedBottom, Font& font);

class SectionPass {
 public:
  SectionPass();
  ~SectionPass();
  SectionPass(const SectionPass&) = delete;
  SectionPass& operator=(const SectionPass&) = delete;

  // Uploads `section`, one of `snapshot`'s sections.
  void setSnapshot(const SkinSnapshot& snapshot, const SkinSection& section);
  bool hasSnapshot() const { return hasSnapshot_; }
  const SectionGeometry& geometry() const { return geometry_; }

  // Draws the panel whose viewport is (x, y, width, height) in framebuffer pixels (OpenGL's y
  // up). Leaves that viewport set.
  void draw(Painter2D& painter, const RenderOptions& options, int x, int y, int width, int height,
            int reservedBottom) const;

 private:
  FullscreenPass image_;
  unsigned int fieldsA_ = 0, fieldsB_ = 0, height_ = 0;
  SectionGeometry geometry_;
  bool hasSnapshot_ = false;
};

}  // namespace dermasim::render
