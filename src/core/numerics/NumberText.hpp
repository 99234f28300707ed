#pragma once
// Numbers as text, the only place the program turns a double into characters: as people read
// them (messages, labels, tables) and exactly (files read back). None of them writes a sign on
// a value that shows as zero: "-0" or "-0.000" reads like a negative amount that is not there.
//
//   readableNumber(0.1 + 0.2)       // "0.3"   (6 significant digits, like "%g")
//   readableNumber(1234.5678, 3)    // "1.23e+03"
//   fixedNumber(-0.0004, 3)         // "0.000"
//   roundedNumber(1.250, 2)         // "1.25"
//   signedNumber(2.4, 0)            // "+2"
//   exactNumber(0.1 + 0.2)          // "0.30000000000000004"
//   exactNumber(180.0)              // "180"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <string>
#include <string_view>

namespace dermasim {

namespace number_text {
// printf rounds a tiny negative value to "-0", "-0.00" or "-0e+00"; drop that sign. A sign is
// kept whenever any digit shown is not zero.
inline std::string withoutNegativeZero(std::string text) {
  if (!text.empty() && text.front() == '-') {
    const std::size_t exponent = text.find_first_of("eE");
    const std::string_view mantissa = std::string_view(text).substr(1, exponent - 1);
    if (mantissa.find_first_not_of("0.") == std::string_view::npos) text.erase(0, 1);
  }
  return text;
}
}  // namespace number_text

// `significant` digits, trailing zeros dropped, an exponent only for very large or small
// values: "%g". For messages, labels and axis values.
inline std::string readableNumber(double value, int significant = 6) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*g", significant, value);
  return number_text::withoutNegativeZero(buffer);
}

// Exactly `decimals` decimals: "%.*f". For table columns and values with a fixed precision.
inline std::string fixedNumber(double value, int decimals) {
  char buffer[352];  // DBL_MAX in full, with decimals to spare
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  return number_text::withoutNegativeZero(buffer);
}

// At most `decimals` decimals, trailing zeros dropped ("1.25", "0.5", "7"). For days and
// ticks, where "7.00" would claim a precision nobody asked for.
inline std::string roundedNumber(double value, int decimals) {
  std::string text = fixedNumber(value, decimals);
  if (text.find('.') != std::string::npos) {
    while (text.back() == '0') text.pop_back();
    if (text.back() == '.') text.pop_back();
  }
  return text;
}

// As fixedNumber, with a "+" on what shows as positive: for changes ("+3 %", "-2 %", "0 %").
inline std::string signedNumber(double value, int decimals) {
  const std::string text = fixedNumber(value, decimals);
  const bool positive = text.front() != '-' && text.find_first_not_of("0.") != std::string::npos;
  return positive ? "+" + text : text;
}

// The shortest text that reads back to the same double; whole numbers as people write them
// ("180", not "180.0" or "1.8e+02"). Negative zero reads back as 0, which compares equal.
inline std::string exactNumber(double value) {
  if (std::isnan(value)) return "nan";
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  if (value == 0) return "0";
  if (value == std::trunc(value) && std::abs(value) < 1e15) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.0f", value);
    return buffer;
  }
  char buffer[64];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

}  // namespace dermasim
