#include "cli/SensitivityChart.hpp"

#ifdef DERMASIM_HAVE_RENDER
#include <algorithm>
#include <cmath>
#include <string>

#include "cli/ChartCanvas.hpp"
#include "core/numerics/NumberText.hpp"
#endif

namespace dermasim {

#ifndef DERMASIM_HAVE_RENDER

bool writeSensitivityChart(const std::filesystem::path&, const SensitivityResult&,
                           const std::string&) {
  return false;
}

#else

namespace {

using render::Colour4;

constexpr Colour4 kRaises{0.2f, 0.45f, 0.75f, 1};  // raising the parameter raises the outcome
constexpr Colour4 kLowers{0.88f, 0.5f, 0.15f, 1};  // raising it lowers the outcome
constexpr Colour4 kMixed{0.62f, 0.62f, 0.66f, 1};  // either, depending on the other parameters
constexpr Colour4 kTrack{0.92f, 0.92f, 0.94f, 1};

// Layout in pixels of the final image.
constexpr float kWidth = 1200, kTop = 74, kHeading = 34, kRow = 26, kGap = 16, kBottom = 80;
constexpr float kLabelX = 12, kPlotX = 440, kPlotW = 520, kValueX = 972;

// A bar's colour: the sign of mu when effects mostly agree in sign (|mu| at least half of mu*),
// grey when they point both ways.
Colour4 directionColour(const EffectSummary& e) {
  if (!(std::abs(e.mu) >= 0.5 * e.mu_star) || e.mu_star == 0) return kMixed;
  return e.mu > 0 ? kRaises : kLowers;
}

float panelHeight(const OutcomeEffects& o) {
  const std::size_t rows = std::min(kSensitivityChartTop, o.ranked.size());
  return kHeading + kRow * static_cast<float>(rows) + kGap;
}

void drawPanel(render::Painter2D& p, const OutcomeEffects& o, float top) {
  const float s = kChartScale;
  const std::string heading = std::string(o.outcome->name) + " (" + std::string(o.outcome->unit) +
                              "): mu* across each parameter's range";
  p.text(kLabelX * s, (top + 22) * s, heading, kChartText * kChartScale, kChartInk);
  const std::size_t rows = std::min(kSensitivityChartTop, o.ranked.size());
  // Each outcome on its own scale: they have different units.
  double largest = 0;
  for (std::size_t i = 0; i < rows; ++i)
    if (std::isfinite(o.ranked[i].effect.mu_star))
      largest = std::max(largest, o.ranked[i].effect.mu_star);
  for (std::size_t i = 0; i < rows; ++i) {
    const ParameterEffect& e = o.ranked[i];
    const float rowTop = top + kHeading + kRow * static_cast<float>(i);
    const float mid = rowTop + kRow / 2;
    if (i % 2 == 0) p.rect(0, rowTop * s, kWidth * s, kRow * s, kChartStripe);
    const std::string label = std::to_string(e.rank) + ". " + std::string(e.parameter->key);
    p.text(kLabelX * s, (mid + 5) * s, label, kChartSmall * kChartScale, kChartInk);
    p.rect(kPlotX * s, (mid - 1) * s, kPlotW * s, 2 * s, kTrack);
    const double share =
        largest > 0 && std::isfinite(e.effect.mu_star) ? e.effect.mu_star / largest : 0.0;
    const float length = std::max(kPlotW * static_cast<float>(share), 1.0f);
    p.rect(kPlotX * s, (mid - 8) * s, length * s, 16 * s, directionColour(e.effect));
    const std::string value = readableNumber(e.effect.mu_star, 3) + "  (mu " +
                              readableNumber(e.effect.mu, 3) + ", sigma " +
                              readableNumber(e.effect.sigma, 3) + ")";
    p.text(kValueX * s, (mid + 5) * s, value, kChartSmall * kChartScale, kChartFaint);
  }
}

void drawKey(render::Painter2D& p, float y) {
  const float s = kChartScale;
  float x = kLabelX * s;
  for (const auto& [colour, meaning] : {std::pair{kRaises, "raising it raises the outcome"},
                                        std::pair{kLowers, "raising it lowers the outcome"},
                                        std::pair{kMixed, "either way, by the other parameters"}}) {
    p.rect(x, y - 8 * s, 30 * s, 16 * s, colour);
    x += 38 * s;
    x += p.text(x, y + 5 * s, meaning, kChartSmall * kChartScale, kChartInk) + 26 * s;
  }
  p.text(kLabelX * s, y + 30 * s, kChartDisclaimer, kChartSmall * kChartScale, kChartFaint);
}

}  // namespace

bool writeSensitivityChart(const std::filesystem::path& png, const SensitivityResult& result,
                           const std::string& scenarioName) {
  float height = kTop + kBottom;
  for (const OutcomeEffects& o : result.outcomes) height += panelHeight(o);
  drawChart(png, kWidth, height, [&](render::Painter2D& p) {
    const float s = kChartScale;
    p.text(kLabelX * s, 30 * s, "dermasim sensitivity: " + scenarioName, kChartTitle * kChartScale,
           kChartInk);
    p.text(kLabelX * s, 56 * s,
           std::to_string(result.parameters) +
               " model parameters, each across its documented "
               "range; " +
               std::to_string(result.trajectories) + " Morris trajectories (" +
               std::to_string(result.runs) + " runs), seed " + std::to_string(result.seed) +
               "; top " + std::to_string(kSensitivityChartTop) + " per outcome",
           kChartSmall * kChartScale, kChartFaint);
    float top = kTop;
    for (const OutcomeEffects& o : result.outcomes) {
      drawPanel(p, o, top);
      top += panelHeight(o);
    }
    drawKey(p, (height - kBottom + 26) * s);
  });
  return true;
}

#endif

}  // namespace dermasim
