#pragma once
// The open channels needles leave, one by one: each keeps its own lumen, an ellipse at every
// depth, whose walls close in at a speed in um/h while its floor fills upward, and whose
// epidermal opening seals faster (the water barrier). Closure is a closed form in time, so
// every reading (channels open, barrier open, lumen over a step) is exact for any time step
// and any grid: the grid only receives each channel's lumen volume.
//
//   NeedleChannels channels(grid, ChannelClosure::from(parameters), TrackGeometry::from(...));
//   channels.open(punctures, day, seed, session);
//   channels.meanLumen(day, day + dt, lumenField);   // open share of each voxel over the step
//   double open = channels.channelsOpen(day + 0.5);   // of the last session's channels

#include <cstdint>
#include <utility>
#include <vector>

#include "core/devices/Puncture.hpp"
#include "core/numerics/Grid.hpp"
#include "core/parameters/ModelParameters.hpp"
#include "core/tissue/NeedleTracks.hpp"
#include "core/tissue/TrackSection.hpp"

namespace dermasim {

struct ChannelClosure {
  double wall_mm_day;     // walls closing in on the lumen
  double floor_mm_day;    // the floor filling upward
  double barrier_mm_day;  // the epidermis sealing over the opening
  double speed_log_sd;    // channel-to-channel spread of those speeds (log-normal)
  static ChannelClosure from(const ModelParameters& p);
};

class NeedleChannels {
 public:
  NeedleChannels(const Grid& grid, const ChannelClosure& closure, const TrackGeometry& tracks);

  // A session's punctures open their channels on `day`; channels of earlier sessions that are
  // still open stay open. `seed` and `session` draw each channel's closure speed.
  void open(const std::vector<Puncture>& punctures, double day, std::uint64_t seed, int session);

  // Mean open-lumen share of each voxel over [fromDay, toDay], written into `lumen` (0..1;
  // overlapping channels add, up to a full voxel). False, with `lumen` all zero, when no
  // channel is open over the interval.
  bool meanLumen(double fromDay, double toDay, Field& lumen);

  // Of the last session's channels: the share with lumen left at any depth, and the share
  // whose epidermal opening has not yet sealed.
  double channelsOpen(double day) const;
  double barrierOpen(double day) const;
  // Mean time the last session's channels keep their epidermal opening open, days.
  double meanBarrierOpenDays() const;
  // Share of the skin surface over open lumen on `day` (from 2 x 2 samples per column).
  double openSurfaceFraction(double day) const;
  // The day the last channel closes (no channel open after it).
  double lastClosureDay() const { return lastClosure_; }

 private:
  struct Channel {
    Puncture puncture;
    double day;           // opened
    double speed;         // this channel's closure speed multiplier
    double surface_b_mm;  // minor semi-axis of its lumen at the surface
    double closes_day;    // no lumen left at any depth from this day on
    double seals_day;     // epidermal opening sealed from this day on
    int session;
  };
  // Lumen volume of one channel within depth cell k, integrated over [t0, t1] days since it
  // opened, in mm3 x day.
  double lumenVolumeDays(const Channel& c, int k, double t0, double t1) const;
  TrackSection surfaceLumen(const Channel& c, double sinceDays) const;
  // The columns one channel's lumen is spread over, with weights summing to 1.
  struct Footprint {
    std::vector<std::pair<std::size_t, float>> cells;
  };
  void footprint(const Channel& c, double sinceDays, Footprint& f) const;
  template <typename Predicate>
  double shareOfLastSession(Predicate stillOpen) const;

  Grid grid_;
  ChannelClosure closure_;
  TrackGeometry tracks_;
  double tanTip_;
  std::vector<Channel> channels_;
  // Scratch of meanLumen(), kept between steps: the channels open and their footprints.
  std::vector<std::size_t> open_;
  std::vector<Footprint> footprints_;
  int lastSession_ = -1;
  double lastClosure_ = 0;
};

}  // namespace dermasim
