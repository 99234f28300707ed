#include "io/AtomicFile.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <string>

namespace dermasim {

void writeFileAtomically(const std::filesystem::path& target, std::string_view contents) {
  const auto fail = [&](const std::string& what) {
    throw std::runtime_error(target.string() + ": " + what + " (" + std::strerror(errno) + ")");
  };
  std::string tempName = ".";  // hidden, so folder listings never show a half-written file
  tempName += target.filename().string();
  tempName += ".tmp.";
  tempName += std::to_string(::getpid());
  const std::filesystem::path temp = target.parent_path() / tempName;
  std::FILE* f = std::fopen(temp.c_str(), "wb");
  if (!f) fail("cannot create file");
  const bool written = std::fwrite(contents.data(), 1, contents.size(), f) == contents.size();
  const bool flushed = std::fflush(f) == 0 && ::fsync(::fileno(f)) == 0;
  const bool closed = std::fclose(f) == 0;
  if (!written || !flushed || !closed) {
    const int saved = errno;
    std::remove(temp.c_str());
    errno = saved;
    fail("cannot write file");
  }
  if (std::rename(temp.c_str(), target.c_str()) != 0) {
    const int saved = errno;
    std::remove(temp.c_str());
    errno = saved;
    fail("cannot replace file");
  }
}

}  // namespace dermasim
