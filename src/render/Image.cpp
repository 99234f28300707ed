#include "render/Image.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cassert>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string>
#include <system_error>

// The one place with stb's implementations. STB_*_STATIC keeps them private to this file, so
// they never clash with the copy in Debian's libstb that libimgui pulls in.
// GCC warns about stb's code once it is inlined here, where system-header silence no longer
// applies; the pragmas cover the header lines those warnings point at.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wnull-dereference"
#define STB_IMAGE_WRITE_STATIC
#define STB_IMAGE_WRITE_IMPLEMENTATION
#include <stb/stb_image_write.h>
#define STB_IMAGE_STATIC
#define STB_IMAGE_IMPLEMENTATION
#define STBI_ONLY_PNG
#include <stb/stb_image.h>
#pragma GCC diagnostic pop

namespace dermasim::render {

Image::Image(int width, int height, Rgba fill) : width_(width), height_(height) {
  if (width < 0 || height < 0) {
    throw std::invalid_argument("Image: negative size " + std::to_string(width) + "x" +
                                std::to_string(height));
  }
  pixels_.resize(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4);
  for (std::size_t i = 0; i < pixels_.size(); i += 4) {
    pixels_[i] = fill.r;
    pixels_[i + 1] = fill.g;
    pixels_[i + 2] = fill.b;
    pixels_[i + 3] = fill.a;
  }
}

std::size_t Image::offset(int x, int y) const {
  assert(x >= 0 && x < width_ && y >= 0 && y < height_);
  return (static_cast<std::size_t>(y) * static_cast<std::size_t>(width_) +
          static_cast<std::size_t>(x)) *
         4;
}

Rgba Image::pixel(int x, int y) const {
  const std::size_t i = offset(x, y);
  return {pixels_[i], pixels_[i + 1], pixels_[i + 2], pixels_[i + 3]};
}

void Image::setPixel(int x, int y, Rgba value) {
  const std::size_t i = offset(x, y);
  pixels_[i] = value.r;
  pixels_[i + 1] = value.g;
  pixels_[i + 2] = value.b;
  pixels_[i + 3] = value.a;
}

void Image::fillAlpha(std::uint8_t alpha) {
  for (std::size_t i = 3; i < pixels_.size(); i += 4) pixels_[i] = alpha;
}

void Image::flipVertically() {
  const std::size_t row = static_cast<std::size_t>(width_) * 4;
  for (int top = 0, bottom = height_ - 1; top < bottom; ++top, --bottom) {
    std::swap_ranges(pixels_.begin() + static_cast<std::ptrdiff_t>(row * top),
                     pixels_.begin() + static_cast<std::ptrdiff_t>(row * (top + 1)),
                     pixels_.begin() + static_cast<std::ptrdiff_t>(row * bottom));
  }
}

namespace {

[[noreturn]] void fail(const std::filesystem::path& path, const std::string& reason) {
  throw std::runtime_error(path.string() + ": " + reason);
}

void appendBytes(void* context, void* data, int size) {
  auto* out = static_cast<std::vector<unsigned char>*>(context);
  const auto* bytes = static_cast<const unsigned char*>(data);
  out->insert(out->end(), bytes, bytes + size);
}

// Writes all of `bytes` to a new file `temp` and flushes it to disk; errors name `path`.
void writeNewFile(const std::filesystem::path& temp, const std::filesystem::path& path,
                  const std::vector<unsigned char>& bytes) {
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
  if (fd < 0) fail(path, std::strerror(errno));
  std::size_t written = 0;
  while (written < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const int err = errno;
      ::close(fd);
      fail(path, std::strerror(n < 0 ? err : EIO));
    }
    written += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) fail(path, std::strerror(errno));
}

}  // namespace

void writePng(const std::filesystem::path& path, const Image& image) {
  if (image.empty()) fail(path, "cannot write an empty image");
  std::vector<unsigned char> png;
  png.reserve(image.sizeBytes() / 2 + 1024);
  if (stbi_write_png_to_func(appendBytes, &png, image.width(), image.height(), 4, image.data(),
                             image.width() * 4) == 0) {
    fail(path, "PNG encoding failed");
  }

  // Same folder as the target, so the rename is atomic; unique per process and call.
  static std::atomic<unsigned> counter{0};
  std::string tempName = ".";
  tempName += path.filename().string();
  tempName += ".tmp-";
  tempName += std::to_string(::getpid());
  tempName += '-';
  tempName += std::to_string(counter++);
  std::filesystem::path temp = path;
  temp.replace_filename(tempName);
  try {
    writeNewFile(temp, path, png);
    std::error_code ec;
    std::filesystem::rename(temp, path, ec);
    if (ec) fail(path, ec.message());
  } catch (...) {
    std::error_code ignored;
    std::filesystem::remove(temp, ignored);
    throw;
  }
}

Image readPng(const std::filesystem::path& path) {
  int width = 0;
  int height = 0;
  int channels = 0;
  unsigned char* pixels = stbi_load(path.c_str(), &width, &height, &channels, 4);
  if (pixels == nullptr) fail(path, std::string("cannot read PNG: ") + stbi_failure_reason());
  Image image(width, height);
  std::memcpy(image.data(), pixels, image.sizeBytes());
  stbi_image_free(pixels);
  return image;
}

std::string pngPathProblem(const std::filesystem::path& path) {
  std::string extension = path.extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (extension != ".png") return "must be a .png file";
  const std::filesystem::path folder = path.has_parent_path() ? path.parent_path() : ".";
  std::error_code ec;
  if (!std::filesystem::is_directory(folder, ec)) {
    return "folder " + folder.string() + " does not exist";
  }
  return "";
}

}  // namespace dermasim::render
