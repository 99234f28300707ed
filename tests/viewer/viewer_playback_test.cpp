// The timeline's clock: playing moves the day at the chosen pace and stops at the end.
#include <catch2/catch.hpp>

#include "viewer/Playback.hpp"

using dermasim::viewer::Playback;

TEST_CASE("Playback: plays at its speed and stops at the last day", "[playback]") {
  Playback p;
  CHECK_FALSE(p.playing());
  CHECK_FALSE(p.advance(1.0, 100));  // paused: the day stays
  CHECK(p.day() == 0);

  p.setSpeed(7);
  p.togglePlay(100);
  REQUIRE(p.playing());
  CHECK(p.advance(0.5, 100));
  CHECK(p.day() == Approx(3.5));
  p.advance(100, 100);
  CHECK(p.day() == 100);
  CHECK_FALSE(p.playing());

  // Play at the end starts over.
  p.togglePlay(100);
  CHECK(p.playing());
  CHECK(p.day() == 0);
  p.togglePlay(100);
  CHECK_FALSE(p.playing());
}

TEST_CASE("Playback: seek clamps to the run, speed must be positive", "[playback]") {
  Playback p;
  p.seek(-3, 50);
  CHECK(p.day() == 0);
  p.seek(80, 50);
  CHECK(p.day() == 50);
  p.seek(12.5, 50);
  CHECK(p.day() == 12.5);
  const double speed = p.speed();
  p.setSpeed(0);
  p.setSpeed(-2);
  CHECK(p.speed() == speed);
  // Nothing to play in an empty run.
  Playback empty;
  empty.togglePlay(0);
  CHECK_FALSE(empty.playing());
}
