#pragma once
// A device that makes punctures: a roller or a pen, as set for one session.

#include <memory>
#include <vector>

#include "core/devices/Puncture.hpp"
#include "core/numerics/CounterRandom.hpp"
#include "core/parameters/ModelParameters.hpp"
#include "core/scenario/Scenario.hpp"

namespace dermasim {

// The square patch of skin the simulation sees, [0, size) x [0, size) in mm.
struct Patch {
  double size_mm = 5.0;
  double areaCm2() const { return size_mm * size_mm / 100.0; }
  bool contains(double x, double y) const { return x >= 0 && x < size_mm && y >= 0 && y < size_mm; }
};

class NeedleDevice {
 public:
  virtual ~NeedleDevice() = default;
  // The punctures one pass leaves on the patch. `rng` is this pass's own stream.
  virtual std::vector<Puncture> pass(const Patch& patch, int passIndex,
                                     CounterRandom rng) const = 0;
  // What the geometry promises per pass, for comparison with what was drawn.
  virtual double nominalDensityPerPassCm2() const = 0;
  // The mean depth its needles reach, mm: the setting times the device's penetration fraction
  // (the mean sampleNeedleDepthMm draws around), for drawing where a session's needles end.
  virtual double meanDepthMm() const = 0;
};

// The device the settings describe: a Roller or a Pen.
std::unique_ptr<NeedleDevice> makeNeedleDevice(const DeviceSettings& settings,
                                               const ModelParameters& parameters);

// Nominal direction of pass k in degrees: practitioners cross-hatch, so successive passes
// turn through horizontal, vertical and the two diagonals.
double passDirectionDeg(int passIndex);

// Width of the hole a needle leaves at the surface: its tip is a cone, so a puncture shallower
// than the tip opens less than the shaft's diameter.
double openingWidthMm(double shaftDiameterMm, double depthMm, double tipHalfAngleDeg);

// How deep one needle goes: normal around `meanFraction` of the needle's length with a relative
// spread, truncated to (2 % of the length, the length], since a needle cannot reach deeper than
// it is long and one that barely touches leaves no puncture. Rollers and pens differ only in
// the mean and spread they pass in.
double sampleNeedleDepthMm(CounterRandom& rng, double needleLengthMm, double meanFraction,
                           double spread);

}  // namespace dermasim
