// The viewer's UI drawn headless (EGL, ImGui's OpenGL 3 backend): every panel renders, the skin
// area shows the skin and is redrawn only when needed, patient mode draws its before/after view,
// exports carry the watermark, the About box shows the known limits, and a preview is labelled on
// the skin and kept out of exports and patient captions.
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_internal.h>
#include <catch2/catch.hpp>

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <thread>

#include "../report/PdfSupport.hpp"
#include "HeadlessGui.hpp"
#include "ViewerTestSupport.hpp"
#include "core/Version.hpp"
#include "guidance/Advisories.hpp"
#include "guidance/Findings.hpp"
#include "guidance/KnownLimits.hpp"
#include "io/SafeFileName.hpp"
#include "io/ScenarioFile.hpp"
#include "io/ScenarioToml.hpp"
#include "render/Gl.hpp"
#include "render/GlUtil.hpp"
#include "render/HeadlessContext.hpp"
#include "render/OffscreenTarget.hpp"
#include "render/SkinRenderer.hpp"
#include "viewer/AboutWindow.hpp"
#include "viewer/Exporter.hpp"
#include "viewer/Panels.hpp"
#include "viewer/SheetExport.hpp"
#include "viewer/ShownSkin.hpp"
#include "viewer/TrainerMode.hpp"
#include "viewer/ViewerApp.hpp"

using namespace dermasim;
using namespace dermasim::viewer;
using namespace std::chrono_literals;
using render::Image;

namespace {

constexpr int kWidth = test::kGuiWidth, kHeight = test::kGuiHeight;
const render::Rgba kClear = test::kGuiClear;
using test::HeadlessGui;

Scenario quick() { return test::smallPatch("acne_scars_pen", 21); }

// Pixels in the rectangle (top-left origin) that are not the clear colour.
int paintedPixels(const Image& image, int x0, int y0, int x1, int y1) {
  int painted = 0;
  for (int y = y0; y < y1; ++y) {
    for (int x = x0; x < x1; ++x) {
      if (!(image.pixel(x, y) == kClear)) ++painted;
    }
  }
  return painted;
}

// Frames until the first run's snapshots are in, as the window would.
bool runUntilDrawable(HeadlessGui& gui, ViewerApp& app) {
  const auto deadline = std::chrono::steady_clock::now() + 120s;
  while (app.state().slot().snapshots.empty() || app.state().busy()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    gui.frame([&] { app.update(1.0 / 30); }, [&] { app.drawSkin(kWidth, kHeight); });
    std::this_thread::sleep_for(10ms);
  }
  return true;
}

}  // namespace

TEST_CASE("viewer UI: each panel renders headless", "[ui]") {
  HeadlessGui gui;
  ViewerApp app({quick()}, gui.fonts);
  REQUIRE(runUntilDrawable(gui, app));
  ViewerState& state = app.state();

  const std::vector<std::pair<const char*, std::function<void()>>> panels = {
      {"Scenario", [&] { drawScenarioPanel(state); }},
      {"View", [&] { drawViewControls(state); }},
      {"Timeline", [&] { drawTimeline(state, false); }},
      {"Plots", [&] { drawPlots(state); }},
      {"Export", [&] { drawExportPanel(state, app.exporter()); }},
      {"Patient", [&] { drawPatientPanel(state, gui.fonts); }},
  };
  for (const auto& [name, draw] : panels) {
    INFO("panel " << name);
    int vertices = 0;
    const Image image = gui.frame([&] {
      ImGui::SetNextWindowPos(ImVec2(0, 0));
      ImGui::SetNextWindowSize(ImVec2(900, 700));
      ImGui::Begin(name);
      draw();
      ImGui::End();
      vertices = 0;
    });
    vertices = ImGui::GetDrawData()->TotalVtxCount;
    CHECK(vertices > 100);
    // The window and its widgets are drawn; beyond it the clear colour stays.
    CHECK(paintedPixels(image, 0, 0, 900, 700) > 900 * 700 / 2);
    CHECK(paintedPixels(image, 1000, 0, kWidth, kHeight) == 0);
  }
}

