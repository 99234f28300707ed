#pragma once
// Files and folders a reader never sees half-written. A file's contents go to a temporary file
// beside it, renamed over it once complete. A folder's set of files goes to a temporary folder
// beside it, swapped with the old folder in one step, so a kill or a full disk leaves the old
// set or the new one, never a mix:
//
//   StagedFolder staged("out", "--out", {"summary.json", "timeseries.csv"});  // checks "out"
//   staged.write("summary.json", summary);
//   staged.write("timeseries.csv", timeseries);
//   staged.commit();  // "out" now holds exactly these two files

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace dermasim {

// Throws std::runtime_error naming the file on any failure; the target is then untouched.
void writeFileAtomically(const std::filesystem::path& target, std::string_view contents);

class StagedFolder {
 public:
  // Makes the hidden temporary folder beside `target` (".NAME.tmp-PID-N"), creating target's
  // parent if missing, and removes the temporaries of earlier runs that were killed. `ownNames`
  // are the files this kind of set holds, those in its sub-folders as "a/summary.json": an
  // existing target holding anything else is the user's and is refused, never deleted. Problems
  // with `target` (not a folder, read-only, a parent that cannot be made) throw InputError worded
  // for the option `label` names.
  StagedFolder(std::filesystem::path target, std::string label, std::vector<std::string> ownNames);
  // Removes the temporary folder unless committed: the target keeps its old set.
  ~StagedFolder();
  StagedFolder(const StagedFolder&) = delete;
  StagedFolder& operator=(const StagedFolder&) = delete;

  // Writes one of the set's files (one of `ownNames`, making its sub-folder if it has one) into
  // the temporary folder and flushes it to disk. Throws std::runtime_error on failure.
  void write(std::string_view name, std::string_view contents);
  // Where one of the set's files goes when its writer takes a path rather than the contents (a
  // PNG encoder); commit() puts it in place with the rest.
  std::filesystem::path pathFor(std::string_view name) const { return staging_ / name; }
  // Puts the set in place in one step and removes the set it replaced.
  void commit();

  const std::filesystem::path& target() const { return target_; }

 private:
  std::filesystem::path target_;
  std::filesystem::path staging_;
  std::vector<std::string> ownNames_;
  bool committed_ = false;
};

}  // namespace dermasim
