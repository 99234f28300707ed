// The plots' percentile bands drawn headless (EGL, ImGui's OpenGL 3 backend) through ViewerApp,
// as the window draws them: with "Range over N patients" on, each plot has its translucent
// p10-p90 fill behind the lines (compare mode: A's orange, B's blue; alone: the line's colour);
// off, not a pixel of it. The pictures go beside the test, bands_pictures/.
#include <imgui.h>
#include <imgui_internal.h>
#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <thread>

#include "HeadlessGui.hpp"
#include "ViewerTestSupport.hpp"
#include "render/Image.hpp"
#include "viewer/CompareMode.hpp"
#include "viewer/PlotBands.hpp"
#include "viewer/ViewerApp.hpp"

using namespace dermasim;
using namespace dermasim::viewer;
using namespace std::chrono_literals;
using render::Image;

namespace {

constexpr int kWidth = test::kGuiWidth, kHeight = test::kGuiHeight;
using test::HeadlessGui;
const std::filesystem::path kPictures = "bands_pictures";

using test::appFrame;

// Frames until both sides' results, and any band job, are in.
bool runUntilSettled(HeadlessGui& gui, ViewerApp& app) {
  const auto deadline = std::chrono::steady_clock::now() + 180s;
  const ViewerState& state = app.state();
  while (state.busy() || !compareReady(state) || state.slot().snapshots.empty() ||
         state.bandSlot.has_value()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    appFrame(gui, app);
    std::this_thread::sleep_for(10ms);
  }
  return true;
}

// Two frames: the first may still lay out what changed.
Image settledFrame(HeadlessGui& gui, ViewerApp& app) {
  appFrame(gui, app);
  return appFrame(gui, app);
}

struct Rect {
  int x0, y0, x1, y1;
};

// The plots' columns of the Timeline window, below its timeline row: the table (compare mode's
// right column) left out.
Rect plotArea(bool compare) {
  const ImGuiWindow* timeline = ImGui::FindWindowByName("Timeline");
  REQUIRE(timeline != nullptr);
  const int x0 = static_cast<int>(timeline->Pos.x),
            x1 = static_cast<int>(timeline->Pos.x + timeline->Size.x);
  const int y1 = static_cast<int>(timeline->Pos.y + timeline->Size.y);
  const int y0 = static_cast<int>(timeline->Pos.y + timeline->Size.y * 0.35f);
  return {x0, y0, compare ? x0 + (x1 - x0) * 58 / 100 : x1, y1};
}

int changedPixels(const Image& a, const Image& b, Rect r) {
  int n = 0;
  for (int y = r.y0; y < r.y1; ++y)
    for (int x = r.x0; x < r.x1; ++x) n += a.pixel(x, y) == b.pixel(x, y) ? 0 : 1;
  return n;
}

// Pixels a fill has tinted, from `off` to `on`: toward orange (red up against blue) when
// `warmer`, else toward blue. The plots' ground is blue-grey, so A's orange band and B's blue
// one each show as their own tint.
int tintedPixels(const Image& off, const Image& on, Rect r, bool warmer) {
  int n = 0;
  for (int y = r.y0; y < r.y1; ++y)
    for (int x = r.x0; x < r.x1; ++x) {
      const render::Rgba p = off.pixel(x, y), q = on.pixel(x, y);
      const int shift = (q.r - q.b) - (p.r - p.b);
      n += (warmer ? shift > 8 : shift < -8) ? 1 : 0;
    }
  return n;
}

using test::penAt;

}  // namespace

TEST_CASE("viewer UI bands: the p10-p90 fill behind the plots' lines when on, none when off",
          "[ui][bands]") {
  std::filesystem::create_directories(kPictures);
  HeadlessGui gui;
  ViewerApp app({penAt(0.5, "pen 0.5 mm"), penAt(2.0, "pen 2.0 mm")}, gui.fonts);
  ViewerState& state = app.state();
  enterCompare(state);
  REQUIRE(runUntilSettled(gui, app));
  state.playback.seek(2, state.lastDay());
  state.bandPatients = kMinBandPatients;  // the same count in its field on and off
  const Image off = settledFrame(gui, app);

  state.rangeBands = true;
  appFrame(gui, app);
  CHECK(state.bandSlot.has_value());  // started at once: nothing else runs
  REQUIRE(runUntilSettled(gui, app));
  REQUIRE(shownBands(state, state.compare.a) != nullptr);
  REQUIRE(shownBands(state, state.compare.b) != nullptr);
  const Image on = settledFrame(gui, app);
  render::writePng(kPictures / "compare_bands.png", on);
  render::writePng(kPictures / "compare_no_bands.png", off);

  const Rect plots = plotArea(true);
  const int area = (plots.x1 - plots.x0) * (plots.y1 - plots.y0);
  const int changed = changedPixels(off, on, plots);
  const int orange = tintedPixels(off, on, plots, true);
  const int blue = tintedPixels(off, on, plots, false);
  INFO("changed " << changed << " of " << area << "; tinted orange " << orange << ", blue "
                  << blue);
  CHECK(changed > area / 10);
  // Both protocols' bands fill a good part of the plots, each in its colour.
  CHECK(orange > area / 40);
  CHECK(blue > area / 40);

  // Off again: the cached bands stay, but not a pixel of them is drawn.
  state.rangeBands = false;
  const Image offAgain = settledFrame(gui, app);
  INFO("changed when off again " << changedPixels(off, offAgain, plots));
  CHECK(changedPixels(off, offAgain, plots) == 0);
  CHECK_FALSE(state.bandSlot.has_value());

  // One protocol alone: its band in its line's colour, from the same cache (no new job).
  leaveCompare(state);
  const Image single = settledFrame(gui, app);
  state.rangeBands = true;
  const Image singleOn = settledFrame(gui, app);
  CHECK_FALSE(state.bandSlot.has_value());
  render::writePng(kPictures / "single_bands.png", singleOn);
  const Rect singlePlots = plotArea(false);
  const int singleArea = (singlePlots.x1 - singlePlots.x0) * (singlePlots.y1 - singlePlots.y0);
  CHECK(changedPixels(single, singleOn, singlePlots) > singleArea / 10);
  // The redness line's red, and the matrix's: warmer than the ground.
  CHECK(tintedPixels(single, singleOn, singlePlots, true) > singleArea / 40);
}
