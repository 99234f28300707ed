#pragma once
// Small helpers around raw OpenGL calls. Every function needs a current OpenGL context.
#include <string>
#include <string_view>

#include "render/Image.hpp"

namespace dermasim::render {

// Throws std::runtime_error naming `what` and the GL error(s) if glGetError reports any.
void checkGlError(std::string_view what);

// GL_RENDERER and GL_VERSION of the current context, e.g. "llvmpipe (LLVM 15.0.6, 256 bits)".
std::string glRendererString();
std::string glVersionString();

// Reads the rectangle (x, y, width, height) of the framebuffer bound for reading, in GL window
// coordinates (y up), as RGBA8 with rows flipped so that the image's first row is the top.
Image readPixels(int x, int y, int width, int height);

}  // namespace dermasim::render
