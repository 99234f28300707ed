#include "viewer/Playback.hpp"

#include <algorithm>

namespace dermasim::viewer {

void Playback::seek(double day, double lastDay) {
  day_ = std::clamp(day, 0.0, std::max(0.0, lastDay));
}

void Playback::setSpeed(double daysPerSecond) {
  if (daysPerSecond > 0) speedDaysPerSecond_ = daysPerSecond;
}

void Playback::togglePlay(double lastDay) {
  if (playing_) {
    playing_ = false;
    return;
  }
  if (day_ >= lastDay) day_ = 0;
  playing_ = lastDay > 0;
}

bool Playback::advance(double seconds, double lastDay) {
  if (!playing_ || seconds <= 0) return false;
  const double before = day_;
  day_ = std::min(lastDay, day_ + seconds * speedDaysPerSecond_);
  if (day_ >= lastDay) playing_ = false;
  return day_ != before;
}

}  // namespace dermasim::viewer