TEST_CASE("viewer UI: the clinician's layout shows the skin, redrawn only when it changes",
          "[ui]") {
  HeadlessGui gui;
  ViewerApp app({quick()}, gui.fonts);
  REQUIRE(runUntilDrawable(gui, app));
  const auto frame = [&](double seconds = 1.0 / 30) {
    return gui.frame([&] { app.update(seconds); }, [&] { app.drawSkin(kWidth, kHeight); }, seconds);
  };
  frame();
  const Image image = frame();
  // The middle of the window is skin (or its backdrop), not the clear colour.
  CHECK(paintedPixels(image, kWidth / 2 - 50, kHeight / 4, kWidth / 2 + 50, kHeight / 4 + 50) ==
        100 * 50);

  // Idle frames copy the cached skin image.
  const std::uint64_t redraws = app.skinView().redraws();
  frame();
  frame();
  CHECK(app.skinView().redraws() == redraws);
  // A new day's snapshot, or a new view, redraws it.
  app.state().playback.seek(7, app.state().lastDay());
  frame();
  CHECK(app.skinView().redraws() == redraws + 1);
  app.state().view.view = render::View::Split;
  frame();
  CHECK(app.skinView().redraws() == redraws + 2);

  // Playing moves the day without waiting for anything.
  app.state().playback.seek(0, app.state().lastDay());
  app.state().playback.togglePlay(app.state().lastDay());
  frame(0.5);
  CHECK(app.state().playback.day() > 0);
}

TEST_CASE("viewer UI: patient mode draws before/after with the watermark", "[ui]") {
  HeadlessGui gui;
  ViewerApp app({quick()}, gui.fonts);
  REQUIRE(runUntilDrawable(gui, app));
  ViewerState& state = app.state();
  state.mode = ViewerMode::Patient;
  state.playback.seek(2, state.lastDay());
  const auto frame = [&] {
    return gui.frame([&] { app.update(0); }, [&] { app.drawSkin(kWidth, kHeight); });
  };
  frame();
  frame();
  const render::RenderOptions shown = shownOptions(state, 2, 1);
  CHECK(shown.view == render::View::BeforeAfter);
  CHECK(shown.watermark);
  CHECK_THAT(shown.caption, Catch::Contains("Day 2"));

  // An export of the day differs from the same annotated drawing without the watermark inside
  // the watermark's box only.
  Exporter& exporter = app.exporter();
  const Image exported = exporter.renderDay(state, 2, 640, 400, 1);
  render::SkinRenderer renderer;
  const ShownSnapshots snaps = shownSnapshots(state, 2);
  renderer.setSnapshot(*snaps.current);
  renderer.setBeforeSnapshot(*snaps.before);
  render::RenderOptions plain = shownOptions(state, 2, 1);
  plain.watermark = false;
  const render::OffscreenTarget target(640, 400);
  render::ExportBand band;
  {
    const render::BindFramebuffer bind(target.framebuffer());
    band = renderer.drawAnnotated({0, 0, 640, 400}, plain, state.slot().scenario.name);
  }
  const Image all = target.readPixels();
  // The watermark is placed in the view above the export's band.
  const render::PixelRect box = renderer.watermarkRect(640, 400 - band.band.height, plain);
  int inside = 0, outside = 0;
  for (int y = 0; y < 400; ++y) {
    for (int x = 0; x < 640; ++x) {
      const bool differs = !(exported.pixel(x, y) == all.pixel(x, y));
      const bool inBox =
          x >= box.x && x < box.x + box.width && y >= box.y && y < box.y + box.height;
      (inBox ? inside : outside) += differs ? 1 : 0;
    }
  }
  CHECK(inside > box.width * box.height / 4);
  CHECK(outside == 0);
  // The band below says what the image shows: light text on its near-black.
  REQUIRE(band.band.height > 0);
  int text = 0;
  for (int y = band.band.y; y < 400; ++y)
    for (int x = 0; x < 640; ++x) text += exported.pixel(x, y).g > 90 ? 1 : 0;
  CHECK(text > 300);
  CHECK_THAT(band.facts.details, Catch::Contains("day 2"));
  Image opaque = exported;
  opaque.fillAlpha(255);
  render::writePng("viewer_export_patient_day2.png", opaque);
}

