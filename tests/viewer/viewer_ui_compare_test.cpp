// Compare mode drawn headless (EGL, ImGui's OpenGL 3 backend) through ViewerApp, as the window
// draws it: both protocols' skins side by side in one frame, distinct where the scenarios
// differ, the overlaid plots and the table of A, B and B - A on the day shown; and the
// before/after view with any day as "before". Pictures go beside the test, compare_pictures/.
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_internal.h>
#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <functional>
#include <thread>

#include "HeadlessGui.hpp"
#include "ViewerTestSupport.hpp"
#include "core/numerics/NumberText.hpp"
#include "render/Gl.hpp"
#include "render/GlUtil.hpp"
#include "render/HeadlessContext.hpp"
#include "render/Image.hpp"
#include "viewer/CompareMode.hpp"
#include "viewer/CompareView.hpp"
#include "viewer/Panels.hpp"
#include "viewer/ShownSkin.hpp"
#include "viewer/ViewerApp.hpp"

using namespace dermasim;
using namespace dermasim::viewer;
using namespace std::chrono_literals;
using render::Image;

namespace {

constexpr int kWidth = test::kGuiWidth, kHeight = test::kGuiHeight;
const render::Rgba kClear = test::kGuiClear;
using test::HeadlessGui;
// Beside the test, for a look (the working directory ctest gives it).
const std::filesystem::path kPictures = "compare_pictures";

using test::appFrame;

// Frames, as the window draws them, until both sides' full results are in.
bool runUntilCompared(HeadlessGui& gui, ViewerApp& app) {
  const auto deadline = std::chrono::steady_clock::now() + 180s;
  while (app.state().busy() || !compareReady(app.state()) || app.state().slot().snapshots.empty()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    appFrame(gui, app);
    std::this_thread::sleep_for(10ms);
  }
  return true;
}

struct Rect {
  int x0, y0, x1, y1;
};

// Pixels that are not the clear colour, and not the empty skin's grey.
int skinPixels(const Image& image, Rect r) {
  int n = 0;
  for (int y = r.y0; y < r.y1; ++y)
    for (int x = r.x0; x < r.x1; ++x) {
      const render::Rgba p = image.pixel(x, y);
      const bool grey = p.r == p.g && p.g == p.b && p.r > 40 && p.r < 60;
      if (!(p == kClear) && !grey) ++n;
    }
  return n;
}

// Mean absolute difference per channel between two equal-sized areas.
double meanDifference(const Image& image, Rect a, Rect b) {
  double sum = 0;
  int n = 0;
  for (int y = 0; y < a.y1 - a.y0; ++y)
    for (int x = 0; x < a.x1 - a.x0; ++x) {
      const render::Rgba p = image.pixel(a.x0 + x, a.y0 + y);
      const render::Rgba q = image.pixel(b.x0 + x, b.y0 + y);
      sum += std::abs(p.r - q.r) + std::abs(p.g - q.g) + std::abs(p.b - q.b);
      n += 3;
    }
  return n > 0 ? sum / n : 0;
}

// The text ImGui draws in the compare panel, drawn as the viewer's Timeline window on its own
// so ImGui's log (to the clipboard) covers all of it.
std::string comparePanelText(HeadlessGui& gui, ViewerState& state) {
  const ImGuiWindow* timeline = ImGui::FindWindowByName("Timeline");
  REQUIRE(timeline != nullptr);
  const ImVec2 pos = timeline->Pos, size = timeline->Size;
  gui.frame([&] {
    ImGui::SetNextWindowPos(pos);
    ImGui::SetNextWindowSize(size);
    ImGui::Begin("Timeline", nullptr, ImGuiWindowFlags_NoTitleBar);
    ImGui::LogToClipboard();
    drawPlots(state);
    ImGui::End();
  });
  return ImGui::GetClipboardText();
}

using test::penAt;

}  // namespace

