// The viewer's frame rate at 1280 x 800 while playing back the default scenario, drawn headless
// through the same ViewerApp the window runs (panels, plots and skin), on whatever OpenGL the
// machine gives (llvmpipe under LIBGL_ALWAYS_SOFTWARE=1, as the issue asks). Each frame waits for
// the GPU (glFinish), so the time is the frame's full cost. The target is 30 frames/s: the
// counters report frames/s and its ratio to 30.
#include <benchmark/benchmark.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>

#include <chrono>
#include <stdexcept>
#include <thread>

#include "io/ScenarioFile.hpp"
#include "render/Gl.hpp"
#include "render/GlUtil.hpp"
#include "render/HeadlessContext.hpp"
#include "viewer/ViewerApp.hpp"

namespace {

using namespace dermasim;
using namespace dermasim::viewer;

constexpr int kWidth = 1280, kHeight = 800;
constexpr double kFrameSeconds = 1.0 / 30;

struct Viewer {
  render::HeadlessContext context{kWidth, kHeight};
  std::unique_ptr<ViewerApp> app;

  Viewer() {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(kWidth, kHeight);
    const ViewerFonts fonts = loadViewerFonts(io);
    ImGui_ImplOpenGL3_Init("#version 330 core");
    app = std::make_unique<ViewerApp>(std::vector<Scenario>{loadBuiltinScenario("acne_scars_pen")},
                                      fonts);
    // The simulation is not what is measured: wait for it (and the comparison runs) to finish.
    while (app->state().busy() || app->state().slot().snapshots.empty()) {
      frame();
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  }
  ~Viewer() {
    app.reset();
    ImGui_ImplOpenGL3_Shutdown();
    ImGui::DestroyContext();
  }

  void frame() {
    ImGui::GetIO().DeltaTime = static_cast<float>(kFrameSeconds);
    ImGui_ImplOpenGL3_NewFrame();
    ImGui::NewFrame();
    app->update(kFrameSeconds);
    ImGui::Render();
    glViewport(0, 0, kWidth, kHeight);
    glClearColor(0.1f, 0.1f, 0.12f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
    app->drawSkin(kWidth, kHeight);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    glFinish();
  }
};

Viewer& viewer() {
  static Viewer v;
  return v;
}

// Plays the series at `speed` simulated days per second; at 30 days/s every frame shows a new
// day's snapshot, so every frame redraws the skin (the worst case).
void playback(benchmark::State& state, ViewerMode mode, render::View view, double speed) {
  Viewer& v = viewer();
  ViewerState& s = v.app->state();
  s.mode = mode;
  s.view.view = view;
  s.playback.setSpeed(speed);
  s.playback.seek(0, s.lastDay());
  s.playback.togglePlay(s.lastDay());
  const std::uint64_t redrawsBefore = v.app->skinView().redraws();
  for (auto _ : state) {
    if (!s.playback.playing()) {  // at the end: start over
      s.playback.togglePlay(s.lastDay());
    }
    v.frame();
  }
  s.playback.pause();
  render::checkGlError("viewer_bench");
  const double frames = static_cast<double>(state.iterations());
  state.counters["fps"] = benchmark::Counter(frames, benchmark::Counter::kIsRate);
  // Frames per second over the 30 the issue asks for: 1 or more meets it.
  state.counters["fps_over_30"] =
      benchmark::Counter(frames * kFrameSeconds, benchmark::Counter::kIsRate);
  state.counters["skin_redraws_per_frame"] =
      static_cast<double>(v.app->skinView().redraws() - redrawsBefore) / frames;
  state.SetLabel(render::glRendererString());
}

// Paused: the cost of the UI and of copying the cached skin image.
void BM_PausedFrame(benchmark::State& state) {
  Viewer& v = viewer();
  ViewerState& s = v.app->state();
  s.mode = ViewerMode::Clinician;
  s.view.view = render::View::Surface;
  s.playback.pause();
  for (auto _ : state) v.frame();
  state.counters["fps"] =
      benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
  state.SetLabel(render::glRendererString());
}

void BM_PlaybackSurface(benchmark::State& state) {
  playback(state, ViewerMode::Clinician, render::View::Surface,
           static_cast<double>(state.range(0)));
}
void BM_PlaybackSplit(benchmark::State& state) {
  playback(state, ViewerMode::Clinician, render::View::Split, static_cast<double>(state.range(0)));
}
void BM_PlaybackPatient(benchmark::State& state) {
  playback(state, ViewerMode::Patient, render::View::Surface, static_cast<double>(state.range(0)));
}

}  // namespace

BENCHMARK(BM_PausedFrame)->MinTime(2.0)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_PlaybackSurface)
    ->ArgName("days_per_s")
    ->Arg(7)
    ->Arg(30)
    ->MinTime(3.0)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_PlaybackSplit)
    ->ArgName("days_per_s")
    ->Arg(7)
    ->Arg(30)
    ->MinTime(3.0)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_PlaybackPatient)
    ->ArgName("days_per_s")
    ->Arg(7)
    ->Arg(30)
    ->MinTime(3.0)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