TEST_CASE("viewer UI: a frame sequence is written, and the MP4 step says what it needs", "[ui]") {
  HeadlessGui gui;
  ViewerApp app({quick()}, gui.fonts);
  REQUIRE(runUntilDrawable(gui, app));
  const auto folder = std::filesystem::temp_directory_path() / "dermasim_viewer_export_test";
  std::filesystem::remove_all(folder);
  Exporter& exporter = app.exporter();
  exporter.settings.folder = folder.string();
  exporter.settings.width = 160;
  exporter.settings.height = 100;
  exporter.settings.fromDay = 0;
  exporter.settings.toDay = 20;
  exporter.settings.daysPerSecond = 5;
  exporter.settings.fps = 1;  // days 0, 5, 10, 15, 20
  exporter.settings.mp4 = true;
  const bool haveFfmpeg = Exporter::findFfmpeg().has_value();
  REQUIRE(exporter.startSequence(app.state()));
  const auto deadline = std::chrono::steady_clock::now() + 120s;
  while (exporter.busy() && std::chrono::steady_clock::now() < deadline) {
    gui.frame([&] { app.update(0); }, [&] { app.drawSkin(kWidth, kHeight); });
    std::this_thread::sleep_for(5ms);
  }
  REQUIRE_FALSE(exporter.busy());
  int frames = 0;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    if (entry.path().extension() == ".png") ++frames;
  }
  CHECK(frames == 5);
  const Image first = render::readPng(folder / "frame_00000.png");
  CHECK(first.width() == 160);
  CHECK(first.height() == 100);
  if (haveFfmpeg) {
    CHECK_FALSE(exporter.failed());
    CHECK(std::filesystem::exists(folder /
                                  (safeFileName(app.state().slot().scenario.name) + ".mp4")));
  } else {
    CHECK(exporter.failed());
    CHECK_THAT(exporter.status(), Catch::Contains("ffmpeg is not installed"));
  }
  // Bad settings are refused with a reason, and nothing starts.
  exporter.settings.width = 4;
  CHECK_FALSE(exporter.startSequence(app.state()));
  CHECK_THAT(exporter.status(), Catch::Contains("export size"));
  std::filesystem::remove_all(folder);
}

TEST_CASE("viewer UI: the mouse on the skin turns, lights, zooms and moves the split", "[ui]") {
  HeadlessGui gui;
  ViewerApp app({quick()}, gui.fonts);
  REQUIRE(runUntilDrawable(gui, app));
  ViewerState& state = app.state();
  ImGuiIO& io = ImGui::GetIO();
  const auto frame = [&] {
    gui.frame([&] { app.update(0); }, [&] { app.drawSkin(kWidth, kHeight); });
  };
  // A point on the skin in the clinician's layout (right of the scenario panel, above the plots),
  // clear of the View box in the top right corner.
  const ImVec2 onSkin(kWidth * 0.45f, kHeight * 0.45f);
  const auto drag = [&](ImVec2 from, ImVec2 by, bool shift) {
    io.KeyShift = shift;
    io.MousePos = from;
    frame();
    io.MouseDown[0] = true;
    frame();
    for (int i = 1; i <= 4; ++i) {
      const float f = static_cast<float>(i) / 4;
      io.MousePos = ImVec2(from.x + by.x * f, from.y + by.y * f);
      frame();
    }
    io.MouseDown[0] = false;
    io.KeyShift = false;
    frame();
  };

  const render::RenderOptions before = state.view;
  drag(onSkin, ImVec2(100, 40), false);
  CHECK(state.view.camera.azimuth_deg != before.camera.azimuth_deg);
  CHECK(state.view.camera.elevation_deg > before.camera.elevation_deg);
  CHECK(state.view.light == before.light);

  const render::DirectionalLight light = state.view.light;
  drag(onSkin, ImVec2(-60, -30), true);
  CHECK(state.view.light.azimuth_deg != light.azimuth_deg);
  CHECK(state.view.light.elevation_deg > light.elevation_deg);

  const float zoom = state.view.camera.zoom;
  io.MousePos = onSkin;
  io.MouseWheel = 2;
  frame();
  io.MouseWheel = 0;
  frame();
  CHECK(state.view.camera.zoom > zoom);

  // A drag on a panel does not move the camera.
  const render::OrbitCamera camera = state.view.camera;
  drag(ImVec2(60, kHeight * 0.5f), ImVec2(80, 0), false);
  CHECK(state.view.camera == camera);

  // Patient mode: dragging moves the before/after line to the pointer.
  state.mode = ViewerMode::Patient;
  frame();
  drag(ImVec2(kWidth * 0.5f, kHeight * 0.4f), ImVec2(kWidth * 0.25f, 0), false);
  CHECK(state.beforeAfterSplit == Approx(0.75).margin(0.02));
  CHECK(state.view.camera == camera);
}

