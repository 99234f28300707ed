#include "core/healing/Adjuncts.hpp"

#include <cmath>
#include <numbers>
#include <vector>

namespace dermasim {
namespace {

constexpr double kSecondsPerDay = 86400.0;
constexpr double kUm2PerMm2 = 1e6;
constexpr double kMm2PerCm2 = 100.0;
constexpr double kHoursPerDay = 24.0;
// "Deepest" is where 95 % of the serum taken in lies above: the very tip of the deepest channel
// holds a vanishing share.
constexpr double kDeepestShare = 0.95;

}  // namespace

AdjunctParameters AdjunctParameters::from(const ModelParameters& p) {
  return {p["adjunct.prp_growth_factor_load"], p["adjunct.hyaluronic_acid_diffusivity_um2_s"],
          p["adjunct.vitamin_c_diffusivity_um2_s"]};
}

double AdjunctParameters::serumDiffusivityUm2s(Serum serum) const {
  switch (serum) {
    case Serum::HyaluronicAcid:
      return hyaluronic_acid_diffusivity_um2_s;
    case Serum::VitaminC:
      return vitamin_c_diffusivity_um2_s;
    case Serum::None:
      break;
  }
  return 0.0;
}

SerumUptake serumUptake(const Field& lumen, const Grid& grid, double openDays,
                        double diffusivityUm2s, double puncturesPerCm2) {
  SerumUptake u;
  const std::size_t columns = grid.columns();
  const double voxelMm3 = grid.dx_mm * grid.dx_mm * grid.dz_mm;
  std::vector<double> byDepth(static_cast<std::size_t>(grid.nz), 0.0);
  double total = 0, weightedDepth = 0;
  for (int k = 0; k < grid.nz; ++k) {
    double plane = 0;
    const std::size_t o = static_cast<std::size_t>(k) * columns;
    for (std::size_t c = 0; c < columns; ++c)
      plane += static_cast<double>(lumen[static_cast<Eigen::Index>(o + c)]);
    plane *= voxelMm3;
    byDepth[static_cast<std::size_t>(k)] = plane;
    total += plane;
    weightedDepth += plane * grid.depthMm(k);
  }
  const double areaCm2 = grid.sizeXMm() * grid.sizeXMm() / kMm2PerCm2;
  u.open_hours = openDays * kHoursPerDay;
  if (total <= 0) return u;
  u.taken_ul_cm2 = total / areaCm2;  // 1 mm3 = 1 uL
  u.mean_depth_mm = weightedDepth / total;
  double above = 0;
  for (int k = 0; k < grid.nz; ++k) {
    above += byDepth[static_cast<std::size_t>(k)];
    u.deepest_mm = grid.depthMm(k) + 0.5 * grid.dz_mm;
    if (above >= kDeepestShare * total) break;
  }
  // Spreading sideways from the wall, in one dimension, for as long as the film feeds it.
  u.reach_um = std::sqrt(2.0 * diffusivityUm2s * openDays * kSecondsPerDay);
  const double reachMm2 = std::numbers::pi * u.reach_um * u.reach_um / kUm2PerMm2;
  // Channels placed at random: the share of the skin within reach of at least one.
  u.covered_fraction = 1.0 - std::exp(-puncturesPerCm2 / kMm2PerCm2 * reachMm2);
  return u;
}

}  // namespace dermasim
