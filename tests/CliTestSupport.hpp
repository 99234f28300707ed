#pragma once
// Driving the built `dermasim` program from a test: its exit code and stderr, scratch folders
// removed when the test program ends, and a scenario quick enough to run many times.
//
//   const fs::path dir = cli_test::scratch("bad_out");
//   const cli_test::Outcome r = cli_test::dermasim("run --out /dev/null");
//   CHECK(r.exit_code == 2);

#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace cli_test {

namespace fs = std::filesystem;

struct Outcome {
  int exit_code;
  std::string err;
  std::string out;
  double seconds;  // wall time of the whole run
};

inline const fs::path kBinary = fs::path(DERMASIM_BINARY_DIR) / "dermasim";

inline const fs::path kScratchRoot =
    fs::temp_directory_path() / ("dermasim_cli_test_" + std::to_string(::getpid()));

// Removes this run's scratch folders when the test program ends.
inline const struct ScratchCleanup {
  ~ScratchCleanup() {
    std::error_code ec;
    fs::remove_all(kScratchRoot, ec);
  }
} kCleanup;

inline fs::path scratch(const std::string& name) {
  const fs::path dir = kScratchRoot / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

inline std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

using CsvRow = std::vector<std::string>;

// A plain CSV file (no quoting: the program writes none) as rows of fields; an empty last field
// is kept, so every row of a table has its header's width.
inline std::vector<CsvRow> readCsv(const fs::path& file) {
  std::vector<CsvRow> rows;
  std::istringstream in(slurp(file));
  for (std::string line; std::getline(in, line);) {
    CsvRow row;
    std::string field;
    std::istringstream fields(line);
    while (std::getline(fields, field, ',')) row.push_back(field);
    if (!line.empty() && line.back() == ',') row.push_back("");
    rows.push_back(row);
  }
  return rows;
}

// Each row's fields by column name, keyed by the row's day as written (rows[0] is the header).
inline std::map<std::string, std::map<std::string, std::string>> byDay(
    const std::vector<CsvRow>& rows) {
  std::map<std::string, std::map<std::string, std::string>> days;
  for (std::size_t r = 1; r < rows.size(); ++r)
    for (std::size_t c = 0; c < rows[0].size(); ++c) days[rows[r][0]][rows[0][c]] = rows[r][c];
  return days;
}

// Every file under `dir` by its path inside it, hidden temporaries included.
inline std::map<std::string, std::string> filesUnder(const fs::path& dir) {
  std::map<std::string, std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(dir))
    if (entry.is_regular_file())
      files[fs::relative(entry.path(), dir).string()] = slurp(entry.path());
  return files;
}

inline Outcome dermasim(const std::string& args) {
  const fs::path dir = scratch("streams");
  const std::string command = kBinary.string() + " " + args + " > " + (dir / "out.txt").string() +
                              " 2> " + (dir / "err.txt").string();
  const auto start = std::chrono::steady_clock::now();
  const int status = std::system(command.c_str());
  const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(dir / "err.txt"),
          slurp(dir / "out.txt"), took.count()};
}

// One pen session, ten days (or `durationDays`), on a small coarse grid: a fraction of a second
// on one thread.
inline fs::path writeQuickScenario(const fs::path& dir, const std::string& name, int seed,
                                   int durationDays = 10) {
  const fs::path file = dir / (name + ".toml");
  std::ofstream(file) << "[scenario]\nseed = " << seed << "\nduration_days = " << durationDays
                      << "\n"
                         "[device]\ntype = \"pen\"\nneedle_length_mm = 1.0\n"
                         "[schedule]\nsessions = 1\ninterval_days = 30\n"
                         "[model]\npatch_size_mm = 2\nlateral_resolution_um = 50\n";
  return file;
}

}  // namespace cli_test
