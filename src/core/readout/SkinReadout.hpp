#pragma once
// What a clinician would measure on the simulated skin at one moment: colour (CIELAB a*),
// erythema, open channels, surface relief (roughness; scar depth and volume by profilometry,
// ScarProfilometry.hpp), and the dermal matrix relative to the untreated skin. The columns of
// timeseries.csv.

#include <cstdint>
#include <optional>
#include <vector>

#include "core/healing/HealingModel.hpp"
#include "core/numerics/LodDiffusion.hpp"
#include "core/optics/SkinOptics.hpp"
#include "core/readout/ScarProfilometry.hpp"
#include "core/readout/SkinReading.hpp"

namespace dermasim {

// How the readings look into the skin: the `redness.*` and `surface.*` rows of the table.
struct ReadoutParameters {
  double redness_sampling_depth_mm;  // depth scale of the vessels that colour the skin
  double surface_smoothing_length_mm;
  static ReadoutParameters from(const ModelParameters& p);
};

class SkinReadout {
 public:
  SkinReadout(const HealingModel& model, int fitzpatrick, const ModelParameters& parameters);
  SkinReadout(const HealingModel& model, int fitzpatrick, const OpticsParameters& optics,
              const ReadoutParameters& readout);

  SkinReading read(const HealingModel& model);

  // Per-column maps, for rendering. Heights in mm (up is positive), relative to the untreated
  // skin's mean level.
  Field surfaceHeightMm(const HealingModel& model);
  // Column erythema, 0..1.
  Field columnErythema(const HealingModel& model) const;
  const SkinColourTable& colours() const { return colours_; }
  double restingBloodFraction() const { return restBlood_; }
  double fullErythemaBloodFraction() const { return fullBlood_; }

 private:
  Field rawHeightMm(const HealingModel& model) const;

  Grid surfaceGrid_;
  LodDiffusion smoother_;
  SkinColourTable colours_;
  double restBlood_, fullBlood_;
  double restA_, fullA_, restL_ = 0;
  std::vector<float> opticalWeight_;  // per depth cell: vessels seen by light
  // Per depth cell, the columns missing tissue where fewer than 1 in kSparseShare do (else
  // none: the whole plane is read). rawHeightMm() visits only those.
  static constexpr std::size_t kSparseShare = 4;
  std::vector<std::optional<std::vector<std::uint32_t>>> deficitColumns_;
  double epidermisMm_;
  Field baseRaw_;
  double baseRoughness_ = 0, baseScarVolumeMm3_ = 0;
  bool scars_ = false;
  ScarProfilometry scarProfilometry_;
  double baseCollagen1_ = 0, baseCollagen3_ = 0, baseElastin_ = 0, basePapillary_ = 0;
  std::vector<int> papillaryCells_;
  // Rows holding any skin (epidermis or dermis): the fibroblast mean is over the skin, so
  // subcutis rows added for deep needles do not dilute it.
  int skinRows_ = 0;
};

}  // namespace dermasim
