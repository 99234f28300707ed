#pragma once
// The page the command line's charts are drawn on (`dermasim validation`, `dermasim sensitivity`):
// headless (EGL) with the rendering library, white paper, drawn kChartScale times larger and
// shrunk for smooth edges, saved as an opaque PNG; and the colours and type sizes they share.
// Only for builds with the rendering library (DERMASIM_HAVE_RENDER).
//
//   drawChart(png, 800, 600, [&](render::Painter2D& p) {
//     p.text(12 * kChartScale, 30 * kChartScale, "title", kChartTitle * kChartScale, kChartInk);
//   });  // throws std::runtime_error when there is no EGL or the file cannot be written

#include <filesystem>
#include <functional>

#include "render/Painter2D.hpp"

namespace dermasim {

inline constexpr int kChartScale = 2;
inline constexpr int kChartText = 15, kChartSmall = 13, kChartTitle = 20;  // pixels, final size

inline constexpr render::Colour4 kChartInk{0.1f, 0.1f, 0.12f, 1};
inline constexpr render::Colour4 kChartFaint{0.45f, 0.45f, 0.5f, 1};
inline constexpr render::Colour4 kChartStripe{0.96f, 0.96f, 0.97f, 1};

// The line every chart ends with.
inline constexpr const char* kChartDisclaimer =
    "A simulation for education, not a prediction of any patient's results.";

// Draws a `width` x `height` chart (final pixels; `draw` works in pixels kChartScale times
// larger, on white) and writes it to `png`.
void drawChart(const std::filesystem::path& png, float width, float height,
               const std::function<void(render::Painter2D&)>& draw);

}  // namespace dermasim
