#pragma once
// Decides, after each frame of the viewer's window, whether the loop may sleep until the next
// event and for how long, so a viewer that shows a still picture costs no CPU. It redraws at
// once on input, while something moves (playback, a frame export, a held mouse button) and for
// a few frames after input or a change (ImGui lays out and answers a click over several frames),
// at ~10 Hz while a background run reports progress, and blinks a text cursor; otherwise it waits
// for an event. Pure: no window, so tests drive it directly.
//
//   FramePacer pacer;
//   each frame, after drawing:
//     const FrameWait wait = pacer.next({.input = eventsArrived, .working = state.busy()});
//     wait.kind == FrameWait::Kind::Poll     -> glfwPollEvents()
//     wait.kind == FrameWait::Kind::Timeout  -> glfwWaitEventsTimeout(wait.seconds)
//     wait.kind == FrameWait::Kind::Forever  -> glfwWaitEvents()

namespace dermasim::viewer {

// What the loop saw around the frame just drawn.
struct FrameActivity {
  bool input = false;       // an event came since the previous frame: key, mouse, resize, expose
  bool animating = false;   // the picture moves every frame: playback, writing export frames
  bool held = false;        // a mouse button is down: ImGui repeats buttons and drags while held
  bool working = false;     // a background job (simulation, video encoding) reports progress
  bool textCursor = false;  // a text field has the keyboard, and its cursor blinks
};

struct FrameWait {
  enum class Kind {
    Poll,     // draw the next frame at once
    Timeout,  // wait for an event, at most `seconds`
    Forever,  // wait for an event
  };
  Kind kind = Kind::Poll;
  double seconds = 0;  // for Timeout
};

class FramePacer {
 public:
  // Frames drawn after input or a change before the loop may sleep: ImGui needs one to see a
  // mouse release as a click, one for the change it makes, one for windows that size to fit.
  static constexpr int kSettleFrames = 3;
  // How often a background run's progress bar is redrawn.
  static constexpr double kProgressSeconds = 0.1;
  // ImGui's text cursor is on for 0.8 s and off for 0.4 s.
  static constexpr double kCursorBlinkSeconds = 0.4;

  // Call once per frame, after drawing it.
  FrameWait next(const FrameActivity& activity);

 private:
  // The first frames lay the windows out, as after input.
  int settle_ = kSettleFrames;
  bool wasAnimating_ = false;
  bool wasWorking_ = false;
};

}  // namespace dermasim::viewer
