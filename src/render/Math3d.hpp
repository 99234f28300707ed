#pragma once
// The little linear algebra the renderer needs: 3-vectors and column-major 4x4 matrices laid out
// as OpenGL expects them (glUniformMatrix4fv with transpose = GL_FALSE).
#include <array>
#include <cmath>

namespace dermasim::render {

struct Vec3 {
  float x = 0, y = 0, z = 0;

  friend Vec3 operator+(Vec3 a, Vec3 b) { return {a.x + b.x, a.y + b.y, a.z + b.z}; }
  friend Vec3 operator-(Vec3 a, Vec3 b) { return {a.x - b.x, a.y - b.y, a.z - b.z}; }
  friend Vec3 operator*(float s, Vec3 a) { return {s * a.x, s * a.y, s * a.z}; }
};

inline float dot(Vec3 a, Vec3 b) { return a.x * b.x + a.y * b.y + a.z * b.z; }
inline Vec3 cross(Vec3 a, Vec3 b) {
  return {a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x};
}
inline Vec3 normalize(Vec3 a) {
  const float length = std::sqrt(dot(a, a));
  return length > 0 ? (1.0f / length) * a : a;
}

// Column-major: element (row r, column c) is m[4 * c + r].
using Mat4 = std::array<float, 16>;

inline Mat4 multiply(const Mat4& a, const Mat4& b) {
  Mat4 out{};
  for (int c = 0; c < 4; ++c) {
    for (int r = 0; r < 4; ++r) {
      float sum = 0;
      for (int k = 0; k < 4; ++k) sum += a[4 * k + r] * b[4 * c + k];
      out[4 * c + r] = sum;
    }
  }
  return out;
}

// Right-handed view matrix (the camera looks down its -z axis), as gluLookAt.
inline Mat4 lookAt(Vec3 eye, Vec3 target, Vec3 up) {
  const Vec3 f = normalize(target - eye);
  const Vec3 s = normalize(cross(f, up));
  const Vec3 u = cross(s, f);
  return {s.x, u.x, -f.x, 0, s.y,          u.y,          -f.y,        0,
          s.z, u.z, -f.z, 0, -dot(s, eye), -dot(u, eye), dot(f, eye), 1};
}

// OpenGL clip space (z in -1..1), as gluPerspective; `fovY` in radians.
inline Mat4 perspective(float fovY, float aspect, float near, float far) {
  const float f = 1.0f / std::tan(fovY / 2);
  Mat4 m{};
  m[0] = f / aspect;
  m[5] = f;
  m[10] = (far + near) / (near - far);
  m[11] = -1;
  m[14] = 2 * far * near / (near - far);
  return m;
}

inline constexpr float kPi = 3.14159265358979f;
inline float radians(float degrees) { return degrees * kPi / 180.0f; }

// The unit vector at `azimuthDeg` around +z (0 = towards -y, the viewer's side of the patch; 90 =
// towards +x) and `elevationDeg` above the x-y plane.
inline Vec3 directionFromAngles(float azimuthDeg, float elevationDeg) {
  const float az = radians(azimuthDeg);
  const float el = radians(elevationDeg);
  return {std::sin(az) * std::cos(el), -std::cos(az) * std::cos(el), std::sin(el)};
}

}  // namespace dermasim::render
