#pragma once
// A text written as one CSV field: quoted, with quotes doubled, only when it holds a comma, a
// quote or a line break, so plain fields stay plain.
//
//   out += csvField(source) + ",";   // Lotfi, Moneib & Yehia, ... -> "Lotfi, Moneib & Yehia, ..."
//   appendField(out, exactNumber(v));  // ",0.25"

#include <string>
#include <string_view>

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

// One more field after a comma. (Not `out += "," + text`: GCC 12 warns falsely on that
// temporary, -Wrestrict, and it allocates a string per field.)
inline void appendField(std::string& out, std::string_view text) {
  out += ',';
  out += text;
}

}  // namespace dermasim
