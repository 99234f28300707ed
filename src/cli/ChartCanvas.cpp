// Built only with the rendering library; without it the charts say they were not drawn.
#ifdef DERMASIM_HAVE_RENDER
#include "cli/ChartCanvas.hpp"
#include "render/Downsample.hpp"
#include "render/Font.hpp"
#include "render/HeadlessContext.hpp"
#include "render/Image.hpp"

namespace dermasim {

void drawChart(const std::filesystem::path& png, float width, float height,
               const std::function<void(render::Painter2D&)>& draw) {
  const float s = kChartScale;
  render::HeadlessContext context(static_cast<int>(width * s), static_cast<int>(height * s));
  render::Font font;
  render::Painter2D p(font);
  p.begin(context.width(), context.height());
  p.rect(0, 0, width * s, height * s, {1, 1, 1, 1});
  draw(p);
  p.end();

  render::Image image = render::downsample(context.readPixels(), kChartScale);
  image.fillAlpha(255);
  render::writePng(png, image);
}

}  // namespace dermasim
#endif
