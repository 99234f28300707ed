#pragma once
// Supersampling's second half: an image drawn `factor` times larger, averaged down in linear
// light (averaging gamma-encoded values would darken edges). The headless framebuffer has no
// multisampling, so exports are drawn large and shrunk for smooth edges.

#include "render/Image.hpp"

namespace dermasim::render {

// Averages factor x factor blocks; the result is width / factor x height / factor, opaque.
// factor 1 returns the image as it is.
Image downsample(const Image& big, int factor);

}  // namespace dermasim::render
