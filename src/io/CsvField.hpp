#pragma once
// A text written as one CSV field: quoted, with quotes doubled, only when it holds a comma, a
// quote or a line break, so plain fields stay plain.
//
//   out += csvField(source) + ",";   // Lotfi, Moneib & Yehia, ... -> "Lotfi, Moneib & Yehia, ..."

#include <string>

namespace dermasim {

inline std::string csvField(const std::string& text) {
  if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
  std::string quoted = "\"";
  for (const char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

}  // namespace dermasim