namespace {

bool aboutOnScreen() {
  const ImGuiWindow* about = ImGui::FindWindowByName(kAboutWindowTitle);
  return about != nullptr && about->Active;
}

// The text the About box draws (what is scrolled away is not drawn), through ImGui's logging to
// the clipboard: the closest to reading the screen that ImGui offers. Logging stops at the end
// of the first window it spans, so the box is drawn on its own here, as the same window (its
// place, size and scroll kept) the viewer draws.
std::string aboutTextDrawn(HeadlessGui& gui, ViewerState& state) {
  gui.frame([&] {
    ImGui::LogToClipboard();
    drawAboutWindow(state, gui.fonts, ImVec2(0, 0), ImVec2(kWidth, kHeight));
    ImGui::LogFinish();
  });
  return ImGui::GetClipboardText();
}

}  // namespace

TEST_CASE("viewer UI: the About box shows the version, the statement and the known limits",
          "[ui]") {
  HeadlessGui gui;
  ViewerApp app({quick()}, gui.fonts);
  REQUIRE(runUntilDrawable(gui, app));
  ViewerState& state = app.state();
  ImGuiIO& io = ImGui::GetIO();
  constexpr int kEscape = 256;  // a key index of the test's own: no window system maps keys here
  io.KeyMap[ImGuiKey_Escape] = kEscape;
  const auto frame = [&] {
    return gui.frame([&] { app.update(0); }, [&] { app.drawSkin(kWidth, kHeight); });
  };
  float clinicianListHeight = 0;

  for (const ViewerMode mode : {ViewerMode::Clinician, ViewerMode::Patient}) {
    const bool patient = mode == ViewerMode::Patient;
    INFO((patient ? "patient mode" : "clinician mode"));
    state.mode = mode;
    const Image closed = frame();
    CHECK_FALSE(aboutOnScreen());
    state.aboutOpen = true;
    frame();  // the box finds its size on the frame it appears
    const Image image = frame();
    render::writePng(patient ? "viewer_about_patient.png" : "viewer_about.png", image);

    // Whole on screen at the viewer's default size, in front and focused, with room for the
    // list; the pixels under it changed.
    REQUIRE(aboutOnScreen());
    const ImGuiWindow* about = ImGui::FindWindowByName(kAboutWindowTitle);
    const int x0 = static_cast<int>(about->Pos.x), y0 = static_cast<int>(about->Pos.y);
    const int x1 = static_cast<int>(about->Pos.x + about->Size.x);
    const int y1 = static_cast<int>(about->Pos.y + about->Size.y);
    CHECK(x0 >= 0);
    CHECK(y0 >= 0);
    CHECK(x1 <= kWidth);
    CHECK(y1 <= kHeight);
    CHECK(x1 - x0 >= kWidth / 2);
    CHECK(y1 - y0 >= kHeight / 2);
    CHECK(GImGui->NavWindow == about);
    // No window is drawn over it (ImGui draws its windows in this order).
    bool behind = true;
    for (const ImGuiWindow* w : GImGui->Windows) {
      if (w == about) {
        behind = false;
      } else if (!behind && w->Active && w->RootWindow == w) {
        INFO(w->Name);
        CHECK_FALSE(w->Rect().Overlaps(about->Rect()));
      }
    }
    int changed = 0;
    for (int y = y0; y < y1; ++y)
      for (int x = x0; x < x1; ++x) changed += image.pixel(x, y) == closed.pixel(x, y) ? 0 : 1;
    CHECK(changed > (x1 - x0) * (y1 - y0) / 2);
    // The list scrolls (it is longer than the box), and in patient mode's large type it is
    // longer still.
    REQUIRE_FALSE(about->DC.ChildWindows.empty());
    const ImGuiWindow* list = about->DC.ChildWindows[0];
    CHECK(list->ScrollMax.y > 0);
    if (patient) CHECK(list->ContentSize.y > clinicianListHeight * 1.2f);
    clinicianListHeight = list->ContentSize.y;

    const std::string text = aboutTextDrawn(gui, state);
    const KnownLimits& limits = knownLimits();
    CHECK_THAT(text, Catch::Contains(std::string("dermasim ") + dermasim::kVersion));
    CHECK_THAT(text, Catch::Contains(limits.preface));
    CHECK_THAT(text, Catch::Contains(limits.title));
    CHECK_THAT(text, Catch::Contains(limits.groups.front().title));
    CHECK_THAT(text, Catch::Contains(limits.groups.front().limits.front()));

    // Esc closes it, and leaves the mode as it was.
    io.KeysDown[kEscape] = true;
    frame();
    io.KeysDown[kEscape] = false;
    CHECK_FALSE(state.aboutOpen);
    CHECK(state.mode == mode);
    CHECK_FALSE(app.quitRequested());
    frame();
    CHECK_FALSE(aboutOnScreen());
  }
}

