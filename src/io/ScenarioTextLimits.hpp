#pragma once
// Internal to dermasim_io: bounds on a scenario file's raw text, checked before toml++ reads it.
// toml++ makes a table per part of a dotted key or table header and frees them recursively, so
// a key 300,000 parts deep overflows the stack (fewer on a thread's smaller stack); a scenario
// needs 4 levels. A cheap linear scan rejects such text with a one-line InputError naming the
// line, and the size bound keeps every later step's time small.
//
//   checkScenarioTextLimits(text, "plan.toml");  // throws InputError, e.g.
//   // plan.toml:3: nesting: at most 32 tables, arrays and dotted key parts within one another
//   // (got 100000)
//   const toml::table root = toml::parse(text, "plan.toml");

#include <cstddef>
#include <string>
#include <string_view>

namespace dermasim {

// A scenario file is a few kB; a saved one with 60 sessions stays under 100 kB.
inline constexpr std::size_t kMaxScenarioBytes = std::size_t{1} << 20;
// What a scenario file is, for the size error (io/TextFile.hpp).
inline constexpr std::string_view kScenarioFileKind = "a scenario file, which takes a few kB";
// Levels of tables, arrays and dotted key parts within one another (patient.scars.mix.rolling
// is 4; session[0].day is 3).
inline constexpr int kMaxScenarioNesting = 32;

// Throws InputError when `text` is longer than kMaxScenarioBytes or nests a value deeper than
// kMaxScenarioNesting. `source` (already printable) starts the message. Text that is not valid
// TOML passes unless it breaks a bound: the TOML parser reports it.
void checkScenarioTextLimits(std::string_view text, const std::string& source);

// The error for a file of `size` bytes over kMaxScenarioBytes ("more than" when the size is not
// known, as for a pipe).
[[noreturn]] void failScenarioTooLarge(const std::string& source, const std::string& size);

}  // namespace dermasim
