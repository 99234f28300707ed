#pragma once
// A motorized pen: a cartridge of needles stamping perpendicular to the skin at a set
// frequency while the hand glides it along strokes. Depth is set on the device, so it
// varies little; openings are round, drawn out slightly by the glide during contact.

#include "core/devices/DeviceParameters.hpp"
#include "core/devices/NeedleDevice.hpp"

namespace dermasim {

class Pen final : public NeedleDevice {
 public:
  Pen(const DeviceSettings& settings, const ModelParameters& parameters);
  Pen(const DeviceSettings& settings, const PenParameters& parameters);

  std::vector<Puncture> pass(const Patch& patch, int passIndex, CounterRandom rng) const override;
  // N f / (w v): stamps per unit of swept area times needles per stamp.
  double nominalDensityPerPassCm2() const override;
  double meanDepthMm() const override { return meanFraction_ * settings_.needle_length_mm; }

  struct Offset {
    double across_mm, along_mm;
  };
  // Needle positions in the cartridge, relative to its centre, spread evenly over a disc as
  // wide as the cartridge's swept width.
  const std::vector<Offset>& footprint() const { return footprint_; }

 private:
  DeviceSettings settings_;
  std::vector<Offset> footprint_;
  double meanFraction_;
  double spread_;
  double tiltSdDeg_;
  double contactFraction_;
  double lateralJitterMm_;
  double tipHalfAngleDeg_;
};

}  // namespace dermasim