TEST_CASE("viewer UI: at the default window size the scenario panel's actions stay in view",
          "[ui]") {
  HeadlessGui gui;
  // The default series: long enough that its run is still going in every frame below.
  ViewerApp app({}, gui.fonts);
  ViewerState& state = app.state();
  REQUIRE(state.busy());
  // An edit that draws advisories: deeper than the cheek takes, conditions that warn.
  Scenario& draft = state.slot().draft;
  draft.device.needle_length_mm = 2.5;
  for (SessionPlan& s : draft.sessions) s.device.needle_length_mm = 2.5;
  draft.patient.conditions = {Condition::BloodThinners, Condition::Rosacea};
  state.slot().draftChanged = true;
  const std::vector<Advisory> advice = findingsFor(draft);
  REQUIRE(advice.size() >= 2);

  const auto frame = [&] {
    return gui.frame([&] { app.update(0); }, [&] { app.drawSkin(kWidth, kHeight); });
  };
  // The action bar is measured on the first frame and placed on the next; the window pacer
  // draws three frames after any change.
  frame();
  frame();
  const Image image = frame();
  render::writePng("viewer_scenario_actions.png", image);
  REQUIRE(state.busy());

  // The panel itself never scrolls: its settings scroll in a box above the action bar.
  const ImGuiWindow* panel = ImGui::FindWindowByName("Scenario");
  REQUIRE(panel != nullptr);
  CHECK(panel->Pos.y + panel->Size.y <= kHeight);
  CHECK(panel->ScrollMax.y == 0);

  // What ImGui draws in that window (clipped items are not drawn, so not logged), drawn as the
  // same window on its own so the log covers all of it.
  const ImVec2 pos = panel->Pos, size = panel->Size;
  gui.frame([&] {
    ImGui::SetNextWindowPos(pos);
    ImGui::SetNextWindowSize(size);
    ImGui::Begin(
        "Scenario", nullptr,
        ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoScrollbar);
    ImGui::LogToClipboard();
    drawScenarioPanel(state);
    ImGui::End();
  });
  const std::string drawn = ImGui::GetClipboardText();
  INFO(drawn);
  CHECK(drawn.find("Simulate changes") != std::string::npos);
  CHECK(drawn.find("Revert") != std::string::npos);
  CHECK(drawn.find("Cancel") != std::string::npos);
  CHECK(drawn.find(std::string(toString(advice.front().level)) + ": ") != std::string::npos);
  // The top of the settings is still there, above the bar.
  CHECK(drawn.find("Open built-in") != std::string::npos);
}