TEST_CASE("viewer UI compare: both skins, the overlaid plots and the table in one frame",
          "[ui][compare]") {
  std::filesystem::create_directories(kPictures);
  HeadlessGui gui;
  Scenario roller = test::smallPatch("acne_scars_roller", 14);
  roller.model = test::smallPatch().model;
  roller.name = "roller 2.5 mm";
  for (SessionPlan& session : roller.sessions) session.device.needle_length_mm = 2.5;
  ViewerApp app({penAt(0.5, "pen 0.5 mm"), roller}, gui.fonts);
  ViewerState& state = app.state();
  enterCompare(state);
  REQUIRE(runUntilCompared(gui, app));
  // Surface and section: the section shows how deep each device reached.
  state.view.view = render::View::Split;
  state.playback.seek(1, state.lastDay());
  appFrame(gui, app);
  const auto started = std::chrono::steady_clock::now();
  const Image image = appFrame(gui, app);
  const double firstMs =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  render::writePng(kPictures / "compare.png", image);

  // The skin area (right of the scenario panel, above the timeline) split in two halves.
  REQUIRE(app.compareView() != nullptr);
  const ImGuiWindow* timeline = ImGui::FindWindowByName("Timeline");
  const ImGuiWindow* scenario = ImGui::FindWindowByName("Scenario");
  REQUIRE(timeline != nullptr);
  REQUIRE(scenario != nullptr);
  const int left = static_cast<int>(scenario->Pos.x + scenario->Size.x);
  const int bottom = static_cast<int>(timeline->Pos.y);
  const int mid = (left + kWidth) / 2;
  const int top = static_cast<int>(ImGui::GetMainViewport()->WorkPos.y);
  // Below the labels, above the view switch: skin only.
  const int y0 = top + (bottom - top) / 3, y1 = top + (bottom - top) * 3 / 4;
  const Rect a{left + 20, y0, mid - 20, y1};
  const Rect b{mid + 20, y0, kWidth - 20, y1};
  const int area = (a.x1 - a.x0) * (a.y1 - a.y0);
  CHECK(skinPixels(image, a) > area * 9 / 10);
  CHECK(skinPixels(image, b) > area * 9 / 10);
  // Pen at 0.5 mm against the roller at 2.5 mm three days on: not the same skin.
  const double differs = meanDifference(image, a, b);
  INFO("mean difference between the halves " << differs);
  CHECK(differs > 2.0);
  // Each side drew its own slot, once.
  CHECK(app.compareView()->side(0).redraws() >= 1);
  CHECK(app.compareView()->side(1).redraws() >= 1);

  // The labels name each side, and the table has A, B and B - A with units.
  CHECK(ImGui::FindWindowByName("##compare-label-a")->Active);
  CHECK(ImGui::FindWindowByName("##compare-label-b")->Active);
  const std::string text = comparePanelText(gui, state);
  INFO(text);
  CHECK_THAT(text, Catch::Contains("Day 1: A, B and B - A"));
  CHECK_THAT(text, Catch::Contains("| A | B | B - A |"));
  CHECK_THAT(text, Catch::Contains("Redness (a*)"));
  CHECK_THAT(text, Catch::Contains("Inflammation (%)"));
  CHECK_THAT(text, Catch::Contains("Collagen gain (%)"));
  CHECK_THAT(text, Catch::Contains("Scar depth (\xC2\xB5m)"));
  // Each side's value on the day in the legends, without hovering.
  const std::vector<CompareRow> rows = compareRows(state, 1);
  REQUIRE(rows.size() >= 5);
  CHECK(rows.front().name == "Redness");
  CHECK(rows[1].a != rows[1].b);  // inflammation: the deeper roller inflames more
  CHECK_THAT(text, Catch::Contains("[A " + readableNumber(rows.front().a, 4) + "]"));
  CHECK_THAT(text, Catch::Contains("[B " + readableNumber(rows.front().b, 4) + "]"));

  // Bringing B to the front changes no side, colour or picture, and starts no run.
  appFrame(gui, app);  // the menu bar back in place after the panel drawn on its own
  const Image before = appFrame(gui, app);
  const std::uint64_t redrawsA = app.compareView()->side(0).redraws();
  bringToFront(state, state.compare.b);
  CHECK_FALSE(state.busy());
  const Image swapped = appFrame(gui, app);
  render::writePng(kPictures / "compare_b_in_front.png", swapped);
  CHECK(app.compareView()->side(0).redraws() == redrawsA + 1);  // once: a new version
  double same = 0;
  {
    double sum = 0;
    int n = 0;
    for (int y = a.y0; y < a.y1; y += 4)
      for (int x = a.x0; x < a.x1; x += 4) {
        sum += before.pixel(x, y) == swapped.pixel(x, y) ? 1 : 0;
        ++n;
      }
    same = sum / n;
  }
  CHECK(same > 0.99);

  // Any day against any day in compare mode too: both sides' "before" is day 1, "after" day 7.
  state.view.view = render::View::BeforeAfter;
  state.beforeDay = 1;
  state.playback.seek(7, state.lastDay());
  for (const std::size_t slot : {state.compare.a, state.compare.b}) {
    const ShownSnapshots shown = shownSnapshots(state, slot, 7);
    REQUIRE(shown.before != nullptr);
    CHECK(shown.before->day == Approx(1));
    CHECK(shown.current->day == Approx(7));
  }
  appFrame(gui, app);
  render::writePng(kPictures / "compare_before_after.png", appFrame(gui, app));
  state.view.view = render::View::Surface;

  // Frame time of compare mode while playing (a new day for both skins on most frames).
  state.playback.seek(0, state.lastDay());
  state.playback.togglePlay(state.lastDay());
  const auto t0 = std::chrono::steady_clock::now();
  constexpr int kFrames = 20;
  for (int i = 0; i < kFrames; ++i) {
    gui.frame([&] { app.update(1.0 / 30); }, [&] { app.drawSkin(kWidth, kHeight); });
  }
  glFinish();
  const double playingMs =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count() /
      kFrames;
  WARN("compare mode: a still frame " << firstMs << " ms; playing " << playingMs
                                      << " ms a frame (with the pixel read-back)");
  render::writePng(kPictures / "compare_playing.png",
                   gui.frame([&] { app.update(0); }, [&] { app.drawSkin(kWidth, kHeight); }));
  WARN("snapshot caches: A "
       << static_cast<double>(snapshotCacheBytes(state.slots[state.compare.a].snapshots)) / 1e6
       << " MB, B "
       << static_cast<double>(snapshotCacheBytes(state.slots[state.compare.b].snapshots)) / 1e6
       << " MB");
}

