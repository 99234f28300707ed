#pragma once
// Draws a SkinSnapshot into the current OpenGL 3.3 core framebuffer: the one drawing path of the
// viewer's window, PNG export (`dermasim render`) and the pixel tests.
//
//   SkinRenderer renderer;             // with a context current: compiles shaders, loads font
//   renderer.setSnapshot(snapshot);    // uploads the surface mesh and the section
//   RenderOptions options;             // view, camera, light, overlay, watermark...
//   renderer.draw({0, 0, width, height}, options);
//
// The views are documented in RenderOptions.hpp. The renderer draws everything inside the
// viewport (background included) and leaves the framebuffer's other pixels alone.
#include <memory>
#include <string>

#include "core/readout/SkinSnapshot.hpp"
#include "render/ExportBand.hpp"
#include "render/RenderOptions.hpp"
#include "render/SectionLegend.hpp"
#include "render/SectionPass.hpp"

namespace dermasim::render {

// A rectangle of the framebuffer in pixels, OpenGL style: (x, y) is its bottom-left corner.
struct Viewport {
  int x = 0, y = 0, width = 0, height = 0;
};

class SkinRenderer {
 public:
  // Needs a current OpenGL 3.3 core context, which must outlive the renderer. Throws
  // std::runtime_error if a shader does not compile.
  SkinRenderer();
  ~SkinRenderer();
  SkinRenderer(const SkinRenderer&) = delete;
  SkinRenderer& operator=(const SkinRenderer&) = delete;

  // Copies what it draws from the snapshot. Throws std::invalid_argument if its arrays do not
  // match its grid.
  void setSnapshot(const SkinSnapshot& snapshot);
  bool hasSnapshot() const;
  // The skin before treatment, for View::BeforeAfter (without it, that view draws as Surface).
  // Throws like setSnapshot.
  void setBeforeSnapshot(const SkinSnapshot& snapshot);
  bool hasBeforeSnapshot() const;

  // Draws the view into `viewport`. Leaves depth testing, blending and the scissor test off and
  // the viewport set to `viewport`.
  void draw(const Viewport& viewport, const RenderOptions& options);

  // For exported images: the view drawn as draw() does in `viewport` less a band at its foot,
  // and in that band what the image shows (ExportBand.hpp), `scenarioName` first. Returns the
  // band, (0, 0) at the viewport's top left. Without a snapshot it only draws the view.
  ExportBand drawAnnotated(const Viewport& viewport, const RenderOptions& options,
                           const std::string& scenarioName);

  // The millimetres one pixel spans in a width x height viewport drawn with `options`: the
  // section's true scale where a section is shown, else the surface's at the orbited point
  // (perspective makes nearer skin larger). 0 without a snapshot.
  float mmPerPixel(int width, int height, const RenderOptions& options);

  // Where draw() puts the watermark in a width x height viewport, (0, 0) at its top left.
  PixelRect watermarkRect(int width, int height, const RenderOptions& options);
  // Where draw() puts options.caption's box (empty when there is no caption), likewise.
  PixelRect captionRect(int width, int height, const RenderOptions& options);
  // Where the section's parts go in a width x height viewport drawn with `options` (View::Section
  // or View::Split), (0, 0) at its top left.
  SectionLayout sectionLayout(int width, int height, const RenderOptions& options);
  // The TrueType file the text comes from, or "built-in bitmap font".
  std::string fontName() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace dermasim::render
