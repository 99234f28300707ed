#pragma once
// The band at the foot of every exported image (the viewer's PNG and video frames, `dermasim
// render`) that says what the picture is: the scenario, the device and its needle depth, the
// day, the relief exaggeration when the view exaggerates it, and a scale bar in mm. An image
// passed on without its scenario file still explains itself. Layout here; SkinRenderer draws it
// (SkinRenderer::drawAnnotated) under the view, which it shrinks to make room.
//
//   ExportBand band = layoutExportBand(font, exportFacts("Acne scars", snapshot, options, true),
//                                      1280, 800, 1.0f, mmPerPixel);
//   drawExportBand(painter, band);  // painter begun over the whole 1280 x 800 image
#include <string>

#include "core/readout/SkinSnapshot.hpp"
#include "render/Font.hpp"
#include "render/Painter2D.hpp"
#include "render/RenderOptions.hpp"
#include "render/SectionLegend.hpp"

namespace dermasim::render {

// What the band says, as text.
struct ExportFacts {
  std::string title;    // the scenario's name
  std::string details;  // "pen, 1.5 mm needles (reach 1.35 mm) · day 7 · relief exaggerated 3x"
  // After the bar's length: " at centre" where perspective makes it hold at the view's centre
  // only, " (section)" in the split view, whose surface half has no single scale.
  std::string scale_note;
};

// The facts of `snapshot` drawn with `options`. The relief is named only where the view shows
// the surface with its heights scaled (not the section, which is at true scale).
ExportFacts exportFacts(const std::string& scenarioName, const SkinSnapshot& snapshot,
                        const RenderOptions& options, bool fancy);

struct ExportBand {
  PixelRect band;  // the strip, (0, 0) at the image's top left
  int font_px = 0;
  float title_baseline = 0, details_baseline = 0, text_x = 0;
  PixelRect bar;     // the scale bar itself; empty when the scale is unknown
  float bar_mm = 0;  // what it spans
  std::string bar_label;
  ExportFacts facts;
};

// The band's height in a width x height image: two lines of text and their margins.
int exportBandHeight(int width, int height, float uiScale);

// The band across the bottom of a width x height image; `mmPerPixel` is the scale of the view
// above it (0: unknown, no bar). The text shrinks until it fits beside the bar.
ExportBand layoutExportBand(Font& font, const ExportFacts& facts, int width, int height,
                            float uiScale, float mmPerPixel);

void drawExportBand(Painter2D& painter, const ExportBand& band);

}  // namespace dermasim::render