TEST_CASE("viewer UI compare: any day as the before/after view's before", "[ui][compare]") {
  std::filesystem::create_directories(kPictures);
  HeadlessGui gui;
  Scenario two = test::smallPatch();
  two.duration_days = 21;
  two.sessions.push_back(two.sessions.front());
  two.sessions.back().day = 10;
  ViewerApp app({two}, gui.fonts);
  ViewerState& state = app.state();
  const auto deadline = std::chrono::steady_clock::now() + 120s;
  while (state.slot().snapshots.empty() || state.busy()) {
    REQUIRE(std::chrono::steady_clock::now() < deadline);
    appFrame(gui, app);
    std::this_thread::sleep_for(10ms);
  }
  state.view.view = render::View::BeforeAfter;
  state.playback.seek(12, state.lastDay());

  // Day 0 by default: the untreated skin.
  ShownSnapshots shown = shownSnapshots(state, 12);
  REQUIRE(shown.before != nullptr);
  CHECK(shown.before->day == 0);
  appFrame(gui, app);
  const Image fromZero = appFrame(gui, app);
  render::writePng(kPictures / "before_day0.png", fromZero);

  // Session 2 against the day shown: "before" is the skin on day 10.
  state.beforeDay = 10;
  shown = shownSnapshots(state, 12);
  CHECK(shown.before->day == Approx(10));
  CHECK(shown.beforeIndex == state.slot().snapshots.indexAt(10));
  CHECK(shown.current->day == Approx(12));
  const std::uint64_t redraws = app.skinView().redraws();
  const Image fromTen = appFrame(gui, app);
  render::writePng(kPictures / "before_day10.png", fromTen);
  CHECK(app.skinView().redraws() == redraws + 1);

  // Only the "before" half changed: the split line is at the middle of the skin area.
  const ImGuiWindow* scenario = ImGui::FindWindowByName("Scenario");
  const ImGuiWindow* timeline = ImGui::FindWindowByName("Timeline");
  const int left = static_cast<int>(scenario->Pos.x + scenario->Size.x);
  const int mid = (left + kWidth) / 2;
  const int top = static_cast<int>(ImGui::GetMainViewport()->WorkPos.y);
  const int y0 = top + 80, y1 = static_cast<int>(timeline->Pos.y) - 80;
  int changedLeft = 0, changedRight = 0;
  for (int y = y0; y < y1; y += 2) {
    for (int x = left + 10; x < mid - 30; x += 2)
      changedLeft += fromZero.pixel(x, y) == fromTen.pixel(x, y) ? 0 : 1;
    for (int x = mid + 30; x < kWidth - 10; x += 2)
      changedRight += fromZero.pixel(x, y) == fromTen.pixel(x, y) ? 0 : 1;
  }
  INFO("changed pixels: before half " << changedLeft << ", after half " << changedRight);
  CHECK(changedLeft > 1000);
  CHECK(changedRight < changedLeft / 20);

  // Patient mode takes the same "before".
  state.mode = ViewerMode::Patient;
  CHECK(shownSnapshots(state, 12).before->day == Approx(10));
  appFrame(gui, app);
  render::writePng(kPictures / "before_day10_patient.png", appFrame(gui, app));
}
