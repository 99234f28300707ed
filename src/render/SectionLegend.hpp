#pragma once
// The section view's legend (layer swatches, one colour bar per stain, with their units) and
// its scales (depth in mm at the left, a millimetre bar below), drawn with Painter2D.
#include "render/Font.hpp"
#include "render/Painter2D.hpp"
#include "render/RenderOptions.hpp"

namespace dermasim::render {

struct PixelRect {
  int x = 0, y = 0, width = 0, height = 0;  // (x, y) is the top left, y down
};

// Draws the legend for `overlay` from the top of `area` (full width, height unused) and returns
// the height it takes. With `painter` null it only measures.
int drawSectionLegend(Painter2D* painter, Font& font, PixelRect area, int fontPx,
                      SectionOverlay overlay);

// Depth ticks and labels in the strip left of `image`, which shows depths zTopMm..zBottomMm.
void drawDepthScale(Painter2D& painter, PixelRect image, float zTopMm, float zBottomMm, int fontPx);

// A bar of a round length in mm under the right end of `image`, which is `mmPerPixel` fine.
void drawLengthBar(Painter2D& painter, PixelRect image, float mmPerPixel, int fontPx);

// Colours for text and lines on the section's light background.
inline constexpr Colour4 kSectionInk{0.13f, 0.13f, 0.15f, 1.0f};
inline constexpr Colour4 kSectionInkSoft{0.35f, 0.35f, 0.38f, 1.0f};

}  // namespace dermasim::render
