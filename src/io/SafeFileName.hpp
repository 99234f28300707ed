#pragma once
// A file name made from free text (a scenario's title) that no shell has to quote and no file
// system refuses: letters, digits, '-', '_' and '.' are kept, every other run of characters
// (spaces, quotes, slashes, '$', non-ASCII) becomes one '_', leading dots and underscores go,
// and it is at most 80 characters. Exports are named with it.
//
//   safeFileName("Acne scars - pen 1.5 mm, 4 monthly sessions")
//       == "Acne_scars_-_pen_1.5_mm_4_monthly_sessions"

#include <string>
#include <string_view>

namespace dermasim {

inline std::string safeFileName(std::string_view text, std::string_view fallback = "dermasim") {
  constexpr std::size_t kLongest = 80;
  std::string out;
  bool gap = false;
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    const bool kept = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '-' || c == '_' || c == '.';
    if (!kept) {
      gap = true;
      continue;
    }
    if (gap && !out.empty() && out.back() != '_') out += '_';
    gap = false;
    if (out.empty() && (c == '.' || c == '_')) continue;  // no hidden files, no leading '_'
    out += ch;
    if (out.size() >= kLongest) break;
  }
  while (!out.empty() && (out.back() == '_' || out.back() == '.')) out.pop_back();
  return out.empty() ? std::string(fallback) : out;
}

}  // namespace dermasim
