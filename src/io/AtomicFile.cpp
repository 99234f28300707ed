#include "io/AtomicFile.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>

#include "io/InputError.hpp"

namespace dermasim {
namespace {

namespace fs = std::filesystem;

[[noreturn]] void failOn(const fs::path& file, const std::string& what) {
  throw std::runtime_error(file.string() + ": " + what + " (" + std::strerror(errno) + ")");
}

// Writes and flushes to disk; on failure removes the partial file and throws naming `shownAs`.
void writeSynced(const fs::path& file, std::string_view contents, const fs::path& shownAs) {
  std::FILE* f = std::fopen(file.c_str(), "wb");
  if (!f) failOn(shownAs, "cannot create file");
  const bool written = std::fwrite(contents.data(), 1, contents.size(), f) == contents.size();
  const bool flushed = std::fflush(f) == 0 && ::fsync(::fileno(f)) == 0;
  const bool closed = std::fclose(f) == 0;
  if (!written || !flushed || !closed) {
    const int saved = errno;
    std::remove(file.c_str());
    errno = saved;
    failOn(shownAs, "cannot write file");
  }
}

// A rename is durable only once the folder holding the names is on disk too.
void syncFolder(const fs::path& dir) {
  const int fd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

// Lets tests kill the program between any two steps of putting a set in place: each step waits
// DERMASIM_TEST_OUTPUT_PAUSE_MS milliseconds when it is set.
void pauseForTests() {
  static const long pauseMs = [] {
    const char* value = std::getenv("DERMASIM_TEST_OUTPUT_PAUSE_MS");
    return value ? std::strtol(value, nullptr, 10) : 0L;
  }();
  if (pauseMs > 0) std::this_thread::sleep_for(std::chrono::milliseconds(pauseMs));
}

// Writable as the user means it: root may write anywhere, but a folder with no write permission
// was made read-only on purpose.
bool writableFolder(const fs::path& dir) {
  struct stat st {};
  if (::stat(dir.c_str(), &st) != 0) return false;
  return ::access(dir.c_str(), W_OK) == 0 && (st.st_mode & 0222) != 0;
}

// One of `names`, or what writeFileAtomically leaves of one when killed (".NAME.tmp.PID"):
// earlier versions wrote a set's files one by one that way.
bool isOwnName(const std::string& entry, const std::vector<std::string>& names) {
  return std::any_of(names.begin(), names.end(), [&](const std::string& name) {
    if (entry == name) return true;
    std::string temporary = ".";
    temporary += name;
    temporary += ".tmp.";
    return entry.size() > temporary.size() && entry.starts_with(temporary) &&
           std::all_of(entry.begin() + static_cast<std::ptrdiff_t>(temporary.size()), entry.end(),
                       [](char c) { return c >= '0' && c <= '9'; });
  });
}

// The names below sub-folder `folder` of a set ("a/summary.json" -> "summary.json"); empty
// when the set has no such sub-folder.
std::vector<std::string> namesInside(const std::string& folder,
                                     const std::vector<std::string>& names) {
  std::vector<std::string> inside;
  const std::string prefix = folder + "/";
  for (const std::string& n : names)
    if (n.starts_with(prefix)) inside.push_back(n.substr(prefix.size()));
  return inside;
}

// The first entry of `dir` that is not one of `names` as a plain file, or a sub-folder the set
// names holding only its own files ("?" when `dir` cannot be listed); nullopt when there is
// none, so the folder holds only a set of ours (or nothing).
std::optional<std::string> foreignEntry(const fs::path& dir,
                                        const std::vector<std::string>& names) {
  std::error_code ec;
  fs::directory_iterator it(dir, ec);
  if (ec) return "?";
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    const std::string name = it->path().filename().string();
    const fs::file_type type = it->symlink_status(ec).type();
    if (type == fs::file_type::directory) {
      const std::vector<std::string> inside = namesInside(name, names);
      if (inside.empty()) return name;
      if (const auto foreign = foreignEntry(it->path(), inside)) return name + "/" + *foreign;
      continue;
    }
    if (type != fs::file_type::regular || !isOwnName(name, names)) return name;
  }
  if (ec) return "?";
  return std::nullopt;
}

std::string stagingPrefix(const fs::path& target) {
  std::string prefix = ".";  // hidden, like a half-written file's temporary
  prefix += target.filename().string();
  prefix += ".tmp-";
  return prefix;
}

// A temporary whose process is gone was left by a killed run: either a set never put in place
// or the set one replaced. Only folders holding nothing but a set's files are removed, so a
// user's folder that happens to match the name survives.
void removeStaleStagings(const fs::path& parent, const fs::path& target,
                         const std::vector<std::string>& names) {
  const std::string prefix = stagingPrefix(target);
  std::error_code ec;
  fs::directory_iterator it(parent, ec);
  for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (!name.starts_with(prefix)) continue;
    char* end = nullptr;
    const long pid = std::strtol(name.c_str() + prefix.size(), &end, 10);
    if (end == name.c_str() + prefix.size() || *end != '-' || pid <= 0) continue;
    const bool alive =
        pid == ::getpid() || ::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM;
    if (alive) continue;
    std::error_code typeError;
    if (it->symlink_status(typeError).type() != fs::file_type::directory) continue;
    if (foreignEntry(it->path(), names)) continue;
    std::error_code removeError;
    fs::remove_all(it->path(), removeError);  // if it fails, a later run tries again
  }
}

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

}  // namespace

