#include "render/ShaderProgram.hpp"

#include <stdexcept>
#include <utility>

#include "render/Gl.hpp"

namespace dermasim::render {

namespace {

std::string shaderLog(GLuint shader) {
  GLint length = 0;
  glGetShaderiv(shader, GL_INFO_LOG_LENGTH, &length);
  std::string log(static_cast<std::size_t>(length > 0 ? length : 0), '\0');
  if (length > 0) glGetShaderInfoLog(shader, length, nullptr, log.data());
  while (!log.empty() && (log.back() == '\0' || log.back() == '\n')) log.pop_back();
  return log;
}

std::string programLog(GLuint program) {
  GLint length = 0;
  glGetProgramiv(program, GL_INFO_LOG_LENGTH, &length);
  std::string log(static_cast<std::size_t>(length > 0 ? length : 0), '\0');
  if (length > 0) glGetProgramInfoLog(program, length, nullptr, log.data());
  while (!log.empty() && (log.back() == '\0' || log.back() == '\n')) log.pop_back();
  return log;
}

GLuint compile(const std::string& name, GLenum stage, std::string_view source) {
  const GLuint shader = glCreateShader(stage);
  if (shader == 0) throw std::runtime_error("shader " + name + ": glCreateShader failed");
  const GLchar* text = source.data();
  const auto length = static_cast<GLint>(source.size());
  glShaderSource(shader, 1, &text, &length);
  glCompileShader(shader);
  GLint ok = GL_FALSE;
  glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
  if (ok != GL_TRUE) {
    const std::string log = shaderLog(shader);
    glDeleteShader(shader);
    throw std::runtime_error("shader " + name + ": " +
                             (stage == GL_VERTEX_SHADER ? "vertex" : "fragment") +
                             " stage does not compile: " + log);
  }
  return shader;
}

}  // namespace

ShaderProgram::ShaderProgram(std::string name, std::string_view vertexSource,
                             std::string_view fragmentSource)
    : name_(std::move(name)) {
  const GLuint vertex = compile(name_, GL_VERTEX_SHADER, vertexSource);
  GLuint fragment = 0;
  try {
    fragment = compile(name_, GL_FRAGMENT_SHADER, fragmentSource);
  } catch (...) {
    glDeleteShader(vertex);
    throw;
  }
  program_ = glCreateProgram();
  glAttachShader(program_, vertex);
  glAttachShader(program_, fragment);
  glLinkProgram(program_);
  glDetachShader(program_, vertex);
  glDetachShader(program_, fragment);
  glDeleteShader(vertex);
  glDeleteShader(fragment);
  GLint ok = GL_FALSE;
  glGetProgramiv(program_, GL_LINK_STATUS, &ok);
  if (ok != GL_TRUE) {
    const std::string log = programLog(program_);
    glDeleteProgram(program_);
    program_ = 0;
    throw std::runtime_error("shader " + name_ + ": does not link: " + log);
  }
}

ShaderProgram::~ShaderProgram() {
  if (program_ != 0) glDeleteProgram(program_);
}

ShaderProgram::ShaderProgram(ShaderProgram&& other) noexcept
    : name_(std::move(other.name_)), program_(std::exchange(other.program_, 0)) {}

ShaderProgram& ShaderProgram::operator=(ShaderProgram&& other) noexcept {
  if (this != &other) {
    if (program_ != 0) glDeleteProgram(program_);
    name_ = std::move(other.name_);
    program_ = std::exchange(other.program_, 0);
  }
  return *this;
}

void ShaderProgram::use() const { glUseProgram(program_); }

int ShaderProgram::location(const char* uniform) const {
  return glGetUniformLocation(program_, uniform);
}

void ShaderProgram::setUniform(const char* uniform, int value) const {
  use();
  glUniform1i(location(uniform), value);
}

void ShaderProgram::setUniform(const char* uniform, float value) const {
  use();
  glUniform1f(location(uniform), value);
}

void ShaderProgram::setUniform(const char* uniform, const std::array<float, 3>& value) const {
  use();
  glUniform3fv(location(uniform), 1, value.data());
}

void ShaderProgram::setUniform(const char* uniform, const std::array<float, 4>& value) const {
  use();
  glUniform4fv(location(uniform), 1, value.data());
}

}  // namespace dermasim::render
