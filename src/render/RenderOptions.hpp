#pragma once
// What SkinRenderer draws and how: the view, the camera, the light, the section's overlay and
// the watermark. Plain data, so the viewer's panel and `dermasim render` fill in the same thing.
#include <optional>
#include <string>
#include <string_view>

namespace dermasim::render {

enum class View {
  Surface,  // the patch as a lit 3-D relief, tiled
  Section,  // the vertical section through the patch as a 2-D image
  Split,    // surface on the left half, section on the right half
  // Patient mode: the surface before the first session left of a split line, the day shown
  // right of it, same camera and light (SkinRenderer::setBeforeSnapshot).
  BeforeAfter,
};

// The colour encoding laid over the section's layer tints. Needle tracks (open lumen) are
// drawn over every overlay.
enum class SectionOverlay {
  Collagen,  // both types: strength from the total, hue from red (type I) to green
             // (type III), as picrosirius red under polarised light shows them
  Collagen1,
  Collagen3,
  Elastin,
  Fibroblasts,  // activated fibroblasts
  Injury,
  Layers,  // layer tints only
};

// Orbits a point on the patch. Angles in degrees; azimuth 0 looks from the patch's -y side
// (the front) towards +y, positive turns the camera counter-clockwise seen from above.
struct OrbitCamera {
  float azimuth_deg = -20;
  float elevation_deg = 42;
  float zoom = 0.85f;  // 1: the tiled patch spans the view's width; 2 is twice as close
  float pan_x_mm = 0;  // the orbited point, on the untreated surface level
  float pan_y_mm = 0;
  float fov_y_deg = 30;
  friend bool operator==(const OrbitCamera&, const OrbitCamera&) = default;
};

// A directional light, from the direction given by the angles (same convention as the camera).
struct DirectionalLight {
  float azimuth_deg = -90;
  float elevation_deg = 12;

  // Low light from the side, as clinicians examine scars: relief casts strong shading.
  static DirectionalLight grazing() { return {-90, 12}; }
  // High light from the front left: colour reads best, relief faintly.
  static DirectionalLight overhead() { return {-35, 65}; }
  friend bool operator==(const DirectionalLight&, const DirectionalLight&) = default;
};

struct RenderOptions {
  View view = View::Surface;
  OrbitCamera camera;
  DirectionalLight light = DirectionalLight::grazing();
  // Heights are multiplied by this in the surface view: real atrophic scars (~0.1-0.5 mm deep
  // on a 5 mm patch) are nearly invisible at true scale. Stated in the view's caption.
  float relief_exaggeration = 3;
  // The periodic patch drawn tiles x tiles times. One by default: repeated copies showed a
  // patient the same craters over and over, which no skin has.
  int tiles = 1;
  SectionOverlay overlay = SectionOverlay::Collagen;
  // Width of skin the section shows, mm; 0 picks it to fill the view (at least 2.5 mm or the
  // whole patch). The window is centred on the patch.
  float section_width_mm = 0;
  // Where the section cuts the patch, as a fraction 0..1 across it in y: the snapshot's
  // stored section nearest to it is drawn (and marked on the surface in the split view).
  float section_position = 0.5f;
  // The section shows where the session's needles end: a needle outline down to their mean
  // depth, a dashed line across at that depth and the layer it lies in (SectionNeedle.hpp), on
  // every day. Off in patient mode: layer names are clinicians' words, and a needle drawn into
  // the fat without the clinician there to explain it frightens more than it informs.
  bool needle_reach = true;
  // Marks where the section cuts the surface (in the split view only).
  bool show_section_line = true;
  // BeforeAfter: where the split line stands, as a fraction 0..1 of the width from the left.
  float split = 0.5f;
  // A plain-language sentence drawn in large type in a box low in the view (patient mode's
  // caption); none when empty. Wrapped to the view's width.
  std::string caption;
  // Day, relief factor and light written in a corner, and the section's title and legend.
  bool captions = true;
  // Text and lines are this many times their normal size: for high-density screens, and for
  // exports drawn larger and then scaled down (supersampling).
  float ui_scale = 1;
  // "Simulation for education - not a prediction of your results", for patient mode.
  bool watermark = false;

  friend bool operator==(const RenderOptions&, const RenderOptions&) = default;
};

// The viewer's patient mode draws text (labels, caption, watermark) this much larger than the
// clinician's view, readable across a desk. (`dermasim render --patient` fills a whole image and
// keeps the normal size; its caption box is already capped at 40 % of the view.)
inline constexpr float kPatientTextScale = 1.25f;

inline constexpr const char* kWatermarkText =
    "Simulation for education - not a prediction of your results";

std::string_view toString(View view);
std::string_view toString(SectionOverlay overlay);
std::optional<View> parseView(std::string_view name);
std::optional<SectionOverlay> parseSectionOverlay(std::string_view name);
// "surface | section | split", for help texts and error messages.
std::string allViews();
std::string allSectionOverlays();

}  // namespace dermasim::render

namespace dermasim::render {

// "180", "0.5", "28.25": two decimals at most, no trailing zeros.
std::string formatDay(double day);

}  // namespace dermasim::render
