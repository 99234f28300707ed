#pragma once
// `dermasim render SCENARIO --day D --out FILE.png`: simulates the scenario up to day D and
// draws the skin as the viewer shows it, without a display (EGL surfaceless), into a PNG.

#include <optional>
#include <string>

namespace CLI {
class App;
}

namespace dermasim {

struct RenderRequest {
  std::string scenario;
  double day = 0;
  std::string out;
  std::string view = "surface";
  std::string size = "1280x800";
  std::string light = "grazing";
  std::string overlay = "collagen";
  double relief = 0;  // 0: the renderer's default
  // Orbit camera of the surface view; unset values keep the renderer's defaults.
  std::optional<double> azimuth_deg, elevation_deg, zoom;
  // On by default: exported images may reach patients (patient mode).
  bool watermark = true;
  bool quiet = false;
};

// Registers the subcommand and its options on `app`; parsing fills `request`.
CLI::App* addRenderCommand(CLI::App& app, RenderRequest& request);

// Returns the exit code. Bad input throws InputError (exit 2); a failure to draw or write
// throws std::runtime_error (exit 1). Without the rendering library built it prints why and
// returns 1.
int renderCommand(const RenderRequest& request);

}  // namespace dermasim
