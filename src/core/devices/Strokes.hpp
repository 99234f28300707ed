#pragma once
// How a hand covers the patch in one pass: parallel strokes side by side, each as wide as
// the device's swept width, back and forth, at a random offset from the patch. Every point
// of the plane lies under exactly one stroke, so a device's areal density per pass follows
// from its geometry alone.

#include <vector>

#include "core/devices/NeedleDevice.hpp"
#include "core/numerics/CounterRandom.hpp"

namespace dermasim {

struct Stroke {
  double center_x_mm,
      center_y_mm;        // a point on the stroke's centre line, level with the patch centre
  double ux, uy;          // unit vector along the stroke, in the direction of motion
  double nx, ny;          // unit vector across it
  double half_length_mm;  // the stroke runs from -half_length to +half_length along u
  int index;
};

// `margin_mm` widens the covered region so that devices with a footprint (a pen's cartridge)
// reach every point of the patch from strokes whose centre line lies outside it.
std::vector<Stroke> coverPatch(const Patch& patch, double directionDeg, double strokeWidthMm,
                               double marginMm, CounterRandom& rng);

}  // namespace dermasim
