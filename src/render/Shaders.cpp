#include "render/Shaders.hpp"

#include <stdexcept>
#include <string>

#include "shaders_embedded.hpp"

namespace dermasim::render {

std::string_view shaderSource(std::string_view fileName) {
  if (const auto source = shaders_embedded::find(fileName)) return *source;
  throw std::runtime_error("shaders/" + std::string(fileName) +
                           ": no such shader compiled into the program");
}

std::vector<std::string_view> shaderNames() {
  std::vector<std::string_view> names;
  for (const auto& file : shaders_embedded::files()) names.push_back(file.name);
  return names;
}

ShaderProgram loadShaderProgram(std::string_view vertexFile, std::string_view fragmentFile) {
  return ShaderProgram(std::string(vertexFile) + " + " + std::string(fragmentFile),
                       shaderSource(vertexFile), shaderSource(fragmentFile));
}

}  // namespace dermasim::render
