#include "core/tissue/TrackSection.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace dermasim {

TrackSection::Columns TrackSection::columns(const Grid& g, double grow) const {
  const double reach = std::max(a, b) + grow;
  const auto cell = [&](double mm) { return static_cast<int>(std::floor(mm / g.dx_mm)); };
  return {cell(cx - reach), cell(cx + reach), cell(cy - reach), cell(cy + reach)};
}

TrackSection TrackSection::scaled(double factor) const {
  TrackSection s = *this;
  s.a *= factor;
  s.b *= factor;
  return s;
}

TrackSection TrackSection::shrunk(double byMm) const {
  TrackSection s = *this;
  s.a = std::max(0.0, a - byMm);
  s.b = std::max(0.0, b - byMm);
  return s;
}

SemiAxes trackSemiAxes(const Puncture& p, double zTop, double zBottom, double tanTip) {
  const double halfWidth = 0.5 * p.opening_width_mm;
  const double zEval = 0.5 * (zTop + std::min(zBottom, p.depth_mm));
  const double radius = std::max(0.0, std::min(halfWidth, (p.depth_mm - zEval) * tanTip));
  const double scale = halfWidth > 0 ? radius / halfWidth : 0.0;
  return {0.5 * p.opening_length_mm * scale, radius};
}

TrackSection trackSection(const Puncture& p, double zTop, double zBottom, double tanTip) {
  const SemiAxes axes = trackSemiAxes(p, zTop, zBottom, tanTip);
  const double theta = p.opening_direction_deg * std::numbers::pi / 180.0;
  return {p.x_mm, p.y_mm, std::cos(theta), std::sin(theta), axes.a, axes.b};
}

}  // namespace dermasim
