#pragma once
// An 8-bit RGBA image in memory, rows top to bottom, and PNG files.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace dermasim::render {

struct Rgba {
  std::uint8_t r = 0, g = 0, b = 0, a = 0;
  friend bool operator==(const Rgba&, const Rgba&) = default;
};

class Image {
 public:
  Image() = default;
  // A width x height image, every pixel `fill`. Throws std::invalid_argument on a negative size.
  Image(int width, int height, Rgba fill = {});

  int width() const { return width_; }
  int height() const { return height_; }
  bool empty() const { return width_ == 0 || height_ == 0; }

  // (0, 0) is the top-left pixel. No bounds check beyond an assert.
  Rgba pixel(int x, int y) const;
  void setPixel(int x, int y, Rgba value);

  // Sets every pixel's alpha, e.g. to 255 to save a window's back buffer as an opaque picture.
  void fillAlpha(std::uint8_t alpha);
  // Reverses the order of the rows (OpenGL reads bottom-up).
  void flipVertically();

  // Raw bytes: height rows of width * 4 bytes, top row first.
  std::uint8_t* data() { return pixels_.data(); }
  const std::uint8_t* data() const { return pixels_.data(); }
  std::size_t sizeBytes() const { return pixels_.size(); }

 private:
  std::size_t offset(int x, int y) const;

  int width_ = 0;
  int height_ = 0;
  std::vector<std::uint8_t> pixels_;
};

// Writes `image` as an RGBA PNG, atomically: the bytes go to a temporary file in the same
// folder, which is then renamed over `path`, so a reader never sees a half-written file.
// Throws std::runtime_error ("PATH: reason") on failure, leaving no temporary file behind.
void writePng(const std::filesystem::path& path, const Image& image);

// Why writePng() could not write to `path`: "must be a .png file" or "folder F does not exist";
// empty when it can. For checking a command's output option before any work is done.
std::string pngPathProblem(const std::filesystem::path& path);

// Reads a PNG file into RGBA8. Throws std::runtime_error ("PATH: reason") on failure.
Image readPng(const std::filesystem::path& path);

}  // namespace dermasim::render
