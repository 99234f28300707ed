#include "cli/WholeNumber.hpp"

#include <charconv>

#include "io/InputError.hpp"
#include "io/PrintableText.hpp"

namespace dermasim {

std::uint64_t wholeNumber(const std::string& text, const std::string& option, std::uint64_t min,
                          std::uint64_t max) {
  std::uint64_t value = 0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (text.empty() || ec != std::errc() || ptr != end || value < min || value > max)
    throw InputError(option + ": must be a whole number from " + std::to_string(min) + " to " +
                     std::to_string(max) + " (got " + printable(text) + ")");
  return value;
}

}  // namespace dermasim
