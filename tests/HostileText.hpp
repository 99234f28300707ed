#pragma once
// Generated text for hostile-input tests: long runs and deep dotted keys.
//
//   repeated("[", 3) == "[[["
//   dottedKey(3) == "a.a.a"

#include <string>
#include <string_view>

namespace hostile_text {

inline std::string repeated(std::string_view piece, std::size_t times) {
  std::string out;
  out.reserve(piece.size() * times);
  for (std::size_t i = 0; i < times; ++i) out += piece;
  return out;
}

// A dotted key of `parts` parts: "a.a.a".
inline std::string dottedKey(std::size_t parts) { return repeated("a.", parts - 1) + "a"; }

}  // namespace hostile_text
