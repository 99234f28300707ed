#include "core/tissue/BaselineSkin.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "core/tissue/SkinFeatures.hpp"
#include "core/tissue/SurfaceTexture.hpp"

namespace dermasim {
namespace {

// Rows [first, end) are wholly dermis: missing tissue is never put in the epidermis, in the
// part-fat row at the bottom of the dermis or in the subcutis below it.
struct DermisRows {
  int first = 0, end = 0;
  double dz = 0, cap = 0;
  double topMm() const { return first * dz; }
  double bottomMm() const { return end * dz; }
  double capacityMm() const { return std::max(0, end - first) * dz * cap; }
};

// Adds `amount` mm of surface depth to a column as a missing fraction spread evenly over
// the depths [top, bottom], never above the cap in any row; when the range is full it
// deepens a row at a time. Exact: sum(col) * dz grows by `amount` unless the whole dermis
// is full, and then the shortfall is returned.
double spreadDeficit(std::vector<double>& col, double amount, double top, double bottom,
                     const DermisRows& rows) {
  top = std::max(top, rows.topMm());
  bottom = std::clamp(std::max(bottom, top + rows.dz), top, rows.bottomMm());
  std::vector<double> w(col.size(), 0.0);
  std::vector<int> active;
  while (amount > 0.0) {
    active.clear();
    for (int k = rows.first; k < rows.end; ++k) {
      const auto i = static_cast<std::size_t>(k);
      const double overlap = std::min(bottom, (k + 1) * rows.dz) - std::max(top, k * rows.dz);
      w[i] = std::max(0.0, overlap) / rows.dz;
      if (w[i] > 0.0 && col[i] < rows.cap) active.push_back(k);
    }
    // Water filling: rows that would pass the cap are filled to it and the rest share what
    // remains.
    while (!active.empty() && amount > 0.0) {
      double weight = 0.0;
      for (int k : active) weight += w[static_cast<std::size_t>(k)];
      const double f = amount / (weight * rows.dz);
      std::vector<int> open;
      for (int k : active) {
        const auto i = static_cast<std::size_t>(k);
        const double room = rows.cap - col[i];
        if (f * w[i] >= room) {
          amount -= room * rows.dz;
          col[i] = rows.cap;
        } else {
          open.push_back(k);
        }
      }
      if (open.size() == active.size()) {
        for (int k : open) col[static_cast<std::size_t>(k)] += f * w[static_cast<std::size_t>(k)];
        amount = 0.0;
      }
      active.swap(open);
    }
    if (amount <= 1e-15 || bottom >= rows.bottomMm()) break;
    bottom = std::min(bottom + rows.dz, rows.bottomMm());
  }
  return std::max(0.0, amount);
}

Grid makeGrid(const ModelSettings& m, const Layers& layers) {
  if (!(m.patch_size_mm > 0.0 && m.lateral_resolution_um > 0.0 && m.depth_resolution_um > 0.0))
    throw std::invalid_argument("model patch size and resolutions must be positive");
  Grid g;
  const double requestedDx = m.lateral_resolution_um / 1000.0;
  g.nx = g.ny = std::max(1, static_cast<int>(std::lround(m.patch_size_mm / requestedDx)));
  // The spacing gives way a little so the grid spans the patch exactly and stays periodic.
  g.dx_mm = m.patch_size_mm / g.nx;
  g.dz_mm = m.depth_resolution_um / 1000.0;
  g.nz = depthCells(layers, g.dz_mm);
  return g;
}

// The site's layers, with as much subcutis below the dermis as the scenario's longest needle
// can reach: no needle goes deeper than it is long.
Layers scenarioLayers(const Scenario& s, const AnatomyParameters& anatomy) {
  Layers layers = layersFor(s.patient.site, s.patient.age_years, anatomy);
  double deepest = 0.0;
  for (const SessionPlan& plan : s.sessions)
    deepest = std::max(deepest, plan.device.needle_length_mm);
  layers.subcutis_mm = subcutisModelledMm(layers, deepest, anatomy);
  return layers;
}

void addFeatures(FeatureMap& m, const FeatureFrame& f, const Patient& patient,
                 const BaselineParameters& p) {
  switch (patient.indication) {
    case Indication::AcneScars:
      addAcneScars(m, f, patient.scars, p);
      break;
    case Indication::FineLines:
      addFineLines(m, f, p);
      break;
    case Indication::StretchMarks:
      addStretchMarks(m, f, p);
      break;
    case Indication::SurgicalScar:
      addSurgicalScar(m, f, p);
      break;
    case Indication::EnlargedPores:
      addEnlargedPores(m, f, p);
      break;
    // Plain ageing skin: the micro-texture is all there is.
    case Indication::Rejuvenation:
    case Indication::Pigmentation:
    case Indication::HairLoss:
      break;
  }
}

}  // namespace

BaselineParameters BaselineParameters::from(const ModelParameters& p) {
  BaselineParameters b{};
  b.deficit_cap = p["baseline.deficit_cap"];
  b.icepick_depth_factor = p["baseline.icepick_depth_factor"];
  b.rolling_depth_factor = p["baseline.rolling_depth_factor"];
  b.scar_depth_spread = p["baseline.scar_depth_spread"];
  b.icepick_width_mm = p["baseline.icepick_width_mm"];
  b.boxcar_width_mm = p["baseline.boxcar_width_mm"];
  b.rolling_width_mm = p["baseline.rolling_width_mm"];
  b.scar_width_spread = p["baseline.scar_width_spread"];
  b.boxcar_wall_fraction = p["baseline.boxcar_wall_fraction"];
  b.icepick_range_fraction = p["baseline.icepick_range_fraction"];
  b.boxcar_range_fraction = p["baseline.boxcar_range_fraction"];
  b.rolling_range_fraction = p["baseline.rolling_range_fraction"];
  b.rolling_tether = p["baseline.rolling_tether"];
  b.icepick_lining = p["baseline.icepick_lining"];
  b.scar_disorder = p["baseline.scar_disorder"];
  b.scar_fibrosis_um = p["baseline.scar_fibrosis_um"];
  b.line_spacing_mm = p["baseline.line_spacing_mm"];
  b.line_depth_um = p["baseline.line_depth_um"];
  b.line_width_mm = p["baseline.line_width_mm"];
  b.line_width_spread = p["baseline.line_width_spread"];
  b.line_depth_spread = p["baseline.line_depth_spread"];
  b.line_wave_mm = p["baseline.line_wave_mm"];
  b.striae_width_mm = p["baseline.striae_width_mm"];
  b.striae_depth_um = p["baseline.striae_depth_um"];
  b.striae_width_spread = p["baseline.striae_width_spread"];
  b.striae_depth_spread = p["baseline.striae_depth_spread"];
  b.striae_wall_fraction = p["baseline.striae_wall_fraction"];
  b.striae_wave_mm = p["baseline.striae_wave_mm"];
  b.striae_disorder = p["baseline.striae_disorder"];
  b.surgical_width_mm = p["baseline.surgical_width_mm"];
  b.surgical_depth_um = p["baseline.surgical_depth_um"];
  b.surgical_wall_fraction = p["baseline.surgical_wall_fraction"];
  b.surgical_wave_mm = p["baseline.surgical_wave_mm"];
  b.surgical_disorder = p["baseline.surgical_disorder"];
  b.feature_range_fraction = p["baseline.feature_range_fraction"];
  b.pore_density_cm2 = p["baseline.pore_density_cm2"];
  b.pore_width_mm = p["baseline.pore_width_mm"];
  b.pore_depth_mm = p["baseline.pore_depth_mm"];
  b.pore_width_spread = p["baseline.pore_width_spread"];
  b.pore_depth_spread = p["baseline.pore_depth_spread"];
  b.texture_ra_um = p["baseline.texture_ra_um"];
  b.texture_ra_per_decade_um = p["baseline.texture_ra_per_decade_um"];
  b.texture_onset_age = p["baseline.texture_onset_age"];
  b.texture_correlation_mm = p["baseline.texture_correlation_mm"];
  return b;
}

double textureRaUm(double age_years, const BaselineParameters& b) {
  return b.texture_ra_um +
         b.texture_ra_per_decade_um * std::max(0.0, age_years - b.texture_onset_age) / 10.0;
}

Grid gridFor(const Scenario& s, const ModelParameters& parameters) {
  const AnatomyParameters anatomy = AnatomyParameters::from(parameters);
  return makeGrid(s.model, scenarioLayers(s, anatomy));
}

BaselineSkin makeBaselineSkin(const Scenario& s, const ModelParameters& parameters) {
  const AnatomyParameters anatomy = AnatomyParameters::from(parameters);
  const BaselineParameters p = BaselineParameters::from(parameters);
  BaselineSkin b;
  b.layers = scenarioLayers(s, anatomy);
  b.grid = makeGrid(s.model, b.layers);
  b.profile = normalProfile(b.layers, b.grid, anatomy);
  const Grid& g = b.grid;
  const DermisRows rows{b.profile.first_dermis_row, b.profile.end_dermis_row, g.dz_mm,
                        p.deficit_cap};

  const Eigen::ArrayXd texture =
      surfaceTexture(g, textureRaUm(s.patient.age_years, p) / 1000.0, p.texture_correlation_mm,
                     CounterRandom(s.seed, {0xBA5E, 2}));
  // Features get whatever room the dermis has once the texture is sure to fit.
  FeatureFrame frame{g, b.layers, 0.0, s.seed};
  frame.max_depth_mm = std::max(0.0, (1.0 - 1e-9) * rows.capacityMm() - texture.maxCoeff());
  FeatureMap m(g);
  addFeatures(m, frame, s.patient, p);

  b.deficit = g.zeros3();
  b.disorder = g.zeros3();
  const auto nz = static_cast<std::size_t>(g.nz);
  const double dermisTop = b.layers.dermisTopMm();
  // Columns are independent: rows of them in parallel.
#pragma omp parallel for schedule(static)
  for (int j = 0; j < g.ny; ++j) {
    std::vector<double> col(nz), dis(nz);
    for (int i = 0; i < g.nx; ++i) {
      const auto c = static_cast<Eigen::Index>(g.column(i, j));
      std::fill(col.begin(), col.end(), 0.0);
      std::fill(dis.begin(), dis.end(), 0.0);
      spreadDeficit(col, m.depth[c], dermisTop, m.range_bottom[c], rows);
      spreadDeficit(col, texture[c], dermisTop, b.layers.papillaryBottomMm(), rows);
      if (m.disorder[c] > 0.0)
        for (int k = 0; k < g.nz; ++k) {
          const double overlap =
              std::min(m.disorder_bottom[c], (k + 1) * g.dz_mm) - std::max(dermisTop, k * g.dz_mm);
          dis[static_cast<std::size_t>(k)] = m.disorder[c] * std::max(0.0, overlap) / g.dz_mm;
        }
      for (int k = 0; k < g.nz; ++k) {
        const auto v = static_cast<Eigen::Index>(g.index(i, j, k));
        b.deficit[v] = static_cast<float>(col[static_cast<std::size_t>(k)]);
        b.disorder[v] = static_cast<float>(std::min(1.0, dis[static_cast<std::size_t>(k)]));
      }
    }
  }
  b.tether = m.tether;
  b.lining = m.lining;
  b.scarIndex = m.scar_index;
  b.scars = std::move(m.scars);
  return b;
}

}  // namespace dermasim
