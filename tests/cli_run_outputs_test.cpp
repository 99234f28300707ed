// `dermasim run --out`: the output folder is checked before the simulation, and its files are
// replaced as one set, so a killed run leaves the old set or the new one, never a mix.

#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "CliTestSupport.hpp"

using namespace cli_test;
using Clock = std::chrono::steady_clock;

namespace {

// One thread: on a busy machine a small grid runs fastest without OpenMP's workers.
const std::string kQuickRun = "--threads 1 run ";

// The files of a folder by name, with their contents.
using FileSet = std::map<std::string, std::string>;

FileSet filesIn(const fs::path& dir) {
  FileSet files;
  for (const auto& entry : fs::directory_iterator(dir))
    files[entry.path().filename().string()] = slurp(entry.path());
  return files;
}

// The name every temporary of a run writing `target` starts with.
std::string temporaryPrefix(const fs::path& target) {
  std::string prefix = ".";
  prefix += target.filename().string();
  prefix += ".tmp-";
  return prefix;
}

// Hidden entries beside `target` left by runs writing it (".NAME.tmp-...").
std::vector<std::string> temporariesBeside(const fs::path& target) {
  std::vector<std::string> found;
  const std::string prefix = temporaryPrefix(target);
  for (const auto& entry : fs::directory_iterator(target.parent_path()))
    if (entry.path().filename().string().starts_with(prefix))
      found.push_back(entry.path().filename().string());
  return found;
}

std::size_t lineCount(const std::string& text) {
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

// Starts `dermasim run SCENARIO -q --out OUT` with every step of writing the outputs slowed
// down, so the test can kill it at a chosen moment. Returns its process id.
pid_t startSlowRun(const fs::path& scenario, const fs::path& out) {
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::setenv("DERMASIM_TEST_OUTPUT_PAUSE_MS", "300", 1);
    std::freopen("/dev/null", "w", stderr);
    ::execl(kBinary.c_str(), "dermasim", "--threads", "1", "run", scenario.c_str(), "-q", "--out",
            out.c_str(), static_cast<char*>(nullptr));
    std::_Exit(127);
  }
  return pid;
}

// The temporary folder the run `pid` writes beside `target`, once it exists.
std::optional<fs::path> stagingOf(pid_t pid, const fs::path& target) {
  const std::string mine = temporaryPrefix(target) + std::to_string(pid) + "-";
  for (const std::string& name : temporariesBeside(target))
    if (name.starts_with(mine)) return target.parent_path() / name;
  return std::nullopt;
}

template <typename Ready>
bool waitUntil(Ready ready, std::chrono::seconds limit) {
  const auto deadline = Clock::now() + limit;
  while (!ready()) {
    if (Clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  return true;
}

}  // namespace

TEST_CASE("cli run outputs: a bad --out is bad input, found before simulating", "[cli][outputs]") {
  const fs::path dir = scratch("bad_out");
  const fs::path file = dir / "notes.txt";
  std::ofstream(file) << "mine";
  const fs::path readOnly = dir / "read_only";
  fs::create_directories(readOnly);
  ::chmod(readOnly.c_str(), 0555);
  const fs::path users = dir / "users";
  fs::create_directories(users);
  std::ofstream(users / "summary.json") << "an older run";
  std::ofstream(users / "thesis.docx") << "not dermasim's";

  struct Case {
    fs::path out;
    std::string says;
  };
  const std::vector<Case> cases{
      {file, "must be a folder, not a file or device"},
      {"/dev/null", "must be a folder, not a file or device"},
      {readOnly, "it is read-only"},
      {readOnly / "out", "read_only is read-only"},
      {file / "sub" / "out", "must be in a folder that exists or can be made"},
      {users, "it holds thesis.docx, which dermasim never deletes"},
  };
  for (const Case& c : cases) {
    INFO("--out " << c.out);
    // The default scenario takes many seconds: one line and a quick exit mean nothing ran.
    const auto started = Clock::now();
    const Outcome r = dermasim("run --out " + c.out.string());
    CHECK(r.exit_code == 2);
    CHECK(std::chrono::duration<double>(Clock::now() - started).count() < 5.0);
    CHECK(lineCount(r.err) == 1);
    CHECK(r.err.starts_with("--out: "));
    CHECK(r.err.find(c.says) != std::string::npos);
    CHECK(r.err.find("(got " + c.out.string() + ")") != std::string::npos);
  }
  CHECK(slurp(file) == "mine");
  CHECK(fs::is_empty(readOnly));
  CHECK(filesIn(users) ==
        FileSet{{"summary.json", "an older run"}, {"thesis.docx", "not dermasim's"}});
  CHECK(temporariesBeside(readOnly / "out").empty());
  CHECK(temporariesBeside(users).empty());
  ::chmod(readOnly.c_str(), 0755);
}

TEST_CASE("cli run outputs: a new set replaces an old one whole, leaving nothing beside it",
          "[cli][outputs]") {
  const fs::path dir = scratch("replace");
  const fs::path out = dir / "nested" / "out";
  REQUIRE(
      dermasim(kQuickRun + writeQuickScenario(dir, "a", 1).string() + " -q --out " + out.string())
          .exit_code == 0);
  const FileSet first = filesIn(out);
  CHECK(first.size() == 4);
  // What an earlier version, writing file by file, left when killed counts as part of the set.
  std::ofstream(out / ".summary.json.tmp.4321") << "half a file";
  REQUIRE(
      dermasim(kQuickRun + writeQuickScenario(dir, "b", 2).string() + " -q --out " + out.string())
          .exit_code == 0);
  const FileSet second = filesIn(out);
  CHECK(second.size() == 4);
  CHECK(second.at("punctures.csv") != first.at("punctures.csv"));
  CHECK(temporariesBeside(out).empty());
  CHECK(filesIn(out.parent_path()).size() == 1);  // only out itself

  // An empty folder (made by the user for the outputs) is taken too; "dir/" names the folder.
  const fs::path empty = dir / "empty";
  fs::create_directories(empty);
  REQUIRE(dermasim(kQuickRun + (dir / "a.toml").string() + " -q --out " + empty.string() + "/")
              .exit_code == 0);
  CHECK(filesIn(empty) == first);
}

TEST_CASE("cli run outputs: temporaries of killed runs are cleaned up, no one else's",
          "[cli][outputs]") {
  const fs::path dir = scratch("stale");
  const fs::path out = dir / "out";
  // A process id no process has: pid_max is at most 2^22.
  const std::string gone = "5000000";
  REQUIRE(::kill(5000000, 0) != 0);
  const fs::path stale = dir / (".out.tmp-" + gone + "-0");
  fs::create_directories(stale);
  std::ofstream(stale / "summary.json") << "half a set";
  const fs::path running = dir / (".out.tmp-" + std::to_string(::getpid()) + "-0");
  fs::create_directories(running);
  const fs::path usersLookalike = dir / (".out.tmp-" + gone + "-1");
  fs::create_directories(usersLookalike);
  std::ofstream(usersLookalike / "diary.txt") << "mine";

  REQUIRE(
      dermasim(kQuickRun + writeQuickScenario(dir, "a", 1).string() + " -q --out " + out.string())
          .exit_code == 0);
  CHECK_FALSE(fs::exists(stale));
  CHECK(fs::exists(running));  // its process is alive: it may still be writing
  CHECK(slurp(usersLookalike / "diary.txt") == "mine");
  CHECK(filesIn(out).size() == 4);
}

TEST_CASE("cli run outputs: killed at any moment, the folder holds the old set or the new one",
          "[cli][outputs]") {
  const fs::path dir = scratch("killed");
  const fs::path oldScenario = writeQuickScenario(dir, "old", 1);
  const fs::path newScenario = writeQuickScenario(dir, "new", 2);
  REQUIRE(dermasim(kQuickRun + oldScenario.string() + " -q --out " + (dir / "old_set").string())
              .exit_code == 0);
  REQUIRE(dermasim(kQuickRun + newScenario.string() + " -q --out " + (dir / "new_set").string())
              .exit_code == 0);
  const FileSet oldSet = filesIn(dir / "old_set");
  const FileSet newSet = filesIn(dir / "new_set");
  REQUIRE(oldSet.size() == 4);
  REQUIRE(oldSet != newSet);

  // Moments to kill at: 0..3 files written into the temporary folder, then after the swap
  // (the temporary name holding the old set, not yet removed).
  for (int moment = 0; moment <= 4; ++moment) {
    INFO("killed at moment " << moment);
    const fs::path target = dir / ("out" + std::to_string(moment));
    fs::create_directories(target);
    for (const auto& [name, contents] : oldSet) std::ofstream(target / name) << contents;

    const pid_t pid = startSlowRun(newScenario, target);
    REQUIRE(pid > 0);
    const bool reached = waitUntil(
        [&] {
          const auto staging = stagingOf(pid, target);
          if (!staging) return false;
          std::error_code ec;
          if (moment == 4) return filesIn(target) == newSet;
          const auto files = std::distance(fs::directory_iterator(*staging, ec), {});
          return !ec && files >= moment;
        },
        std::chrono::seconds(60));
    ::kill(pid, SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);
    REQUIRE(reached);
    CHECK(WIFSIGNALED(status));

    const FileSet left = filesIn(target);
    CHECK((left == oldSet || left == newSet));
    CHECK(left == (moment == 4 ? newSet : oldSet));

    // The next run puts its set in place and clears what the killed one left.
    REQUIRE(dermasim(kQuickRun + newScenario.string() + " -q --out " + target.string()).exit_code ==
            0);
    CHECK(filesIn(target) == newSet);
    CHECK(temporariesBeside(target).empty());
  }
}
