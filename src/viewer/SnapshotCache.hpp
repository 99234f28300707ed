#pragma once
// The finished run's snapshots, looked up by day as the timeline moves: the skin drawn for a day
// is the latest snapshot at or before it, so scrubbing never waits for the simulation. Also the
// timeline's key days (each session, and a day, a week and a month after it).

#include <cstddef>
#include <string>
#include <vector>

#include "core/readout/SkinSnapshot.hpp"

namespace dermasim::viewer {

// Days after a session worth a stop on the timeline, with their labels.
inline constexpr double kKeyDayOffsets[] = {1, 7, 30};

struct KeyDay {
  double day = 0;
  std::string label;  // "Session 2", "1 week after session 2", "End"
};

// Every session's day, then 1 day, 1 week and 1 month after it while that comes before the next
// session, then the end of the run; in day order.
std::vector<KeyDay> timelineKeyDays(const std::vector<double>& sessionDays, double durationDays);

class SnapshotCache {
 public:
  SnapshotCache() = default;
  // `snapshots` in day order, as simulate() returns them (move them in: they are large).
  SnapshotCache(std::vector<SkinSnapshot> snapshots, std::vector<double> sessionDays,
                double durationDays);

  bool empty() const { return snapshots_.empty(); }
  std::size_t size() const { return snapshots_.size(); }

  // The latest snapshot at or before `day` (the first one for a day before it); 0 when empty.
  std::size_t indexAt(double day) const;
  // Null when empty.
  const SkinSnapshot* at(double day) const;
  const SkinSnapshot& snapshot(std::size_t index) const { return snapshots_.at(index); }
  double dayOf(std::size_t index) const { return snapshots_.at(index).day; }

  const std::vector<KeyDay>& keyDays() const { return keyDays_; }
  // The first key day after `day` (or the last key day), and the last one before it (or the
  // first): for stepping through the timeline with the keyboard.
  double nextKeyDay(double day) const;
  double previousKeyDay(double day) const;

 private:
  std::vector<SkinSnapshot> snapshots_;
  std::vector<KeyDay> keyDays_;
};

}  // namespace dermasim::viewer
