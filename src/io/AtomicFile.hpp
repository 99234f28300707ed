#pragma once
// Files a reader never sees half-written: contents go to a temporary file beside the target,
// which is renamed over it once complete.

#include <filesystem>
#include <string_view>

namespace dermasim {

// Throws std::runtime_error naming the file on any failure; the target is then untouched.
void writeFileAtomically(const std::filesystem::path& target, std::string_view contents);

}  // namespace dermasim
