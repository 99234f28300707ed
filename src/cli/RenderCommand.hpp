#pragma once
// `dermasim render SCENARIO --day D --out FILE.png`: simulates the scenario up to day D and
// draws the skin as the viewer shows it, without a display (EGL surfaceless), into a PNG.
// Several days (`--day 1,7,30,180` or `--days-every N`) come from one simulation, one PNG each
// (FILE_dayD.png).

#include <optional>
#include <string>

namespace CLI {
class App;
}

namespace dermasim {

struct RenderRequest {
  std::string scenario;
  std::string day;                   // one day or several, comma-separated
  std::optional<double> days_every;  // every this many days from day 0, instead of --day
  std::string out;
  // Unset: surface and grazing, or before-after and overhead with --patient.
  std::optional<std::string> view;
  std::string size = "1280x800";
  std::optional<std::string> light;
  std::string overlay = "collagen";
  double relief = 0;  // 0: the renderer's default
  // Orbit camera of the surface view; unset values keep the renderer's defaults.
  std::optional<double> azimuth_deg, elevation_deg, zoom;
  // Where the section cuts the patch, 0..1 across it in y; unset: through the middle.
  std::optional<double> section_at;
  // A sentence in large type low in the image; unset: none, or the patient caption with
  // --patient. Empty draws none.
  std::optional<std::string> caption;
  // Patient mode: before-after, overhead light, watermark, caption; explicit options win.
  bool patient = false;
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
