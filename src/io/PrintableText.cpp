#include "io/PrintableText.hpp"

#include <algorithm>

namespace dermasim {
namespace {

// UTF-8 lead bytes and ASCII start a character; continuation bytes (10xxxxxx) do not.
bool startsCharacter(char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }

std::size_t characterCount(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), startsCharacter));
}

// `\xNN` for a byte, `\u00NN` for a C1 control (whose UTF-8 is C2 NN).
std::string hexEscape(bool codePoint, unsigned code) {
  constexpr char kDigits[] = "0123456789abcdef";
  return std::string(codePoint ? "\\u00" : "\\x") + kDigits[(code >> 4) & 0xF] +
         kDigits[code & 0xF];
}

// The first `maxChars` characters of `text`, escaped so that no terminal breaks the line or
// obeys a control sequence in it. C1 controls (U+0080 to U+009F) count too: some terminals act
// on them as on ESC sequences.
std::string escapedHead(std::string_view text, std::size_t maxChars, bool inQuotes) {
  std::string out;
  std::size_t chars = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (startsCharacter(c) && chars++ == maxChars) break;
    const auto byte = static_cast<unsigned char>(c);
    const auto next = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0u;
    if (byte == 0xC2 && next >= 0x80 && next <= 0x9F) {
      out += hexEscape(true, next);
      ++i;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (inQuotes && (c == '\\' || c == '"')) {
      out.append(1, '\\').append(1, c);
    } else if (byte < 0x20 || byte == 0x7F) {
      out += hexEscape(false, byte);
    } else {
      out += c;
    }
  }
  return out;
}

// What a text cut short after `maxChars` characters gets instead of the rest.
std::string cutNote(std::string_view text, std::size_t maxChars) {
  if (text.size() <= maxChars) return "";  // a character is at least one byte
  const std::size_t chars = characterCount(text);
  return chars > maxChars ? "... (" + std::to_string(chars) + " characters)" : "";
}

}  // namespace

std::string printable(std::string_view text, std::size_t maxChars) {
  return escapedHead(text, maxChars, false) + cutNote(text, maxChars);
}

std::string quotedText(std::string_view s) {
  std::string out = "\"";
  out += escapedHead(s, kShownChars, true);
  out += '"';
  return out + cutNote(s, kShownChars);
}

}  // namespace dermasim
