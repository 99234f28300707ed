#include "render/HeadlessContext.hpp"

#include <EGL/egl.h>
#include <EGL/eglext.h>

#include <cstring>
#include <mutex>
#include <stdexcept>
#include <string>
#include <string_view>

#include "render/Gl.hpp"
#include "render/GlUtil.hpp"
#include "render/OffscreenTarget.hpp"

namespace dermasim::render {

namespace {

std::string eglErrorName(EGLint error) {
  switch (error) {
    case EGL_SUCCESS:
      return "EGL_SUCCESS";
    case EGL_NOT_INITIALIZED:
      return "EGL_NOT_INITIALIZED";
    case EGL_BAD_ACCESS:
      return "EGL_BAD_ACCESS";
    case EGL_BAD_ALLOC:
      return "EGL_BAD_ALLOC";
    case EGL_BAD_ATTRIBUTE:
      return "EGL_BAD_ATTRIBUTE";
    case EGL_BAD_CONFIG:
      return "EGL_BAD_CONFIG";
    case EGL_BAD_CONTEXT:
      return "EGL_BAD_CONTEXT";
    case EGL_BAD_DISPLAY:
      return "EGL_BAD_DISPLAY";
    case EGL_BAD_MATCH:
      return "EGL_BAD_MATCH";
    case EGL_BAD_PARAMETER:
      return "EGL_BAD_PARAMETER";
    case EGL_BAD_SURFACE:
      return "EGL_BAD_SURFACE";
    default:
      return "EGL error " + std::to_string(error);
  }
}

[[noreturn]] void fail(const std::string& what) {
  throw std::runtime_error("headless OpenGL: " + what);
}

[[noreturn]] void failEgl(const std::string& what) {
  fail(what + " failed (" + eglErrorName(eglGetError()) + ")");
}

bool hasExtension(const char* extensions, std::string_view name) {
  if (extensions == nullptr) return false;
  std::string_view list(extensions);
  for (std::size_t pos = 0; pos < list.size();) {
    std::size_t end = list.find(' ', pos);
    if (end == std::string_view::npos) end = list.size();
    if (list.substr(pos, end - pos) == name) return true;
    pos = end + 1;
  }
  return false;
}

// EGL displays are per process: eglGetPlatformDisplayEXT returns the same one every time and a
// single eglTerminate ends it for every context. Count the users, terminate after the last.
struct SharedDisplay {
  std::mutex mutex;
  EGLDisplay display = EGL_NO_DISPLAY;
  int users = 0;
};

SharedDisplay& sharedDisplay() {
  static SharedDisplay shared;
  return shared;
}

EGLDisplay acquireDisplay() {
  SharedDisplay& shared = sharedDisplay();
  std::lock_guard lock(shared.mutex);
  if (shared.users == 0) {
    const char* clientExtensions = eglQueryString(EGL_NO_DISPLAY, EGL_EXTENSIONS);
    if (!hasExtension(clientExtensions, "EGL_EXT_platform_base") ||
        !hasExtension(clientExtensions, "EGL_MESA_platform_surfaceless")) {
      fail("EGL has no surfaceless Mesa platform (install libegl1 and libegl-mesa0)");
    }
    const auto getPlatformDisplay = reinterpret_cast<PFNEGLGETPLATFORMDISPLAYEXTPROC>(
        eglGetProcAddress("eglGetPlatformDisplayEXT"));
    if (getPlatformDisplay == nullptr) fail("eglGetPlatformDisplayEXT is missing");
    EGLDisplay display =
        getPlatformDisplay(EGL_PLATFORM_SURFACELESS_MESA, EGL_DEFAULT_DISPLAY, nullptr);
    if (display == EGL_NO_DISPLAY) failEgl("eglGetPlatformDisplayEXT(surfaceless)");
    EGLint major = 0;
    EGLint minor = 0;
    if (eglInitialize(display, &major, &minor) != EGL_TRUE) failEgl("eglInitialize");
    shared.display = display;
  }
  ++shared.users;
  return shared.display;
}

void releaseDisplay() {
  SharedDisplay& shared = sharedDisplay();
  std::lock_guard lock(shared.mutex);
  if (--shared.users == 0) {
    eglTerminate(shared.display);
    shared.display = EGL_NO_DISPLAY;
    eglReleaseThread();
  }
}

}  // namespace

struct HeadlessContext::Egl {
  EGLDisplay display = EGL_NO_DISPLAY;
  EGLContext context = EGL_NO_CONTEXT;