void writeFileAtomically(const std::filesystem::path& target, std::string_view contents) {
  std::string tempName = ".";  // hidden, so folder listings never show a half-written file
  tempName += target.filename().string();
  tempName += ".tmp.";
  tempName += std::to_string(::getpid());
  const std::filesystem::path temp = target.parent_path() / tempName;
  writeSynced(temp, contents, target);
  if (std::rename(temp.c_str(), target.c_str()) != 0) {
    const int saved = errno;
    std::remove(temp.c_str());
    errno = saved;
    failOn(target, "cannot replace file");
  }
}

StagedFolder::StagedFolder(fs::path target, std::string label, std::vector<std::string> ownNames)
    : ownNames_(std::move(ownNames)) {
  const std::string got = " (got " + target.string() + ")";
  const auto refuse = [&](const std::string& why) { throw InputError(label + ": " + why + got); };
  std::error_code ec;
  // A link to a folder: the folder it leads to is replaced, the link stays.
  if (fs::is_symlink(target, ec)) {
    target = fs::canonical(target, ec);
    if (ec) refuse("must be a folder, and this link leads nowhere");
  }
  // Absolute, so "out/", "." and "sub/.." name a folder with a parent to stage beside it.
  target_ = fs::absolute(target, ec).lexically_normal();
  if (!target_.has_filename()) target_ = target_.parent_path();
  if (ec || !target_.has_filename() || target_ == target_.root_path())
    refuse("must name a folder other than the root");

  const fs::file_status status = fs::symlink_status(target_, ec);
  if (fs::exists(status)) {
    if (!fs::is_directory(status)) refuse("must be a folder, not a file or device");
    if (!writableFolder(target_)) refuse("must be a folder dermasim can write to; it is read-only");
    if (const auto foreign = foreignEntry(target_, ownNames_))
      refuse("must be a new or empty folder or one holding only earlier outputs (" +
             joined(ownNames_) + "); it holds " + *foreign + ", which dermasim never deletes");
  }
  const fs::path parent = target_.parent_path();
  fs::create_directories(parent, ec);
  if (ec)
    refuse("must be in a folder that exists or can be made; " + parent.string() + ": " +
           ec.message());
  if (!writableFolder(parent))
    refuse("must be in a folder dermasim can write to; " + parent.string() + " is read-only");
  removeStaleStagings(parent, target_, ownNames_);

  static std::atomic<int> counter{0};
  staging_ = parent / (stagingPrefix(target_) + std::to_string(::getpid()) + "-" +
                       std::to_string(counter++));
  if (::mkdir(staging_.c_str(), 0777) != 0)
    refuse("must be in a folder dermasim can write to; cannot make " +
           staging_.filename().string() + " there: " + std::strerror(errno));
}

StagedFolder::~StagedFolder() {
  if (committed_) return;
  std::error_code ec;
  fs::remove_all(staging_, ec);
}

void StagedFolder::write(std::string_view name, std::string_view contents) {
  const fs::path file = staging_ / name;
  if (file.parent_path() != staging_) {
    std::error_code ec;
    fs::create_directories(file.parent_path(), ec);
    if (ec) failOn(target_ / fs::path(name).parent_path(), "cannot make folder");
  }
  writeSynced(file, contents, target_ / name);
  pauseForTests();
}

void StagedFolder::commit() {
  std::error_code ec;
  for (const fs::directory_entry& entry : fs::directory_iterator(staging_, ec))
    if (entry.is_directory(ec)) syncFolder(entry.path());
  syncFolder(staging_);
  const bool replacing = fs::exists(fs::symlink_status(target_, ec));
  if (!replacing) {
    if (::rename(staging_.c_str(), target_.c_str()) != 0)
      failOn(target_, "cannot put outputs in place");
  } else if (::renameat2(AT_FDCWD, staging_.c_str(), AT_FDCWD, target_.c_str(), RENAME_EXCHANGE) !=
             0) {
    if (errno != EINVAL && errno != ENOSYS && errno != ENOTSUP)
      failOn(target_, "cannot put outputs in place");
    // A file system that cannot swap (some network ones): move the old set aside under a
    // temporary name, then the new one in. A kill between the two leaves no folder at the
    // target, but never a mix.
    const fs::path aside = staging_.string() + "-old";
    if (::rename(target_.c_str(), aside.c_str()) != 0) failOn(target_, "cannot move old outputs");
    if (::rename(staging_.c_str(), target_.c_str()) != 0) {
      const int saved = errno;
      ::rename(aside.c_str(), target_.c_str());
      errno = saved;
      failOn(target_, "cannot put outputs in place");
    }
    staging_ = aside;
  }
  committed_ = true;
  syncFolder(target_.parent_path());
  pauseForTests();
  // After the swap the temporary name holds the set that was replaced.
  if (replacing) fs::remove_all(staging_, ec);
}

}  // namespace dermasim
