#pragma once
// Reads a whole file the program is given (a scenario, a validation case, a shard's tables, a
// run's own timeseries) as text, bounded: the size is checked before reading and again while
// reading, since a pipe or /dev/zero has no size and no end. Every refusal is an InputError
// that starts with the file's printable name.
//
//   const std::string text = readTextFile(file, kMaxScenarioBytes, kScenarioFileKind);
//   // plan.toml: cannot read file (No such file or directory)
//   // /dev/zero: file size: at most 1048576 bytes for a scenario file, which takes a few kB
//   //   (got more than 1048576 bytes)

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

namespace dermasim {

// `kind` names what the file should be and how big it usually is, for the size error.
std::string readTextFile(const std::filesystem::path& file, std::size_t maxBytes,
                         std::string_view kind);

// The size error itself, for text that arrives another way. `shown` is the printable source,
// `size` the size as text ("more than N" when it is not known).
[[noreturn]] void failFileTooLarge(const std::string& shown, std::size_t maxBytes,
                                   std::string_view kind, const std::string& size);

}  // namespace dermasim
