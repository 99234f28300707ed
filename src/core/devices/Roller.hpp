#pragma once
// A drum of needles rolled over the skin. Needles stand radially on the drum, so each one
// enters at an angle, sweeps through the skin as the drum turns, and leaves at the opposite
// angle: the surface opening is torn along the rolling direction.

#include "core/devices/DeviceParameters.hpp"
#include "core/devices/NeedleDevice.hpp"

namespace dermasim {

class Roller final : public NeedleDevice {
 public:
  Roller(const DeviceSettings& settings, const ModelParameters& parameters);
  Roller(const DeviceSettings& settings, const RollerParameters& parameters);

  std::vector<Puncture> pass(const Patch& patch, int passIndex, CounterRandom rng) const override;
  double nominalDensityPerPassCm2() const override;
  double meanDepthMm() const override { return meanFraction_ * settings_.needle_length_mm; }

  // The shaft's angle from the normal as the tip first meets the skin, for a puncture that
  // will reach `depthMm` below the surface.
  double entryAngleRad(double depthMm) const;
  // How far the shaft's crossing of the surface travels along the rolling direction while
  // the needle is in the skin, for a rigid drum on unyielding skin.
  double rigidSweepMm(double depthMm) const;

 private:
  DeviceSettings settings_;
  double meanFraction_;
  double spread_;
  double tearCompliance_;
  double directionJitterDeg_;
  double tipHalfAngleDeg_;
};

}  // namespace dermasim
