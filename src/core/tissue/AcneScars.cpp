// Atrophic acne scars: how many, which types, where, and the shape each leaves.

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <numbers>

#include "core/tissue/SkinFeatures.hpp"

namespace dermasim {
namespace {

constexpr std::array<ScarType, 3> kTypes{ScarType::Rolling, ScarType::Boxcar, ScarType::Icepick};

std::array<double, 3> mixShares(const ScarMix& mix) {
  std::array<double, 3> w{std::max(0.0, mix.rolling), std::max(0.0, mix.boxcar),
                          std::max(0.0, mix.icepick)};
  const double sum = w[0] + w[1] + w[2];
  if (sum <= 0.0) return {1.0 / 3.0, 1.0 / 3.0, 1.0 / 3.0};
  for (double& x : w) x /= sum;
  return w;
}

// Stratified (systematic) sampling: n evenly spaced points, one random offset, through the
// mix's cumulative shares; each type gets its n x share scars rounded up or down, never a
// lucky streak of one type in a small patch.
std::vector<ScarType> assignTypes(int n, const ScarMix& mix, CounterRandom& rng) {
  const std::array<double, 3> shares = mixShares(mix);
  const double offset = rng.uniform();
  std::vector<ScarType> types;
  for (int i = 0; i < n; ++i) {
    const double u = (i + offset) / n;
    double cumulative = 0.0;
    std::size_t t = 0;
    for (; t + 1 < kTypes.size(); ++t) {
      cumulative += shares[t];
      if (u < cumulative) break;
    }
    types.push_back(kTypes[t]);
  }
  return types;
}

double depthFactor(ScarType t, const BaselineParameters& p) {
  switch (t) {
    case ScarType::Icepick:
      return p.icepick_depth_factor;
    case ScarType::Rolling:
      return p.rolling_depth_factor;
    case ScarType::Boxcar:
      return 1.0;
  }
  return 1.0;
}

// Widths stay inside the ranges that define each type (Jacob 2001).
double typeWidthMm(ScarType t, double spread, const BaselineParameters& p) {
  switch (t) {
    case ScarType::Icepick:
      return std::clamp(p.icepick_width_mm * spread, 0.3, 1.9);
    case ScarType::Boxcar:
      return std::clamp(p.boxcar_width_mm * spread, 1.5, 4.0);
    case ScarType::Rolling:
      return std::clamp(p.rolling_width_mm * spread, 4.0, 8.0);
  }
  return 0.0;
}

double rangeFraction(ScarType t, const BaselineParameters& p) {
  switch (t) {
    case ScarType::Icepick:
      return p.icepick_range_fraction;
    case ScarType::Boxcar:
      return p.boxcar_range_fraction;
    case ScarType::Rolling:
      return p.rolling_range_fraction;
  }
  return 0.0;
}

double periodicDistanceMm(double x, double y, double x0, double y0, double period) {
  return std::hypot(wrappedOffsetMm(x, x0, period), wrappedOffsetMm(y, y0, period));
}

// The standard normal quantile, by bisection on erfc: slow next to a rational approximation,
// but it runs a few times per scar, once per simulation.
double normalQuantile(double p) {
  double lo = -9.0, hi = 9.0;
  for (int i = 0; i < 80; ++i) {
    const double mid = 0.5 * (lo + hi);
    (0.5 * std::erfc(-mid / std::numbers::sqrt2) < p ? lo : hi) = mid;
  }
  return 0.5 * (lo + hi);
}

// n spread factors from the log-normal of spreadFactor(), one from each n-th of its range in
// random order: a patch's scars of one type span the distribution, so the skin (and its
// response) changes little from seed to seed, while no two patches are alike.
std::vector<double> stratifiedSpreads(int n, double sigma, CounterRandom& rng) {
  std::vector<double> f(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i)
    f[static_cast<std::size_t>(i)] =
        std::exp(sigma * normalQuantile((i + rng.uniform()) / n) - 0.5 * sigma * sigma);
  for (int i = n - 1; i > 0; --i)
    std::swap(f[static_cast<std::size_t>(i)], f[static_cast<std::size_t>(rng.uniform() * (i + 1))]);
  return f;
}

// Best of several candidates, so scars spread over the patch as a clinician sees them
// rather than piling up, without forbidding overlap where the patch is crowded.
void placeCentre(Scar& scar, const std::vector<Scar>& placed, double patch, CounterRandom& rng) {
  double bestScore = -1.0;
  const int candidates = placed.empty() ? 1 : 16;
  for (int attempt = 0; attempt < candidates; ++attempt) {
    const double x = rng.uniform(0.0, patch), y = rng.uniform(0.0, patch);
    double score = std::numeric_limits<double>::max();
    for (const Scar& o : placed)
      score = std::min(score, periodicDistanceMm(x, y, o.x_mm, o.y_mm, patch) /
                                  (0.5 * (scar.width_mm + o.width_mm)));
    if (score > bestScore) {
      bestScore = score;
      scar.x_mm = x;
      scar.y_mm = y;
    }
  }
}

std::vector<Scar> drawScars(const FeatureFrame& f, const BaselineScars& b,
                            const BaselineParameters& p) {
  if (b.count_per_cm2 <= 0.0) return {};
  const double patch = f.patchMm();
  const int n = std::max(1, static_cast<int>(std::lround(b.count_per_cm2 * patch * patch / 100.0)));
  CounterRandom rng = f.stream(1);
  const std::vector<ScarType> types = assignTypes(n, b.mix, rng);
  const double depthSpread = p.scar_depth_spread;
  const double widthSpread = p.scar_width_spread;

  // Depths and widths stratified within each type.
  std::array<std::vector<double>, kTypes.size()> depths, widths;
  std::array<std::size_t, kTypes.size()> used{};
  for (std::size_t k = 0; k < kTypes.size(); ++k) {
    const auto count = static_cast<int>(std::count(types.begin(), types.end(), kTypes[k]));
    depths[k] = stratifiedSpreads(count, depthSpread, rng);
    widths[k] = stratifiedSpreads(count, widthSpread, rng);
  }
  std::vector<Scar> scars;
  for (ScarType t : types) {
    const auto k =
        static_cast<std::size_t>(std::find(kTypes.begin(), kTypes.end(), t) - kTypes.begin());
    const std::size_t i = used[k]++;
    Scar s;
    s.type = t;
    s.depth_mm = depthFactor(t, p) * depths[k][i];
    // Not limited by the patch: a scar wider than it wraps across the periodic sides, and its
    // reference skin (ScarProfilometry) is found wherever unscarred skin remains.
    s.width_mm = typeWidthMm(t, widths[k][i], p);
    placeCentre(s, scars, patch, rng);
    scars.push_back(s);
  }
  // Rescaled so the patient's mean depth holds exactly for the scars drawn. A dermis too thin
  // to hold a scar caps it, and the others deepen to keep the mean, as far as they can.
  const double wanted = b.mean_depth_mm * n;
  std::vector<bool> capped(scars.size(), false);
  for (std::size_t round = 0; round <= scars.size(); ++round) {
    double cappedSum = 0.0, free = 0.0;
    for (std::size_t i = 0; i < scars.size(); ++i)
      (capped[i] ? cappedSum : free) += scars[i].depth_mm;
    if (free <= 0.0) break;
    const double scale = (wanted - cappedSum) / free;
    bool newlyCapped = false;
    for (std::size_t i = 0; i < scars.size(); ++i) {
      if (capped[i]) continue;
      scars[i].depth_mm *= scale;
      if (scars[i].depth_mm >= f.max_depth_mm) {
        scars[i].depth_mm = f.max_depth_mm;
        capped[i] = newlyCapped = true;
      }
    }
    if (!newlyCapped) break;
  }
  return scars;
}

}  // namespace

double scarSurfaceDepthMm(const Scar& scar, double r_mm, const BaselineParameters& p) {
  const double radius = 0.5 * scar.width_mm;
  if (r_mm >= radius) return 0.0;
  switch (scar.type) {
    case ScarType::Icepick:
      return scar.depth_mm * (1.0 - r_mm / radius);
    case ScarType::Boxcar:
      return scar.depth_mm * flatFloorProfile(r_mm, radius, p.boxcar_wall_fraction);
    case ScarType::Rolling:
      return scar.depth_mm * flatFloorProfile(r_mm, radius, 1.0);
  }
  return 0.0;
}

double scarsSurfaceDepthMm(const std::vector<Scar>& scars, double x_mm, double y_mm,
                           double patch_mm, const BaselineParameters& p) {
  double deepest = 0.0;
  for (const Scar& s : scars) {
    const double r = periodicDistanceMm(x_mm, y_mm, s.x_mm, s.y_mm, patch_mm);
    deepest = std::max(deepest, scarSurfaceDepthMm(s, r, p));
  }
  return deepest;
}

void addAcneScars(FeatureMap& m, const FeatureFrame& f, const BaselineScars& b,
                  const BaselineParameters& p) {
  m.scars = drawScars(f, b, p);
  const double disorder = p.scar_disorder;
  const double fibrosis = p.scar_fibrosis_um / 1000.0;
  const double tether = p.rolling_tether;
  for (std::size_t idx = 0; idx < m.scars.size(); ++idx) {
    const Scar& scar = m.scars[idx];
    if (scar.depth_mm <= 0.0) continue;
    const double rangeBottom = f.dermisDepthMm(rangeFraction(scar.type, p));
    forEachColumnNear(
        f.grid, scar.x_mm, scar.y_mm, 0.5 * scar.width_mm, [&](std::size_t c, double r) {
          const double s = scarSurfaceDepthMm(scar, r, p);
          if (s <= 0.0) return;
          const double rel = s / scar.depth_mm;
          // Scar tissue fades out towards the rim, where the skin is nearly
          // normal.
          if (m.stamp(c, s, rangeBottom, disorder * std::min(1.0, 2.0 * rel),
                      rangeBottom + fibrosis))
            m.scar_index[static_cast<Eigen::Index>(c)] = static_cast<float>(idx + 1);
          if (scar.type == ScarType::Icepick)
            m.lining[static_cast<Eigen::Index>(c)] = static_cast<float>(p.icepick_lining);
          if (scar.type == ScarType::Rolling) {
            auto& t = m.tether[static_cast<Eigen::Index>(c)];
            t = std::max(t, static_cast<float>(tether * rel * rel));
          }
        });
  }
}

}  // namespace dermasim
