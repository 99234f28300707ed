#include "report/SkinRenders.hpp"

#include <algorithm>
#include <cmath>
#include <exception>

#include "guidance/PatientCaption.hpp"
#include "render/Downsample.hpp"
#include "render/HeadlessContext.hpp"
#include "render/RenderOptions.hpp"
#include "render/SkinRenderer.hpp"

namespace dermasim::report {

namespace {

// At zoom 1 the surface view spans this share of the patch's width (SurfacePass frames the
// patch with a small margin cropped), which the scale bar has to know.
constexpr double kFramedShareOfPatch = 0.92;

render::RenderOptions topDown() {
  render::RenderOptions options;
  options.view = render::View::Surface;
  options.light = render::DirectionalLight::overhead();
  options.camera.elevation_deg = 90;  // straight down: one mm is as long everywhere in the image
  options.camera.azimuth_deg = 0;
  options.camera.zoom = 1;
  // The sheet writes its own captions and watermark around the image, in print-sized type.
  options.captions = false;
  options.watermark = false;
  return options;
}

}  // namespace

std::vector<double> sheetDays(double durationDays) {
  std::vector<double> days;
  for (double d : {1.0, 7.0, 30.0, durationDays})
    if (d <= durationDays && (days.empty() || d > days.back())) days.push_back(d);
  return days;
}

RenderedRun simulateAndRender(const Scenario& scenario, const std::vector<double>& days,
                              int pixels) {
  RunOptions run;
  run.snapshot_days = days;
  RenderedRun out{simulate(scenario, run), {}, {}};
  try {
    const int factor = render::supersampleFactor(pixels, pixels);
    render::HeadlessContext context(pixels * factor, pixels * factor);
    render::SkinRenderer renderer;
    render::RenderOptions options = topDown();
    options.ui_scale = static_cast<float>(factor);
    for (std::size_t i = 0; i < out.result.snapshots.size() && i < days.size(); ++i) {
      const SkinSnapshot& shot = out.result.snapshots[i];
      renderer.setSnapshot(shot);
      renderer.draw({0, 0, context.width(), context.height()}, options);
      render::Image image = render::downsample(context.readPixels(), factor);
      image.fillAlpha(255);
      out.renders.push_back(
          {days[i], std::move(image),
           kFramedShareOfPatch * shot.nx * shot.dx_mm / static_cast<double>(options.camera.zoom),
           static_cast<double>(options.relief_exaggeration), patientCaption(out.result, days[i])});
    }
  } catch (const std::exception& e) {
    out.renders.clear();
    out.renders_unavailable = e.what();
  }
  // Drawn; the snapshots' arrays are not needed for the rest of the sheet.
  out.result.snapshots.clear();
  return out;
}

}  // namespace dermasim::report
