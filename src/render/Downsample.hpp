#pragma once
// Supersampling's second half: an image drawn `factor` times larger, averaged down in linear
// light (averaging gamma-encoded values would darken edges). The headless framebuffer has no
// multisampling, so exports are drawn large and shrunk for smooth edges.

#include "render/Image.hpp"

namespace dermasim::render {

// Averages factor x factor blocks; the result is width / factor x height / factor, opaque.
// factor 1 returns the image as it is.
Image downsample(const Image& big, int factor);

// How many times larger to draw a width x height export: 2, or 1 for images so big that twice
// their size would pass what a framebuffer is asked for (they are drawn at their own size).
int supersampleFactor(int width, int height);

}  // namespace dermasim::render
