#include "viewer/Exporter.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <stdexcept>
#include <system_error>

#include "io/InputError.hpp"
#include "io/SafeFileName.hpp"
#include "render/Downsample.hpp"
#include "render/Gl.hpp"
#include "render/OffscreenTarget.hpp"
#include "render/SkinRenderer.hpp"
#include "viewer/CompareMode.hpp"
#include "viewer/ShownSkin.hpp"

namespace dermasim::viewer {

namespace fs = std::filesystem;

std::string defaultExportFolder() {
  const char* home = std::getenv("HOME");
  return home != nullptr && *home != '\0' ? (fs::path(home) / "dermasim-exports").string()
                                          : std::string("dermasim-exports");
}

namespace {

constexpr int kMinSide = 16, kMaxSide = 8192;
constexpr float kPairGap[3] = {30 / 255.0f, 30 / 255.0f, 34 / 255.0f};  // as CompareView's
constexpr int kMaxFrames = 20000;

// Quoted for /bin/sh: the path may hold spaces or quotes.
std::string shellQuoted(const std::string& text) {
  std::string out = "'";
  for (const char c : text) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

std::string frameName(int frame) {
  char name[32];
  std::snprintf(name, sizeof name, "frame_%05d.png", frame);
  return name;
}

void checkSize(int width, int height) {
  if (width < kMinSide || height < kMinSide || width > kMaxSide || height > kMaxSide) {
    throw InputError("export size: expected " + std::to_string(kMinSide) + " to " +
                     std::to_string(kMaxSide) + " pixels a side (got " + std::to_string(width) +
                     "x" + std::to_string(height) + ")");
  }
}

}  // namespace

Exporter::Exporter() = default;

Exporter::~Exporter() {
  if (encoder_.joinable()) encoder_.join();
}

std::optional<fs::path> Exporter::findFfmpeg() {
  const char* path = std::getenv("PATH");
  if (path == nullptr) return std::nullopt;
  std::string folders = path;
  std::size_t start = 0;
  while (start <= folders.size()) {
    const std::size_t end = std::min(folders.find(':', start), folders.size());
    const fs::path candidate = fs::path(folders.substr(start, end - start)) / "ffmpeg";
    std::error_code ec;
    if (end > start && fs::is_regular_file(candidate, ec) &&
        (fs::status(candidate, ec).permissions() & fs::perms::owner_exec) != fs::perms::none) {
      return candidate;
    }
    start = end + 1;
  }
  return std::nullopt;
}

render::Image Exporter::renderDay(const ViewerState& state, double day, int width, int height,
                                  int supersample) {
  checkSize(width, height);
  if (state.compare.on) return renderPair(state, day, width, height, supersample);
  const ShownSnapshots shown = shownSnapshots(state, day);
  if (shown.current == nullptr) throw std::runtime_error("nothing to export: no simulation yet");
  // A preview's coarse skin must not leave the viewer as if it were the scenario's result.
  if (state.showingPreview()) throw std::runtime_error(kNoPreviewExport);
  const int factor = std::max(1, std::min(supersample, kMaxSide / std::max(width, height)));
  render::SkinRenderer& renderer = rendererFor(0);
  render::RenderOptions options = shownOptions(state, day, static_cast<float>(factor));
  options.watermark = true;  // on every exported image
  uploads_[0].give(renderer, state, shown, options.view == render::View::BeforeAfter);
  const render::OffscreenTarget target(width * factor, height * factor);
  {
    const render::BindFramebuffer bind(target.framebuffer());
    renderer.drawAnnotated({0, 0, target.width(), target.height()}, options,
                           state.slot().scenario.name);
  }
  return render::downsample(target.readPixels(), factor);
}

render::Image Exporter::renderPair(const ViewerState& state, double day, int width, int height,
                                   int supersample) {
  if (!compareReady(state)) throw std::runtime_error(kNoPairExport);
  const std::size_t slots[2] = {state.compare.a, state.compare.b};
  const ShownSnapshots shown[2] = {shownSnapshots(state, slots[0], day),
                                   shownSnapshots(state, slots[1], day)};
  if (shown[0].current == nullptr || shown[1].current == nullptr) {
    throw std::runtime_error(kNoPairExport);
  }
  const int factor = std::max(1, std::min(supersample, kMaxSide / std::max(width, height)));
  render::RenderOptions options = shownOptions(state, day, static_cast<float>(factor));
  options.watermark = true;
  const render::OffscreenTarget target(width * factor, height * factor);
  // As on screen: A on the left, B on the right, a thin dark gap so two similar skins never read
  // as one patch; each half with its own band, so a half cut out of the image still says what it
  // shows.
  const int gap = std::max(2, target.width() / 160);
  const int left = (target.width() - gap) / 2;
  const render::Viewport halves[2] = {
      {0, 0, left, target.height()}, {left + gap, 0, target.width() - left - gap, target.height()}};
  {
    const render::BindFramebuffer bind(target.framebuffer());
    glClearColor(kPairGap[0], kPairGap[1], kPairGap[2], 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    for (int side = 0; side < 2; ++side) {
      render::SkinRenderer& renderer = rendererFor(side);
      uploads_[side].give(renderer, state, shown[side], options.view == render::View::BeforeAfter);
      renderer.drawAnnotated(
          halves[side], options,
          std::string(side == 0 ? "A: " : "B: ") + state.slots[slots[side]].scenario.name);
    }
  }
  return render::downsample(target.readPixels(), factor);
}

render::SkinRenderer& Exporter::rendererFor(int side) {
  if (!renderers_[side]) renderers_[side] = std::make_unique<render::SkinRenderer>();
  return *renderers_[side];
}

void Exporter::screenshot(const ViewerState& state, double day, const fs::path& file) {
  if (file.extension() != ".png") {
    throw InputError("screenshot: " + file.string() + ": must be a .png file");
  }
  render::Image image =
      renderDay(state, day, settings.width, settings.height, settings.supersample);
  image.fillAlpha(255);
  render::writePng(file, image);
}

bool Exporter::startSequence(const ViewerState& state) {
  if (busy()) return false;
  if (encoder_.joinable()) encoder_.join();
  try {
    checkSize(settings.width, settings.height);
    if (state.slot().snapshots.empty()) throw std::runtime_error("no simulation to export yet");
    if (state.showingPreview()) throw std::runtime_error(kNoPreviewExport);
    if (state.compare.on && !compareReady(state)) throw std::runtime_error(kNoPairExport);
    const double last = state.lastDay();
    const double to = settings.toDay < 0 ? last : std::min(settings.toDay, last);
    const double from = std::clamp(settings.fromDay, 0.0, to);
    if (!(settings.daysPerSecond > 0) || settings.fps < 1 || settings.fps > 120) {
      throw InputError(
          "frame sequence: days per second must be above 0 and frames per second "
          "1 to 120");
    }
    const int frames =
        static_cast<int>(std::floor((to - from) / settings.daysPerSecond * settings.fps)) + 1;
    if (frames > kMaxFrames) {
      throw InputError("frame sequence: " + std::to_string(frames) + " frames is more than " +
                       std::to_string(kMaxFrames) + "; raise the days per second");
    }
    folder_ = settings.folder;
    fs::create_directories(folder_);
    // Frames of an earlier, longer export would end up in the video.
    for (const auto& entry : fs::directory_iterator(folder_)) {
      const std::string name = entry.path().filename().string();
      if (name.rfind("frame_", 0) == 0 && entry.path().extension() == ".png") {
        fs::remove(entry.path());
      }
    }
    sequence_ = true;
    frame_ = 0;
    frames_ = frames;
    firstDay_ = from;
    step_ = settings.daysPerSecond / settings.fps;
    scenarioName_ = state.compare.on ? state.slots[state.compare.a].scenario.name + " vs " +
                                           state.slots[state.compare.b].scenario.name
                                     : state.slot().scenario.name;
    failed_ = false;
    setStatus("writing " + std::to_string(frames) + " frames to " + folder_.string());
    return true;
  } catch (const std::exception& e) {
    setStatus(std::string("export: ") + e.what(), true);
    return false;
  }
}

void Exporter::step(const ViewerState& state) {
  if (!sequence_) return;
  try {
    const double day = std::min(firstDay_ + step_ * frame_, state.lastDay());
    render::Image image = renderDay(state, day, settings.width, settings.height, 1);
    image.fillAlpha(255);
    render::writePng(folder_ / frameName(frame_), image);
    ++frame_;
  } catch (const std::exception& e) {
    sequence_ = false;
    setStatus(std::string("export stopped: ") + e.what(), true);
    return;
  }
  if (frame_ < frames_) return;
  sequence_ = false;
  if (!settings.mp4) {
    setStatus("wrote " + std::to_string(frames_) + " frames to " + folder_.string());
    return;
  }
  if (ffmpeg_) {
    startEncoding(*ffmpeg_);
  } else {
    setStatus("wrote " + std::to_string(frames_) + " frames to " + folder_.string() +
                  "; no MP4: ffmpeg is not installed (sudo apt install ffmpeg, then export again)",
              true);
  }
}

void Exporter::startEncoding(const fs::path& ffmpeg) {
  const fs::path video = folder_ / (safeFileName(scenarioName_) + ".mp4");
  // Even sides for yuv420p; a constant frame rate so players agree on the length.
  const std::string command =
      shellQuoted(ffmpeg.string()) + " -y -loglevel error -framerate " +
      std::to_string(settings.fps) + " -i " + shellQuoted((folder_ / "frame_%05d.png").string()) +
      " -vf 'pad=ceil(iw/2)*2:ceil(ih/2)*2' -c:v libx264 -pix_fmt yuv420p " +
      shellQuoted(video.string() + ".part.mp4") + " 2>" +
      shellQuoted((folder_ / "ffmpeg.log").string());
  encoding_ = true;
  setStatus("encoding " + video.string() + " with ffmpeg");
  encoder_ = std::thread([this, command, video] {
    const int code = std::system(command.c_str());
    std::error_code ec;
    if (code == 0) {
      fs::rename(video.string() + ".part.mp4", video, ec);
    }
    if (code == 0 && !ec) {
      setStatus("wrote " + video.string() + " (" + std::to_string(frames_) + " frames)");
    } else {
      fs::remove(video.string() + ".part.mp4", ec);
      setStatus("ffmpeg failed (exit " + std::to_string(code) + "); see " +
                    (folder_ / "ffmpeg.log").string() + "; the frames are in " + folder_.string(),
                true);
    }
    encoding_ = false;
  });
}

void Exporter::cancel() {
  if (!sequence_) return;
  sequence_ = false;
  setStatus("export cancelled after " + std::to_string(frame_) + " frames");
}

bool Exporter::busy() const { return sequence_ || encoding_; }

double Exporter::progress() const {
  return frames_ > 0 ? static_cast<double>(frame_) / frames_ : 0.0;
}

std::string Exporter::status() const {
  const std::lock_guard lock(mutex_);
  return status_;
}

void Exporter::setStatus(std::string text, bool failed) {
  const std::lock_guard lock(mutex_);
  status_ = std::move(text);
  failed_ = failed;
}

}  // namespace dermasim::viewer
