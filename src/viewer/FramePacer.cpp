#include "viewer/FramePacer.hpp"

namespace dermasim::viewer {

FrameWait FramePacer::next(const FrameActivity& activity) {
  // Playback reaching its end or a run finishing changes the panels without any input: the
  // play button's label, the result now shown.
  const bool changed = activity.animating != wasAnimating_ || activity.working != wasWorking_;
  wasAnimating_ = activity.animating;
  wasWorking_ = activity.working;
  if (activity.input || activity.held || changed) settle_ = kSettleFrames;

  if (activity.animating || activity.held) return {};
  if (settle_ > 0) {
    --settle_;
    return {};
  }
  if (activity.working) return {FrameWait::Kind::Timeout, kProgressSeconds};
  if (activity.textCursor) return {FrameWait::Kind::Timeout, kCursorBlinkSeconds};
  return {FrameWait::Kind::Forever, 0};
}

}  // namespace dermasim::viewer
