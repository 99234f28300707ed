#include "cli/ValidationChart.hpp"

#ifdef DERMASIM_HAVE_RENDER
#include <algorithm>
#include <cmath>
#include <string>

#include "cli/ChartCanvas.hpp"
#include "io/ValidationReport.hpp"
#endif

namespace dermasim {

#ifndef DERMASIM_HAVE_RENDER

bool writeValidationChart(const std::filesystem::path&, const std::vector<TargetOutcome>&) {
  return false;
}

#else

namespace {

using render::Colour4;

constexpr Colour4 kInk = kChartInk;
constexpr Colour4 kFaint = kChartFaint;
constexpr Colour4 kTrack{0.88f, 0.88f, 0.9f, 1};
constexpr Colour4 kBand{0.62f, 0.74f, 0.9f, 1};
constexpr Colour4 kPass{0.1f, 0.6f, 0.25f, 1};
constexpr Colour4 kFail{0.85f, 0.15f, 0.12f, 1};
constexpr Colour4 kStripe = kChartStripe;

// Layout in pixels of the final image; drawn kScale times larger and shrunk for smooth edges.
constexpr int kScale = kChartScale;
constexpr float kWidth = 1560, kTop = 74, kRow = 38, kBottom = 56;
constexpr float kLabelX = 12, kPlotX = 640, kPlotW = 520, kValueX = 1180;
constexpr int kText = kChartText, kSmall = kChartSmall, kTitle = kChartTitle;

// The values a row's axis must show, and the axis padded around them: each target has its own
// units, so each row has its own scale.
struct Axis {
  double lo = 0, hi = 1;
  float x(double v) const { return kPlotX + kPlotW * static_cast<float>((v - lo) / (hi - lo)); }
};

Axis axisFor(const TargetOutcome& o) {
  std::vector<double> values;
  for (const double v : {o.target.low, o.target.high, o.model})
    if (std::isfinite(v)) values.push_back(v);
  if (o.target.published_value) values.push_back(*o.target.published_value);
  if (values.empty()) return {};
  double lo = *std::min_element(values.begin(), values.end());
  double hi = *std::max_element(values.begin(), values.end());
  const double span = hi > lo ? hi - lo : std::max(std::abs(hi), 1.0);
  // An open side of the range runs off the row's end.
  lo -= span * (std::isfinite(o.target.low) ? 0.15 : 0.4);
  hi += span * (std::isfinite(o.target.high) ? 0.15 : 0.4);
  return {lo, hi};
}

void drawRow(render::Painter2D& p, const TargetOutcome& o, float top, bool stripe) {
  const float s = kScale;
  if (stripe) p.rect(0, top * s, kWidth * s, kRow * s, kStripe);
  const float mid = (top + kRow / 2) * s;
  const std::string label = o.case_name + ": " + o.target.measure;
  std::string shown = label;
  while (shown.size() > 4 && p.textWidth(shown, kText * kScale) > (kPlotX - kLabelX - 16) * s)
    shown = shown.substr(0, shown.size() - 4) + "..";
  p.text(kLabelX * s, mid + 5 * s, shown, kText * kScale, kInk);

  const Axis axis = axisFor(o);
  p.rect(kPlotX * s, mid - 2 * s, kPlotW * s, 4 * s, kTrack);
  const float bandL = std::isfinite(o.target.low) ? axis.x(o.target.low) : kPlotX;
  const float bandR = std::isfinite(o.target.high) ? axis.x(o.target.high) : kPlotX + kPlotW;
  p.rect(bandL * s, mid - 8 * s, std::max(bandR - bandL, 2.0f) * s, 16 * s, kBand);
  if (o.target.published_value)
    p.rect((axis.x(*o.target.published_value) - 1.5f) * s, mid - 13 * s, 3 * s, 26 * s, kInk);
  const Colour4 verdict = o.pass ? kPass : kFail;
  if (std::isfinite(o.model)) p.disc(axis.x(o.model) * s, mid, 7 * s, verdict);

  const std::string value = "model " + modelText(o.model) + "   published " + o.target.published +
                            " (" + o.target.tolerance + ")";
  p.text(kValueX * s, mid + 5 * s, value, kSmall * kScale, kFaint);
  p.text((kWidth - 52) * s, mid + 5 * s, o.pass ? "pass" : "FAIL", kText * kScale, verdict);
}

}  // namespace

bool writeValidationChart(const std::filesystem::path& png,
                          const std::vector<TargetOutcome>& outcomes) {
  const float height = kTop + kRow * static_cast<float>(outcomes.size()) + kBottom;
  drawChart(png, kWidth, height, [&](render::Painter2D& p) {
    const float s = kScale;
    const auto passed = std::count_if(outcomes.begin(), outcomes.end(),
                                      [](const TargetOutcome& o) { return o.pass; });
    p.text(kLabelX * s, 30 * s,
           "dermasim validation: the model against published figures (" + std::to_string(passed) +
               " of " + std::to_string(outcomes.size()) + " targets pass)",
           kTitle * kScale, kInk);
    p.text(kLabelX * s, 56 * s, "case: published measure", kSmall * kScale, kFaint);
    p.text(kPlotX * s, 56 * s, "each row on its own scale", kSmall * kScale, kFaint);
    for (std::size_t i = 0; i < outcomes.size(); ++i)
      drawRow(p, outcomes[i], kTop + kRow * static_cast<float>(i), i % 2 == 0);

    // The key: what the marks mean.
    const float key = (height - kBottom / 2) * s;
    float x = kLabelX * s;
    p.rect(x, key - 8 * s, 40 * s, 16 * s, kBand);
    x += 48 * s;
    x += p.text(x, key + 5 * s, "range that passes", kSmall * kScale, kInk) + 30 * s;
    p.rect(x, key - 13 * s, 3 * s, 26 * s, kInk);
    x += 12 * s;
    x += p.text(x, key + 5 * s, "published figure", kSmall * kScale, kInk) + 30 * s;
    p.disc(x + 7 * s, key, 7 * s, kPass);
    x += 20 * s;
    x += p.text(x, key + 5 * s, "model, passes", kSmall * kScale, kInk) + 30 * s;
    p.disc(x + 7 * s, key, 7 * s, kFail);
    x += 20 * s;
    x += p.text(x, key + 5 * s, "model, fails", kSmall * kScale, kInk) + 30 * s;
    p.text(x, key + 5 * s, kChartDisclaimer, kSmall * kScale, kFaint);
  });
  return true;
}

#endif

}  // namespace dermasim
