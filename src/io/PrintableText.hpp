#pragma once
// User text in messages: keys, file names, scenario names and a parser's words can hold control
// characters or be 100 kB long; shown through these, every message stays one short line that a
// terminal prints as is.
//
//   printable("a\nb") == "a\\nb"
//   quotedText("say \"hi\"") == "\"say \\\"hi\\\"\""

#include <cstddef>
#include <string>
#include <string_view>

namespace dermasim {

// How many characters of a key or string an error message shows before cutting it short.
inline constexpr std::size_t kShownChars = 60;

// User text (a key, a file name, a parser's message) as an error message shows it, so that the
// message stays one line a terminal shows as is: control characters escaped (`\n`, `\x1b`,
// `\u0085`) and text past `maxChars` characters cut, its length in characters given instead.
// Backslashes stay as they are, as the parser's messages already escape what they quote.
//   printable("a\nb") == "a\\nb"
//   printable(std::string(100000, 'k')) == std::string(60, 'k') + "... (100000 characters)"
std::string printable(std::string_view text, std::size_t maxChars = kShownChars);

// `text` in double quotes, escaped as printable() does plus `"` and `\`, cut the same way.
std::string quotedText(std::string_view text);

}  // namespace dermasim
