#pragma once
// A command-line option's whole number, read from its text so that a bad value ("3.5", "-1",
// "1e9", "") is refused with the option named, exit 2, rather than rounded or wrapped.
//
//   const std::uint64_t n = wholeNumber(request.cohort, "--cohort", 1, 10000);

#include <cstdint>
#include <string>

namespace dermasim {

// `text` as a whole number from `min` to `max`, or an InputError naming `option`.
std::uint64_t wholeNumber(const std::string& text, const std::string& option, std::uint64_t min,
                          std::uint64_t max);

}  // namespace dermasim
