#include "core/readout/SkinReadout.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

#include "core/numerics/OrderedSum.hpp"

namespace dermasim {
namespace {

Eigen::Index at(std::size_t v) { return static_cast<Eigen::Index>(v); }

// fn(block, first, last) for fixed blocks of 1024 columns [first, last), in parallel: each
// block is one work item whichever thread takes it, so per-block results, and sums of them
// taken in block order, come out alike on any thread count.
constexpr std::size_t kColumnBlock = 1024;
std::size_t columnBlocks(std::size_t columns) {
  return (columns + kColumnBlock - 1) / kColumnBlock;
}
template <typename Fn>
void forColumnBlocks(std::size_t columns, Fn&& fn) {
  const auto blocks = static_cast<std::ptrdiff_t>(columnBlocks(columns));
#pragma omp parallel for schedule(static)
  for (std::ptrdiff_t b = 0; b < blocks; ++b) {
    const std::size_t first = static_cast<std::size_t>(b) * kColumnBlock;
    fn(static_cast<std::size_t>(b), first, std::min(columns, first + kColumnBlock));
  }
}

// Sums of a 3-D field plane by plane, in parallel; each plane is summed in a fixed order, so
// the result does not depend on the thread count.
std::vector<double> planeSums(const Field& f, const Grid& g) {
  std::vector<double> sums(static_cast<std::size_t>(g.nz));
  const auto columns = static_cast<std::ptrdiff_t>(g.columns());
#pragma omp parallel for schedule(static)
  for (int k = 0; k < g.nz; ++k)
    sums[static_cast<std::size_t>(k)] = orderedSum(f.data() + k * columns, columns);
  return sums;
}

double total(const std::vector<double>& sums) {
  double t = 0;
  for (double s : sums) t += s;
  return t;
}

double roughnessRaUm(const Field& h) {
  const double mean = h.cast<double>().mean();
  return (h.cast<double>() - mean).abs().mean() * 1000.0;
}

}  // namespace

ReadoutParameters ReadoutParameters::from(const ModelParameters& p) {
  return {p["redness.sampling_depth_mm"], p["surface.smoothing_length_mm"]};
}

SkinReadout::SkinReadout(const HealingModel& model, int fitzpatrick, const ModelParameters& p)
    : SkinReadout(model, fitzpatrick, OpticsParameters::from(p), ReadoutParameters::from(p)) {}

SkinReadout::SkinReadout(const HealingModel& model, int fitzpatrick, const OpticsParameters& optics,
                         const ReadoutParameters& readout)
    : surfaceGrid_{model.grid().nx, model.grid().ny, 1, model.grid().dx_mm, model.grid().dz_mm},
      // One implicit step with D dt = l^2 is the membrane smoothing (1 - l^2 lap)^-1 per axis.
      smoother_(surfaceGrid_, std::pow(readout.surface_smoothing_length_mm, 2), 0.0),
      colours_(melaninFraction(fitzpatrick, optics), model.baseline().layers.epidermis_mm, optics),
      restBlood_(erythemaBloodFraction(0.0, optics)),
      fullBlood_(erythemaBloodFraction(1.0, optics)),
      epidermisMm_(model.baseline().layers.epidermis_mm),
      scarProfilometry_(surfaceGrid_, model.baseline().scarIndex, model.baseline().scars) {
  restA_ = colours_.lab(restBlood_, 0.0).a;
  restL_ = colours_.lab(restBlood_, 0.0).L;
  fullA_ = colours_.lab(fullBlood_, 0.0).a;
  const Grid& g = model.grid();
  const DepthProfile& prof = model.baseline().profile;
  const double depthScale = readout.redness_sampling_depth_mm;
  for (int k = 0; k < g.nz; ++k) {
    const auto ku = static_cast<std::size_t>(k);
    opticalWeight_.push_back(prof.vessels[ku] *
                             static_cast<float>(std::exp(-g.depthMm(k) / depthScale)));
    if (prof.dermis[ku] > 0.5F && g.depthMm(k) < model.baseline().layers.papillaryBottomMm())
      papillaryCells_.push_back(k);
    if (prof.subcutis[ku] < 1.0F) skinRows_ = k + 1;
  }
  scars_ = !model.baseline().scars.empty();
  // Below the relief of the upper dermis only the scars miss tissue: planes where few columns
  // do keep a list of them (the rest add nothing to the surface height, whatever is refilled).
  const Field& deficit = model.baseline().deficit;
  const std::size_t columns = g.columns();
  deficitColumns_.resize(static_cast<std::size_t>(g.nz));
#pragma omp parallel for schedule(static)
  for (int k = 0; k < g.nz; ++k) {
    std::vector<std::uint32_t> missing;
    for (std::size_t c = 0; c < columns; ++c)
      if (deficit[at(static_cast<std::size_t>(k) * columns + c)] > 0.0F)
        missing.push_back(static_cast<std::uint32_t>(c));
    if (missing.size() * kSparseShare < columns)
      deficitColumns_[static_cast<std::size_t>(k)] = std::move(missing);
  }
  baseRaw_ = rawHeightMm(model);
  Field h = baseRaw_;
  smoother_.step(h, 1.0);
  baseRoughness_ = roughnessRaUm(h);
  baseScarVolumeMm3_ = scarProfilometry_.measure(h).volume_mm3;
  const std::vector<double> c1 = planeSums(model.baseCollagen1(), g);
  const std::vector<double> c3 = planeSums(model.baseCollagen3(), g);
  baseCollagen1_ = total(c1);
  baseCollagen3_ = total(c3);
  baseElastin_ = total(planeSums(model.baseElastin(), g));
  for (int k : papillaryCells_)
    basePapillary_ += c1[static_cast<std::size_t>(k)] + c3[static_cast<std::size_t>(k)];
}

Field SkinReadout::rawHeightMm(const HealingModel& model) const {
  // The surface sits on the dermis: missing tissue lowers it column by column, less what
  // remodelling has refilled and cross-linked (new collagen laid into existing tissue makes it
  // denser, not bigger).
  const Grid& g = model.grid();
  const DepthProfile& prof = model.baseline().profile;
  const TissueState& st = model.state();
  const Field& deficit = model.baseline().deficit;
  const std::size_t columns = g.columns();
  Field h = g.zeros2();
  // Each column adds its cells top to bottom. A cell with no deficit adds exactly zero
  // (refilled is never negative), so sparse planes visit only the columns their list holds,
  // with the same sums bit for bit.
  forColumnBlocks(columns, [&](std::size_t, std::size_t first, std::size_t last) {
    for (int k = 0; k < g.nz; ++k) {
      const auto ku = static_cast<std::size_t>(k);
      const float normal = prof.collagen[ku];
      if (normal <= 0) continue;
      const auto dz = static_cast<float>(g.dz_mm) * prof.dermis[ku];
      const auto add = [&](std::size_t c) {
        const Eigen::Index v = at(ku * columns + c);
        h[at(c)] -= dz * std::max(0.0F, deficit[v] - st.refilled[v]);
      };
      const std::optional<std::vector<std::uint32_t>>& sparse = deficitColumns_[ku];
      if (!sparse) {
        for (std::size_t c = first; c < last; ++c) add(c);
        continue;
      }
      auto c = std::lower_bound(sparse->begin(), sparse->end(), first);
      for (; c != sparse->end() && *c < last; ++c) add(*c);
    }
  });
  return h;
}

Field SkinReadout::surfaceHeightMm(const HealingModel& model) {
  const TissueState& st = model.state();
  Field raw = rawHeightMm(model);
  // Tethered columns follow the matrix below them only in part.
  Field h = baseRaw_ + (1.0F - st.tether) * (raw - baseRaw_) +
            st.epidermis_gain * static_cast<float>(epidermisMm_);
  smoother_.step(h, 1.0);
  return h;
}

Field SkinReadout::columnErythema(const HealingModel& model) const {
  // The vessels dilate on the mediators' grid (as coarse as theirs across, the same planes):
  // each of its columns adds its planes top to bottom, and the weighted mean, linear in them,
  // is prolonged to the tissue's columns as a whole.
  const CoarserAcross& cells = model.mediatorCells();
  const Grid& vg = cells.coarse();
  const std::size_t vesselColumns = vg.columns();
  float total = 0;
  for (int k = 0; k < vg.nz; ++k)
    total += std::max(0.0F, opticalWeight_[static_cast<std::size_t>(k)]);
  const float* vaso = model.state().vasodilation.data();
  Field weighted = vg.zeros2();
  forColumnBlocks(vesselColumns, [&](std::size_t, std::size_t first, std::size_t last) {
    float* sum = weighted.data();
    for (int k = 0; k < vg.nz; ++k) {
      const float w = opticalWeight_[static_cast<std::size_t>(k)];
      if (w <= 0) continue;
      const float* plane = vaso + static_cast<std::size_t>(k) * vesselColumns;
      for (std::size_t c = first; c < last; ++c) sum[c] += w * plane[c];
    }
    if (total > 0)
      for (std::size_t c = first; c < last; ++c) sum[c] /= total;
  });
  const Grid& g = model.grid();
  Field out(static_cast<Eigen::Index>(g.columns()));  // every value written by the prolongation
  cells.prolongPlane(weighted.data(), out.data());
  const float* flare = model.state().flare.data();
  forColumnBlocks(g.columns(), [&](std::size_t, std::size_t first, std::size_t last) {
    // The flare dilates every depth of a column alike, and the union 1 - (1 - v)(1 - F) is
    // linear in v: taken on the column's weighted mean it is exact.
    for (std::size_t c = first; c < last; ++c) out[at(c)] += flare[c] - out[at(c)] * flare[c];
  });
  return out;
}

SkinReading SkinReadout::read(const HealingModel& model) {
  const Grid& g = model.grid();
  const TissueState& st = model.state();
  SkinReading out;
  out.day = model.day();

  const Field ery = columnErythema(model);
  // Between sessions most columns are back to resting redness: their colour is known.
  constexpr float kResting = 1e-6F;
  // Each block summed in column order, then the blocks in order.
  const auto columns = static_cast<std::size_t>(ery.size());
  struct Colour {
    double a = 0, lightness = 0, vascularA = 0;
  };
  std::vector<Colour> sums(columnBlocks(columns));
  forColumnBlocks(columns, [&](std::size_t b, std::size_t first, std::size_t last) {
    Colour& sum = sums[b];
    for (std::size_t c = first; c < last; ++c) {
      const float sb = st.surface_blood_um[at(c)];
      if (ery[at(c)] < kResting && sb <= 0.0F) {
        sum.a += restA_;
        sum.lightness += restL_;
        sum.vascularA += restA_;
        continue;
      }
      const double blood = restBlood_ + static_cast<double>(ery[at(c)]) * (fullBlood_ - restBlood_);
      const Lab lab = colours_.lab(blood, static_cast<double>(sb));
      sum.a += lab.a;
      sum.lightness += lab.L;
      // Erythema is the redness the vessels add; blood lying on the skin adds to redness_a but
      // is not erythema.
      sum.vascularA += sb > 0.0F ? colours_.lab(blood, 0.0).a : lab.a;
    }
  });
  double a = 0, lightness = 0, vascularA = 0;
  for (const Colour& sum : sums) {
    a += sum.a;
    lightness += sum.lightness;
    vascularA += sum.vascularA;
  }
  const auto n = static_cast<double>(ery.size());
  out.redness_a = a / n;
  out.lightness_L = lightness / n;
  // On the scale of full vasodilation everywhere.
  out.erythema = fullA_ > restA_ ? (vascularA / n - restA_) / (fullA_ - restA_) : 0.0;
  out.barrier_open = model.barrierOpen();
  out.channels_open = model.channelsOpen();
  out.inflammation = model.dermisInflammation();

  const Field h = surfaceHeightMm(model);
  out.roughness_um = roughnessRaUm(h);
  const ScarReadings scars = scarProfilometry_.measure(h);
  out.scar_depth_um = scars.mean_depth_um;
  out.scar_depth_rolling_um = scars.rolling_depth_um;
  out.scar_depth_boxcar_um = scars.boxcar_depth_um;
  out.scar_depth_icepick_um = scars.icepick_depth_um;
  out.scar_volume_rel = baseScarVolumeMm3_ > 0 ? scars.volume_mm3 / baseScarVolumeMm3_ : 1.0;
  // Scars improve as their missing volume refills: what needling changes, and what PRIMOS
  // reports. Their depth can stay while the floor narrows, and a deepest point misses it.
  if (scars_ && baseScarVolumeMm3_ > 0)
    out.improvement_pct = 100.0 * (1.0 - out.scar_volume_rel);
  else if (baseRoughness_ > 0)
    out.improvement_pct = 100.0 * (1.0 - out.roughness_um / baseRoughness_);

  // The model keeps these sums per plane as it steps (the same ordered sums as the baseline's).
  const std::vector<PlaneTotals>& planes = model.planeTotals();
  double c1 = 0, c3 = 0, elastin = 0, fibro = 0;
  for (std::size_t k = 0; k < planes.size(); ++k) {
    c1 += planes[k].collagen1;
    c3 += planes[k].collagen3;
    elastin += planes[k].elastin;
    if (static_cast<int>(k) < skinRows_) fibro += planes[k].fibroblasts;
  }
  out.collagen1_rel = baseCollagen1_ > 0 ? c1 / baseCollagen1_ : 1.0;
  out.collagen3_rel = baseCollagen3_ > 0 ? c3 / baseCollagen3_ : 1.0;
  out.collagen_rel =
      (baseCollagen1_ + baseCollagen3_) > 0 ? (c1 + c3) / (baseCollagen1_ + baseCollagen3_) : 1.0;
  out.elastin_rel = baseElastin_ > 0 ? elastin / baseElastin_ : 1.0;

  double papillary = 0;
  for (int k : papillaryCells_)
    papillary += planes[static_cast<std::size_t>(k)].collagen1 +
                 planes[static_cast<std::size_t>(k)].collagen3;
  out.papillary_collagen_rel = basePapillary_ > 0 ? papillary / basePapillary_ : 1.0;
  out.epidermis_rel = 1.0 + st.epidermis_gain.cast<double>().mean();
  out.fibroblasts_rel = fibro / (static_cast<double>(g.columns()) * skinRows_);
  out.surface_blood_um = st.surface_blood_um.cast<double>().mean();
  return out;
}

}  // namespace dermasim