  Egl() {
    display = acquireDisplay();
    try {
      if (!hasExtension(eglQueryString(display, EGL_EXTENSIONS), "EGL_KHR_surfaceless_context")) {
        fail("EGL_KHR_surfaceless_context is not supported");
      }
      if (eglBindAPI(EGL_OPENGL_API) != EGL_TRUE) failEgl("eglBindAPI(EGL_OPENGL_API)");
      // clang-format off
      const EGLint configAttributes[] = {
          EGL_SURFACE_TYPE, EGL_PBUFFER_BIT,
          EGL_RENDERABLE_TYPE, EGL_OPENGL_BIT,
          EGL_RED_SIZE, 8, EGL_GREEN_SIZE, 8, EGL_BLUE_SIZE, 8,
          EGL_NONE};
      // clang-format on
      EGLConfig config = nullptr;
      EGLint configCount = 0;
      if (eglChooseConfig(display, configAttributes, &config, 1, &configCount) != EGL_TRUE) {
        failEgl("eglChooseConfig");
      }
      if (configCount < 1) fail("no EGL config renders with desktop OpenGL");
      // clang-format off
      const EGLint contextAttributes[] = {
          EGL_CONTEXT_MAJOR_VERSION, 3,
          EGL_CONTEXT_MINOR_VERSION, 3,
          EGL_CONTEXT_OPENGL_PROFILE_MASK, EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT,
          EGL_NONE};
      // clang-format on
      context = eglCreateContext(display, config, EGL_NO_CONTEXT, contextAttributes);
      if (context == EGL_NO_CONTEXT) failEgl("eglCreateContext(OpenGL 3.3 core)");
      makeCurrent();
    } catch (...) {
      destroy();
      throw;
    }
  }

  ~Egl() { destroy(); }
  Egl(const Egl&) = delete;
  Egl& operator=(const Egl&) = delete;

  void makeCurrent() const {
    if (eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, context) != EGL_TRUE) {
      failEgl("eglMakeCurrent");
    }
  }

  void destroy() {
    if (display == EGL_NO_DISPLAY) return;
    if (context != EGL_NO_CONTEXT) {
      if (eglGetCurrentContext() == context) {
        eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
      }
      eglDestroyContext(display, context);
      context = EGL_NO_CONTEXT;
    }
    releaseDisplay();
    display = EGL_NO_DISPLAY;
  }
};

HeadlessContext::HeadlessContext(int width, int height)
    : egl_(std::make_unique<Egl>()), width_(width), height_(height) {
  if (width < 1 || height < 1) {
    fail("framebuffer size must be positive (got " + std::to_string(width) + "x" +
         std::to_string(height) + ")");
  }
  GLint maxSize = 0;
  glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &maxSize);
  if (width > maxSize || height > maxSize) {
    fail("framebuffer " + std::to_string(width) + "x" + std::to_string(height) +
         " is larger than the driver's limit " + std::to_string(maxSize));
  }

  try {
    target_ = std::make_unique<OffscreenTarget>(width, height);
  } catch (const std::exception& e) {
    fail(e.what());
  }
  checkGlError("headless OpenGL: creating the framebuffer");
  makeCurrent();
}

HeadlessContext::~HeadlessContext() {
  if (egl_ == nullptr) return;
  try {
    egl_->makeCurrent();
    target_.reset();
  } catch (...) {
    // The context is going away anyway; destroying it frees its objects.
  }
}

void HeadlessContext::makeCurrent() {
  egl_->makeCurrent();
  glBindFramebuffer(GL_FRAMEBUFFER, target_->framebuffer());
  glViewport(0, 0, width_, height_);
}

std::string HeadlessContext::renderer() const { return glRendererString(); }

Image HeadlessContext::readPixels() { return target_->readPixels(); }

}  // namespace dermasim::render