TEST_CASE("viewer UI: a preview is labelled on the skin, never exported or told to a patient",
          "[ui][preview]") {
  HeadlessGui gui;
  ViewerApp app({test::smallPatch()}, gui.fonts);
  ViewerState& state = app.state();
  const auto frame = [&] {
    return gui.frame([&] { app.update(0); }, [&] { app.drawSkin(kWidth, kHeight); });
  };
  const auto deadline = std::chrono::steady_clock::now() + 60s;
  while (!state.showingPreview() && std::chrono::steady_clock::now() < deadline) {
    frame();
    std::this_thread::sleep_for(2ms);
  }
  REQUIRE(state.showingPreview());
  // Kept on show: the refinement cancelled, so what follows does not race it.
  cancelRun(state);
  while (state.busy() && std::chrono::steady_clock::now() < deadline) {
    frame();
    std::this_thread::sleep_for(2ms);
  }
  REQUIRE(state.showingPreview());
  frame();
  const Image labelled = frame();
  render::writePng("viewer_preview.png", labelled);

  // The label is drawn over the top of the skin: all that tells the two apart there (the panels
  // say it too, in their titles and buttons).
  state.slot().preview = false;
  frame();
  const Image unlabelled = frame();
  state.slot().preview = true;
  int changed = 0, x0 = kWidth, y0 = kHeight, x1 = 0, y1 = 0;
  for (int y = 0; y < kHeight / 2; ++y) {
    for (int x = kWidth * 3 / 10; x < kWidth; ++x) {
      if (labelled.pixel(x, y) == unlabelled.pixel(x, y)) continue;
      ++changed;
      x0 = std::min(x0, x), y0 = std::min(y0, y), x1 = std::max(x1, x), y1 = std::max(y1, y);
    }
  }
  INFO("label drawn in x " << x0 << ".." << x1 << ", y " << y0 << ".." << y1);
  CHECK(changed > 2000);
  CHECK(y1 < kHeight / 8);
  CHECK(y1 - y0 < 60);
  CHECK(x1 - x0 > 200);

  // Neither exported nor captioned with its figures for a patient.
  Exporter& exporter = app.exporter();
  CHECK_THROWS_WITH(exporter.renderDay(state, 2, 160, 100, 1), Catch::Contains("preview"));
  CHECK_FALSE(exporter.startSequence(state));
  CHECK_THAT(exporter.status(), Catch::Contains(kNoPreviewExport));
  state.mode = ViewerMode::Patient;
  CHECK(shownOptions(state, 2, 1).caption == kPreviewPatientCaption);
  frame();
  render::writePng("viewer_preview_patient.png", frame());

  // Refined, all of it is back.
  refinePreview(state);
  REQUIRE(runUntilDrawable(gui, app));
  CHECK_FALSE(state.showingPreview());
  CHECK_THAT(shownOptions(state, 2, 1).caption, Catch::Contains("Day 2"));
  CHECK(exporter.renderDay(state, 2, 160, 100, 1).width() == 160);
}

