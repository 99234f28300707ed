#pragma once
// The GLSL files of the repository's shaders/ folder, compiled into the program.
#include <string_view>
#include <vector>

#include "render/ShaderProgram.hpp"

namespace dermasim::render {

// The source of shaders/<fileName>, e.g. "fullscreen.vert.glsl". Throws std::runtime_error
// naming the file if there is no such shader.
std::string_view shaderSource(std::string_view fileName);

// The file names of every embedded shader.
std::vector<std::string_view> shaderNames();

// Compiles and links two embedded shaders (needs a current context).
ShaderProgram loadShaderProgram(std::string_view vertexFile, std::string_view fragmentFile);

}  // namespace dermasim::render
