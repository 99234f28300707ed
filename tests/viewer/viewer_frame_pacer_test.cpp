// FramePacer: the window sleeps while nothing changes, and redraws on input, while something
// moves, after a change and while a background run reports progress.
#include <catch2/catch.hpp>

#include "viewer/FramePacer.hpp"

using dermasim::viewer::FrameActivity;
using dermasim::viewer::FramePacer;
using dermasim::viewer::FrameWait;
using Kind = FrameWait::Kind;

namespace {

// Frames the pacer asks to draw at once before it lets the loop wait.
int framesBeforeWaiting(FramePacer& pacer, const FrameActivity& activity) {
  for (int frames = 0; frames < 100; ++frames) {
    if (pacer.next(activity).kind != Kind::Poll) return frames;
  }
  return -1;
}

}  // namespace

TEST_CASE("FramePacer: idle waits for an event once the first frames have settled", "[pacer]") {
  FramePacer pacer;
  CHECK(framesBeforeWaiting(pacer, {}) == FramePacer::kSettleFrames);
  for (int i = 0; i < 5; ++i) CHECK(pacer.next({}).kind == Kind::Forever);
}

TEST_CASE("FramePacer: input redraws, then settles for a few frames", "[pacer]") {
  FramePacer pacer;
  framesBeforeWaiting(pacer, {});
  CHECK(pacer.next({.input = true}).kind == Kind::Poll);
  // The frame with the input counts as one of the frames ImGui needs.
  CHECK(framesBeforeWaiting(pacer, {}) == FramePacer::kSettleFrames - 1);
  CHECK(pacer.next({}).kind == Kind::Forever);
}

TEST_CASE("FramePacer: playback and a held mouse button never wait", "[pacer]") {
  FramePacer pacer;
  for (int i = 0; i < 10; ++i) CHECK(pacer.next({.animating = true}).kind == Kind::Poll);
  for (int i = 0; i < 10; ++i) CHECK(pacer.next({.held = true}).kind == Kind::Poll);
  // Letting go (or playback reaching the end) changes the panels: settle, then wait.
  CHECK(framesBeforeWaiting(pacer, {}) == FramePacer::kSettleFrames);
  CHECK(pacer.next({}).kind == Kind::Forever);
  // Playback stopping on its own, with no input, is a change too.
  pacer.next({.animating = true});
  CHECK(framesBeforeWaiting(pacer, {}) == FramePacer::kSettleFrames);
}

TEST_CASE("FramePacer: a background run redraws its progress about ten times a second", "[pacer]") {
  FramePacer pacer;
  framesBeforeWaiting(pacer, {.working = true});
  const FrameWait wait = pacer.next({.working = true});
  CHECK(wait.kind == Kind::Timeout);
  CHECK(wait.seconds == Approx(FramePacer::kProgressSeconds));
  CHECK(wait.seconds <= 0.2);
  // The run finishing shows its result: a change, so the frames settle before waiting for good.
  CHECK(framesBeforeWaiting(pacer, {}) == FramePacer::kSettleFrames);
  CHECK(pacer.next({}).kind == Kind::Forever);
}

TEST_CASE("FramePacer: a focused text field wakes to blink its cursor", "[pacer]") {
  FramePacer pacer;
  framesBeforeWaiting(pacer, {.textCursor = true});
  const FrameWait wait = pacer.next({.textCursor = true});
  CHECK(wait.kind == Kind::Timeout);
  CHECK(wait.seconds == Approx(FramePacer::kCursorBlinkSeconds));
  // Progress, being more frequent, wins.
  CHECK(pacer.next({.working = true, .textCursor = true}).kind == Kind::Poll);  // a change
  framesBeforeWaiting(pacer, {.working = true, .textCursor = true});
  CHECK(pacer.next({.working = true, .textCursor = true}).seconds ==
        Approx(FramePacer::kProgressSeconds));
}