TEST_CASE(
    "viewer UI: the consultation sheet is written on its own thread, as run --report writes it",
    "[ui]") {
  // From a file, so that `dermasim run` below reads the very same scenario (its source too).
  const std::filesystem::path scratch = std::filesystem::temp_directory_path() /
                                        ("dermasim_viewer_sheet_" + std::to_string(::getpid()));
  std::filesystem::remove_all(scratch);
  std::filesystem::create_directories(scratch);
  // A small patch: the sheet simulates it twice more, slow under the sanitizers.
  saveScenarioFile(scratch / "quick.toml", test::smallPatch());
  HeadlessGui gui;
  ViewerApp app({loadScenarioFile(scratch / "quick.toml")}, gui.fonts);
  REQUIRE(runUntilDrawable(gui, app));
  SheetExport& sheet = app.exporter().sheet;
  const std::filesystem::path folder = scratch / "exports";
  const Scenario& scenario = app.state().slot().scenario;
  CHECK(sheetProtocols(app.state()).size() == 1);
  if (!SheetExport::available()) {
    CHECK_FALSE(sheet.start({scenario}, folder));
    CHECK_THAT(sheet.status(), Catch::Contains("Cairo"));
    return;
  }
  const std::filesystem::path file = SheetExport::fileFor({scenario}, folder);
  CHECK(file.filename().string() == safeFileName(scenario.name) + "_sheet.pdf");
  std::filesystem::remove(file);
  using Clock = std::chrono::steady_clock;
  const auto since = [](Clock::time_point t) {
    return std::chrono::duration<double>(Clock::now() - t).count();
  };
  const auto start = Clock::now();
  REQUIRE(sheet.start({scenario}, folder));
  const double startSeconds = since(start);
  CHECK(startSeconds < 0.5);
  CHECK(sheet.busy());
  CHECK_FALSE(sheet.start({scenario}, folder));  // one at a time
  // The window keeps drawing frames while the sheet is made: no frame waits for it. (Counting
  // frames alone stopped meaning this once a sheet took a third of a second.)
  int frames = 0;
  double longestFrame = 0;
  const auto deadline = start + 300s;
  while (sheet.busy() && Clock::now() < deadline) {
    const auto frameStart = Clock::now();
    gui.frame([&] { app.update(1.0 / 30); }, [&] { app.drawSkin(kWidth, kHeight); });
    longestFrame = std::max(longestFrame, since(frameStart));
    ++frames;
    std::this_thread::sleep_for(30ms);
  }
  const double seconds = since(start);
  REQUIRE_FALSE(sheet.busy());
  INFO(sheet.status());
  CHECK_FALSE(sheet.failed());
  CHECK_THAT(sheet.status(), Catch::StartsWith("wrote " + file.string()));
  INFO("start() took " << startSeconds << " s, the longest frame " << longestFrame << " s, of "
                       << seconds << " s for the sheet");
  CHECK(frames >= 2);
  CHECK(startSeconds < 0.25 * seconds);  // the work was handed off
  CHECK(longestFrame < 0.5 * seconds);
  WARN("consultation sheet written in " << seconds << " s while " << frames << " frames drew");
  REQUIRE(std::filesystem::exists(file));
  if (!pdf_test::hasPoppler()) {
    WARN("poppler-utils missing: the sheet's pages are not read");
    return;
  }
  CHECK(pdf_test::pages(file) == 2);

  // `dermasim run --report` on the same scenario writes the same text on both pages.
  const std::filesystem::path cliSheet = scratch / "cli.pdf";
  const std::string command = std::string(DERMASIM_BINARY_DIR) + "/dermasim run " +
                              (scratch / "quick.toml").string() + " --out " +
                              (scratch / "out").string() + " --force --report " +
                              cliSheet.string() + " > /dev/null 2>&1";
  REQUIRE(std::system(command.c_str()) == 0);
  for (int page : {1, 2}) {
    INFO("page " << page);
    CHECK(pdf_test::pageText(file, page) == pdf_test::pageText(cliSheet, page));
  }
  std::filesystem::remove_all(scratch);
}

TEST_CASE("viewer UI: the Trainer tab shows the case's brief, the answer and the feedback",
          "[ui]") {
  HeadlessGui gui;
  ViewerApp app({quick()}, gui.fonts);
  REQUIRE(runUntilDrawable(gui, app));
  ViewerState& state = app.state();
  loadTrainingCases(state.trainer);
  std::size_t isotretinoin = 0;
  for (std::size_t i = 0; i < state.trainer.cases.size(); ++i)
    if (state.trainer.cases[i].name == "isotretinoin_acne_scars") isotretinoin = i;
  chooseTrainingCase(state, isotretinoin);
  state.trainer.answer.treat = false;
  REQUIRE(submitTrainerAnswer(state));
  const auto drawn = [&] {
    gui.frame([&] {
      ImGui::SetNextWindowPos(ImVec2(0, 0));
      ImGui::SetNextWindowSize(ImVec2(kWidth, kHeight));
      ImGui::Begin("Trainer");
      ImGui::LogToClipboard();
      drawTrainerPanel(state);
      ImGui::LogFinish();
      ImGui::End();
    });
    return std::string(ImGui::GetClipboardText());
  };
  const std::string text = drawn();
  const TrainingCase& c = state.trainer.cases[isotretinoin];
  CHECK_THAT(text, Catch::Contains(c.brief.substr(0, 40)));
  CHECK_THAT(text, Catch::Contains("Treat this patient"));
  CHECK_THAT(text, Catch::Contains("Score: 100 / 100"));
  CHECK_THAT(text, Catch::Contains("good_decline"));
  // At the size of the lower panel, as the window shows it: written beside the test for a look.
  render::writePng("viewer_trainer_panel.png", gui.frame([&] {
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(kWidth * 0.72f, kHeight * 0.36f));
    ImGui::Begin("Trainer");
    drawTrainerPanel(state);
    ImGui::End();
  }));
  // The whole window draws around it, the skin and the panels.
  const Image frame = gui.frame([&] { app.update(0); }, [&] { app.drawSkin(kWidth, kHeight); });
  CHECK(frame.width() == kWidth);
}
