#include "io/TextFile.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>

#include "io/InputError.hpp"
#include "io/PrintableText.hpp"

namespace dermasim {

void failFileTooLarge(const std::string& shown, std::size_t maxBytes, std::string_view kind,
                      const std::string& size) {
  throw InputError(shown + ": file size: at most " + std::to_string(maxBytes) + " bytes for " +
                   std::string(kind) + " (got " + size + " bytes)");
}

std::string readTextFile(const std::filesystem::path& file, std::size_t maxBytes,
                         std::string_view kind) {
  const std::string shown = printable(file.string(), std::string::npos);
  std::error_code ec;
  if (std::filesystem::is_directory(file, ec))
    throw InputError(shown + ": cannot read file (" + std::strerror(EISDIR) + ")");
  if (const auto size = std::filesystem::file_size(file, ec); !ec && size > maxBytes)
    failFileTooLarge(shown, maxBytes, kind, std::to_string(size));
  errno = 0;
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    const int error = errno;
    throw InputError(shown + ": cannot read file (" +
                     (error != 0 ? std::strerror(error) : "open failed") + ")");
  }
  // Grown as it arrives rather than sized up front: a large bound costs nothing for a small file.
  std::string text;
  char block[1 << 16];
  while (in.read(block, sizeof block) || in.gcount() > 0) {
    text.append(block, static_cast<std::size_t>(in.gcount()));
    if (text.size() > maxBytes)
      failFileTooLarge(shown, maxBytes, kind, "more than " + std::to_string(maxBytes));
  }
  if (in.bad()) throw InputError(shown + ": cannot read file (read error)");
  return text;
}

}  // namespace dermasim
