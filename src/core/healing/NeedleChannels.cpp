#include "core/healing/NeedleChannels.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "core/numerics/CounterRandom.hpp"
#include "core/numerics/Periodic.hpp"

namespace dermasim {
namespace {

constexpr double kHoursPerDay = 24.0;

// Two-point Gauss-Legendre: exact for the cubic a lumen's volume is between its kinks.
template <typename F>
double gauss2(F f, double lo, double hi) {
  if (hi <= lo) return 0.0;
  const double half = 0.5 * (hi - lo), mid = 0.5 * (hi + lo);
  const double offset = half / std::numbers::sqrt3;
  return half * (f(mid - offset) + f(mid + offset));
}

}  // namespace

ChannelClosure ChannelClosure::from(const ModelParameters& p) {
  const auto mmPerDay = [](double umPerHour) { return umPerHour * kHoursPerDay / 1000.0; };
  return {mmPerDay(p["healing.channel_wall_closure_um_h"]),
          mmPerDay(p["healing.channel_floor_closure_um_h"]),
          mmPerDay(p["healing.barrier_seal_um_h"]), p["healing.channel_closure_log_sd"]};
}

NeedleChannels::NeedleChannels(const Grid& grid, const ChannelClosure& closure,
                               const TrackGeometry& tracks)
    : grid_(grid),
      closure_(closure),
      tracks_(tracks),
      tanTip_(std::tan(tracks.tip_half_angle_deg * std::numbers::pi / 180.0)) {}

void NeedleChannels::open(const std::vector<Puncture>& punctures, double day, std::uint64_t seed,
                          int session) {
  std::erase_if(channels_, [day](const Channel& c) { return c.closes_day <= day; });
  lastSession_ = session;
  CounterRandom rng(seed, {0x6368616EULL, static_cast<std::uint64_t>(session)});
  for (const Puncture& p : punctures) {
    if (p.depth_mm <= 0) continue;
    Channel c{};
    c.puncture = p;
    c.day = day;
    c.session = session;
    // Median 1: the spread does not move the typical channel.
    c.speed = std::exp(closure_.speed_log_sd * rng.normal());
    const SemiAxes surface = trackSemiAxes(p, 0.0, 0.0, tanTip_);
    c.surface_b_mm = tracks_.lumen_recoil * std::min(surface.a, surface.b);
    // The widest part of the cone is at the surface, so the walls close there last; the floor
    // reaches the surface after rising the channel's whole depth.
    const double closes = std::min(c.surface_b_mm / (closure_.wall_mm_day * c.speed),
                                   p.depth_mm / (closure_.floor_mm_day * c.speed));
    const double seals = std::min(closes, c.surface_b_mm / (closure_.barrier_mm_day * c.speed));
    c.closes_day = day + closes;
    c.seals_day = day + seals;
    lastClosure_ = std::max(lastClosure_, c.closes_day);
    channels_.push_back(c);
  }
  if (punctures.empty()) lastClosure_ = std::max(lastClosure_, day);
}

TrackSection NeedleChannels::surfaceLumen(const Channel& c, double sinceDays) const {
  return trackSection(c.puncture, 0.0, 0.0, tanTip_)
      .scaled(tracks_.lumen_recoil)
      .shrunk(closure_.wall_mm_day * c.speed * sinceDays);
}

double NeedleChannels::lumenVolumeDays(const Channel& c, int k, double t0, double t1) const {
  const double dz = grid_.dz_mm, zTop = k * dz, depth = c.puncture.depth_mm;
  if (depth <= zTop) return 0.0;
  const SemiAxes s = trackSemiAxes(c.puncture, zTop, zTop + dz, tanTip_);
  const double a = s.a * tracks_.lumen_recoil, b = s.b * tracks_.lumen_recoil;
  const double wall = closure_.wall_mm_day * c.speed, floor = closure_.floor_mm_day * c.speed;
  // Open while the walls have not met and the floor is still below the cell's top.
  const double end = std::min({t1, std::min(a, b) / wall, (depth - zTop) / floor});
  const double start = std::max(t0, 0.0);
  if (end <= start) return 0.0;
  const auto volume = [&](double t) {
    const double share = std::clamp((depth - floor * t - zTop) / dz, 0.0, 1.0);
    return std::numbers::pi * (a - wall * t) * (b - wall * t) * share * dz;
  };
  // The floor enters the cell here: the volume has a kink.
  const double kink = std::clamp((depth - zTop - dz) / floor, start, end);
  return gauss2(volume, start, kink) + gauss2(volume, kink, end);
}

void NeedleChannels::footprint(const Channel& c, double sinceDays, Footprint& f) const {
  // The columns the channel's mouth covers, grown by half a column so that a channel as wide
  // as a few columns never fills one beyond its volume; deeper, narrower stretches spread over
  // the same ones (their volume is exact, only its place within ~0.1 mm is not).
  const Grid& g = grid_;
  const TrackSection s = surfaceLumen(c, sinceDays);
  const double grow = 0.5 * g.dx_mm;
  const TrackSection::Columns box = s.columns(g, grow);
  f.cells.clear();
  float sum = 0;
  for (int j = box.j0; j <= box.j1; ++j)
    for (int i = box.i0; i <= box.i1; ++i) {
      const float w = s.coverage(g, i, j, grow);
      if (w <= 0) continue;
      f.cells.push_back({g.column(periodicIndex(i, g.nx), periodicIndex(j, g.ny)), w});
      sum += w;
    }
  if (sum <= 0) {  // narrower than the samples: all of it in the column of its centre
    const int ci = static_cast<int>(std::floor(s.cx / g.dx_mm));
    const int cj = static_cast<int>(std::floor(s.cy / g.dx_mm));
    f.cells.push_back({g.column(periodicIndex(ci, g.nx), periodicIndex(cj, g.ny)), 1.0F});
    sum = 1.0F;
  }
  for (auto& cell : f.cells) cell.second /= sum;
}

bool NeedleChannels::meanLumen(double fromDay, double toDay, Field& lumen) {
  const Grid& g = grid_;
  open_.clear();
  for (std::size_t n = 0; n < channels_.size(); ++n)
    if (channels_[n].closes_day > fromDay) open_.push_back(n);
  if (open_.empty()) {
    lumen.setZero(static_cast<Eigen::Index>(g.voxels()));
    return false;
  }
  // Each plane is cleared, filled and capped by the thread that fills it, in cache.
  if (static_cast<std::size_t>(lumen.size()) != g.voxels())
    lumen.resize(static_cast<Eigen::Index>(g.voxels()));
  if (footprints_.size() < open_.size()) footprints_.resize(open_.size());
  const auto count = static_cast<std::ptrdiff_t>(open_.size());
#pragma omp parallel for schedule(static)
  for (std::ptrdiff_t n = 0; n < count; ++n) {
    const Channel& c = channels_[open_[static_cast<std::size_t>(n)]];
    const double t0 = std::max(0.0, fromDay - c.day);
    const double t1 = std::min(toDay, c.closes_day) - c.day;
    footprint(c, 0.5 * (t0 + t1), footprints_[static_cast<std::size_t>(n)]);
  }
  // A zero-length interval asks for the lumen at that instant.
  const double span = toDay > fromDay ? toDay - fromDay : 1e-9;
  const double perVoxel = 1.0 / (span * g.dx_mm * g.dx_mm * g.dz_mm);
  const std::size_t columns = g.columns();
  bool any = false;
#pragma omp parallel for schedule(dynamic, 1) reduction(|| : any)
  for (int k = 0; k < g.nz; ++k) {
    float* plane = lumen.data() + static_cast<std::size_t>(k) * columns;
    std::fill(plane, plane + columns, 0.0F);
    for (std::size_t n = 0; n < open_.size(); ++n) {
      const Channel& c = channels_[open_[n]];
      const double share =
          lumenVolumeDays(c, k, fromDay - c.day, fromDay - c.day + span) * perVoxel;
      if (share <= 0) continue;
      any = true;
      for (const auto& [column, weight] : footprints_[n].cells)
        plane[column] += static_cast<float>(share) * weight;
    }
    for (std::size_t c = 0; c < columns; ++c) plane[c] = std::min(plane[c], 1.0F);
  }
  return any;
}

template <typename Predicate>
double NeedleChannels::shareOfLastSession(Predicate stillOpen) const {
  std::size_t total = 0, open = 0;
  for (const Channel& c : channels_) {
    if (c.session != lastSession_) continue;
    ++total;
    if (stillOpen(c)) ++open;
  }
  return total > 0 ? static_cast<double>(open) / static_cast<double>(total) : 0.0;
}

double NeedleChannels::channelsOpen(double day) const {
  return shareOfLastSession([day](const Channel& c) { return c.closes_day > day; });
}

double NeedleChannels::barrierOpen(double day) const {
  return shareOfLastSession([day](const Channel& c) { return c.seals_day > day; });
}

double NeedleChannels::meanBarrierOpenDays() const {
  double sum = 0;
  std::size_t count = 0;
  for (const Channel& c : channels_) {
    if (c.session != lastSession_) continue;
    sum += c.seals_day - c.day;
    ++count;
  }
  return count > 0 ? sum / static_cast<double>(count) : 0.0;
}

double NeedleChannels::openSurfaceFraction(double day) const {
  const Grid& g = grid_;
  std::vector<float> covered(g.columns(), 0.0F);
  for (const Channel& c : channels_) {
    if (c.closes_day <= day || c.day > day) continue;
    const TrackSection s = surfaceLumen(c, day - c.day);
    const TrackSection::Columns box = s.columns(g, 0.0);
    for (int j = box.j0; j <= box.j1; ++j)
      for (int i = box.i0; i <= box.i1; ++i)
        covered[g.column(periodicIndex(i, g.nx), periodicIndex(j, g.ny))] +=
            s.coverage(g, i, j, 0.0);
  }
  double sum = 0;
  for (float f : covered) sum += static_cast<double>(std::min(1.0F, f));
  return sum / static_cast<double>(covered.size());
}

}  // namespace dermasim
