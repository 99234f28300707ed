#pragma once
// Export of what the skin area shows: a PNG of the day on screen, a PNG frame sequence over a
// range of days, and an MP4 made from the frames by ffmpeg when it is installed; and the
// consultation sheet (SheetExport). Every exported image carries the watermark "Simulation for
// education - not a prediction of your results" and, in a band at its foot, the scenario,
// device, needle depth, day, relief exaggeration and a scale bar (render/ExportBand.hpp).
// A sequence renders one frame per call to step(), so the window stays responsive; ffmpeg runs on
// its own thread.

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <utility>

#include "render/Image.hpp"
#include "viewer/SheetExport.hpp"
#include "viewer/ShownSkin.hpp"
#include "viewer/ViewerState.hpp"

namespace dermasim::render {
class SkinRenderer;
}

namespace dermasim::viewer {

// Why nothing is exported while the skin on show is a preview.
inline constexpr const char* kNoPreviewExport =
    "only the full result is exported, not the preview: wait until it is refined";
// Why nothing is exported in compare mode until both protocols are simulated in full.
inline constexpr const char* kNoPairExport =
    "compare mode exports both protocols: wait until both are simulated in full";

// $HOME/dermasim-exports, or dermasim-exports beside the viewer without a home.
std::string defaultExportFolder();

struct ExportSettings {
  // Under the user's home (the folder the viewer was started from is no place for patient
  // images); the panel lets it be changed.
  std::string folder = defaultExportFolder();
  int width = 1280, height = 800;  // pixels
  double fromDay = 0;
  double toDay = -1;          // -1: the end of the run
  double daysPerSecond = 14;  // of simulated time per second of video
  int fps = 30;
  bool mp4 = true;      // when ffmpeg is installed
  int supersample = 2;  // drawn this many times larger and averaged down
};

class Exporter {
 public:
  Exporter();  // draws with its own renderer, made when first needed (needs a GL context then)
  ~Exporter();
  Exporter(const Exporter&) = delete;
  Exporter& operator=(const Exporter&) = delete;

  ExportSettings settings;
  SheetExport sheet;  // the consultation sheet (PDF), written on its own thread

  // Draws `day` as the skin area shows it, settings.width x height, into a PNG (atomically). In
  // compare mode both protocols, A left and B right, each with its own band.
  // Throws std::runtime_error (or InputError for a bad path or size).
  void screenshot(const ViewerState& state, double day, const std::filesystem::path& file);
  // The image screenshot() would write.
  render::Image renderDay(const ViewerState& state, double day, int width, int height,
                          int supersample);

  // Starts writing settings.folder/frame_00000.png ... for fromDay..toDay. Problems go to
  // status(); returns false if it could not start.
  bool startSequence(const ViewerState& state);
  // Writes the next frame; after the last one, starts ffmpeg (if wanted and installed).
  void step(const ViewerState& state);
  void cancel();

  bool busy() const;
  // Frames are still being drawn, one per step(), as opposed to ffmpeg encoding them.
  bool writingFrames() const { return sequence_; }
  double progress() const;  // 0..1 of the frames
  std::string status() const;
  bool failed() const { return failed_; }

  // ffmpeg on the PATH, if any.
  static std::optional<std::filesystem::path> findFfmpeg();
  // findFfmpeg() as it was when this exporter was made: the export panel asks every frame, and
  // searching the PATH each time would stat a file per folder per frame.
  const std::optional<std::filesystem::path>& ffmpeg() const { return ffmpeg_; }

 private:
  void setStatus(std::string text, bool failed = false);
  void startEncoding(const std::filesystem::path& ffmpeg);

  std::optional<std::filesystem::path> ffmpeg_ = findFfmpeg();
  render::Image renderPair(const ViewerState& state, double day, int width, int height,
                           int supersample);
  render::SkinRenderer& rendererFor(int side);  // made when first needed

  // One renderer per side of compare mode (0 alone otherwise), each keeping its uploads.
  std::unique_ptr<render::SkinRenderer> renderers_[2];
  SnapshotUploads uploads_[2];  // what each renderer holds

  // The sequence being written.
  bool sequence_ = false;
  int frame_ = 0, frames_ = 0;
  double firstDay_ = 0, step_ = 1;
  std::filesystem::path folder_;
  std::string scenarioName_;

  std::thread encoder_;
  std::atomic<bool> encoding_{false};
  mutable std::mutex mutex_;
  std::string status_;
  std::atomic<bool> failed_{false};
};

}  // namespace dermasim::viewer
