#include "render/Downsample.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>

#include "render/ColourSpace.hpp"

namespace dermasim::render {

namespace {
constexpr int kSupersample = 2;
constexpr int kMaxSupersampledSide = 8192;
}  // namespace

int supersampleFactor(int width, int height) {
  return std::max(width, height) * kSupersample <= kMaxSupersampledSide ? kSupersample : 1;
}

Image downsample(const Image& big, int factor) {
  if (factor <= 1) return big;
  std::array<float, 256> linear{};
  for (int v = 0; v < 256; ++v) {
    linear[static_cast<std::size_t>(v)] = srgbToLinear(static_cast<float>(v) / 255.0f);
  }
  Image small(big.width() / factor, big.height() / factor);
  const float weight = 1.0f / static_cast<float>(factor * factor);
  for (int y = 0; y < small.height(); ++y) {
    for (int x = 0; x < small.width(); ++x) {
      float sum[3] = {0, 0, 0};
      for (int dy = 0; dy < factor; ++dy) {
        for (int dx = 0; dx < factor; ++dx) {
          const Rgba p = big.pixel(x * factor + dx, y * factor + dy);
          sum[0] += linear[p.r];
          sum[1] += linear[p.g];
          sum[2] += linear[p.b];
        }
      }
      const auto encode = [&](float v) {
        return static_cast<std::uint8_t>(
            std::lround(255.0f * linearToSrgb(std::clamp(v * weight, 0.0f, 1.0f))));
      };
      small.setPixel(x, y, {encode(sum[0]), encode(sum[1]), encode(sum[2]), 255});
    }
  }
  return small;
}

}  // namespace dermasim::render
