#pragma once
// OpenGL 3.3 core entry points without a loader: GLVND's libOpenGL dispatches each call to the
// context current on the calling thread (EGL for HeadlessContext, GLX for the viewer's window).
#ifndef GL_GLEXT_PROTOTYPES
#define GL_GLEXT_PROTOTYPES 1
#endif
#include <GL/glcorearb.h>
