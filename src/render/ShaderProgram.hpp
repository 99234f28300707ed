#pragma once
// A linked vertex + fragment shader program. Needs a current OpenGL 3.3 core context for its
// whole life (construction, use and destruction).
#include <array>
#include <string>
#include <string_view>

namespace dermasim::render {

class ShaderProgram {
 public:
  // Compiles and links; throws std::runtime_error with `name` and the driver's log on failure.
  ShaderProgram(std::string name, std::string_view vertexSource, std::string_view fragmentSource);
  ~ShaderProgram();
  ShaderProgram(ShaderProgram&& other) noexcept;
  ShaderProgram& operator=(ShaderProgram&& other) noexcept;
  ShaderProgram(const ShaderProgram&) = delete;
  ShaderProgram& operator=(const ShaderProgram&) = delete;

  const std::string& name() const { return name_; }
  unsigned int id() const { return program_; }
  void use() const;

  // Set a uniform of the program (which is made current). A name the linker dropped or that
  // does not exist is ignored, as OpenGL does for location -1.
  void setUniform(const char* uniform, int value) const;
  void setUniform(const char* uniform, float value) const;
  void setUniform(const char* uniform, const std::array<float, 3>& value) const;
  void setUniform(const char* uniform, const std::array<float, 4>& value) const;

 private:
  int location(const char* uniform) const;

  std::string name_;
  unsigned int program_ = 0;
};

}  // namespace dermasim::render
