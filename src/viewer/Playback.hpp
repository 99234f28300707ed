#pragma once
// The timeline's clock: the day on show, and playing through the series at a chosen pace.
// Playback only moves the day; the skin drawn for a day comes from snapshots already taken, so
// playing never waits for the simulation.

#include <span>

namespace dermasim::viewer {

// Simulated days per second of playback offered in the timeline.
inline constexpr double kPlaybackSpeeds[] = {0.5, 1, 3, 7, 14, 30};
inline constexpr double kDefaultPlaybackSpeed = 7;

class Playback {
 public:
  double day() const { return day_; }
  bool playing() const { return playing_; }
  double speed() const { return speedDaysPerSecond_; }

  // Moves to `day`, clamped to 0..lastDay.
  void seek(double day, double lastDay);
  void setSpeed(double daysPerSecond);
  // Starts or pauses; starting at the end starts over from day 0.
  void togglePlay(double lastDay);
  void pause() { playing_ = false; }
  // Advances by `seconds` of wall time while playing; stops on reaching lastDay. Returns true
  // if the day changed.
  bool advance(double seconds, double lastDay);

 private:
  double day_ = 0;
  bool playing_ = false;
  double speedDaysPerSecond_ = kDefaultPlaybackSpeed;
};

}  // namespace dermasim::viewer
