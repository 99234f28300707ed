#include "viewer/SnapshotCache.hpp"

#include <algorithm>
#include <cmath>

namespace dermasim::viewer {
namespace {

// Snapshot days come from steps that land on the requested day after float arithmetic.
constexpr double kSameDay = 1e-6;

std::string offsetLabel(double offset) {
  if (offset == 1) return "1 day after";
  if (offset == 7) return "1 week after";
  if (offset == 30) return "1 month after";
  const double rounded = std::round(offset);
  return std::to_string(static_cast<long>(rounded)) + " days after";
}

}  // namespace

std::vector<KeyDay> timelineKeyDays(const std::vector<double>& sessionDays, double durationDays) {
  std::vector<KeyDay> days;
  const bool several = sessionDays.size() > 1;
  for (std::size_t i = 0; i < sessionDays.size(); ++i) {
    const std::string name = several ? "session " + std::to_string(i + 1) : "the session";
    days.push_back({sessionDays[i], several ? "Session " + std::to_string(i + 1) : "Session"});
    const double until = i + 1 < sessionDays.size() ? sessionDays[i + 1] : durationDays;
    for (const double offset : kKeyDayOffsets) {
      const double day = sessionDays[i] + offset;
      // A stop on or after the next session would describe that session's skin instead.
      const bool beforeNext =
          i + 1 < sessionDays.size() ? day < until - kSameDay : day <= until + kSameDay;
      if (beforeNext) days.push_back({day, offsetLabel(offset) + " " + name});
    }
  }
  if (days.empty() || days.back().day < durationDays - kSameDay)
    days.push_back({durationDays, "End"});
  std::stable_sort(days.begin(), days.end(),
                   [](const KeyDay& a, const KeyDay& b) { return a.day < b.day; });
  return days;
}

SnapshotCache::SnapshotCache(std::vector<SkinSnapshot> snapshots, std::vector<double> sessionDays,
                             double durationDays)
    : snapshots_(std::move(snapshots)), keyDays_(timelineKeyDays(sessionDays, durationDays)) {}

std::size_t SnapshotCache::indexAt(double day) const {
  const auto after = std::upper_bound(snapshots_.begin(), snapshots_.end(), day + kSameDay,
                                      [](double d, const SkinSnapshot& s) { return d < s.day; });
  if (after == snapshots_.begin()) return 0;
  return static_cast<std::size_t>(after - snapshots_.begin()) - 1;
}

const SkinSnapshot* SnapshotCache::at(double day) const {
  return snapshots_.empty() ? nullptr : &snapshots_[indexAt(day)];
}

double SnapshotCache::nextKeyDay(double day) const {
  for (const KeyDay& k : keyDays_)
    if (k.day > day + kSameDay) return k.day;
  return keyDays_.empty() ? day : keyDays_.back().day;
}

double SnapshotCache::previousKeyDay(double day) const {
  for (auto k = keyDays_.rbegin(); k != keyDays_.rend(); ++k)
    if (k->day < day - kSameDay) return k->day;
  return keyDays_.empty() ? day : keyDays_.front().day;
}

}  // namespace dermasim::viewer
