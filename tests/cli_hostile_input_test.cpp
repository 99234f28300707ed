// The `dermasim` program on hostile scenario files: whatever a file holds, `validate` and
// `check` end within 2 s with exit code 2 and one line on stderr that names the file, never a
// crash (a deep file once overflowed the stack) nor a hang (a long key once took 6 s).
// A new case is one line in kCases: a name and the text of the file.

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

#include "CliTestSupport.hpp"
#include "HostileText.hpp"

using namespace cli_test;

namespace {

constexpr double kWallSeconds = 2.0;
const fs::path kScratch = scratch("hostile");

using hostile_text::dottedKey;
using hostile_text::repeated;

// `count` sessions on different days from 0 to 180: `before`, then for each `open`, the day and
// `close`, then `after`.
std::string sessions(int count, std::string_view before, std::string_view open,
                     std::string_view close, std::string_view after) {
  std::string out(before);
  for (int i = 0; i < count; ++i)
    out.append(open).append(std::to_string(180.0 * i / count)).append(close);
  return out.append(after);
}

// Valid on its own, so that what a case adds is the only thing wrong with the file.
const std::string kPen = R"(
[device]
type = "pen"
needle_length_mm = 1.5
)";
const std::string kPenWithSchedule = kPen + "[schedule]\nsessions = 2\ninterval_days = 28\n";

struct HostileCase {
  const char* name;
  std::string (*text)();
};

const HostileCase kCases[] = {
    {"dotted key 100,000 parts deep", [] { return dottedKey(100000) + " = 1\n" + kPen; }},
    {"dotted key 300,000 parts deep", [] { return dottedKey(300000) + " = 1\n"; }},
    {"table header 100,000 parts deep", [] { return "[a." + dottedKey(99999) + "]\nx = 1\n"; }},
    {"array of tables 100,000 parts deep", [] { return "[[" + dottedKey(100000) + "]]\n"; }},
    {"inline tables 100,000 deep",
     [] { return "x = " + repeated("{a = ", 100000) + "1" + repeated("}", 100000) + "\n"; }},
    {"inline tables with dotted keys 10,000 deep",
     [] { return "x = " + repeated("{a.b.c = ", 10000) + "1" + repeated("}", 10000) + "\n"; }},
    {"arrays 100,000 deep",
     [] { return "x = " + repeated("[", 100000) + repeated("]", 100000) + "\n"; }},
    {"unclosed arrays 500,000 deep", [] { return "x = " + repeated("[", 500000); }},
    {"parameters 30 parts deep",
     [] { return kPenWithSchedule + "[parameters]\n" + dottedKey(30) + " = 1\n"; }},
    {"unknown key of 100 kB",
     [] { return std::string(100000, 'k') + " = 1\n" + kPenWithSchedule; }},
    {"unknown parameter of 100 kB",
     [] { return kPenWithSchedule + "[parameters]\n" + std::string(100000, 'p') + " = 1\n"; }},
    {"unknown session key of 100 kB",
     [] { return kPen + "[[session]]\nday = 0\n" + std::string(100000, 's') + " = 1\n"; }},
    {"same 100 kB key twice",
     [] { return repeated(std::string(100000, 'k') + " = 1\n", 2) + kPenWithSchedule; }},
    {"100,000 sessions as inline tables",
     [] { return "session = [" + repeated("{},", 100000) + "]\n" + kPen; }},
    {"60,000 sessions on different days",
     [] { return sessions(60000, "session = [", "{day=", "},", "]\n") + kPen; }},
    {"35,000 [[session]] tables on different days",
     [] { return sessions(35000, kPen, "[[session]]\nday=", "\n", ""); }},
    {"100,000 [[session]] tables (over the size bound)",
     [] { return kPen + repeated("[[session]]\nday = 0\n", 100000); }},
    {"newline in a key", [] { return "\"a\\nb\" = 1\n" + kPenWithSchedule; }},
    {"escape sequence in a key", [] { return "\"\\u001b[2J\\u001b[H\" = 1\n" + kPenWithSchedule; }},
    {"NUL in a key", [] { return kPenWithSchedule + "[patient]\n\"\\u0000\" = 1\n"; }},
    {"C1 control in a key", [] { return "\"\\u0085\\u009b31m\" = 1\n" + kPenWithSchedule; }},
    {"control characters in a value",
     [] { return "[patient]\nsite = \"\\u001b[2J\\n\\r\\u0000\"\n" + kPenWithSchedule; }},
    {"raw control bytes in a key", [] { return std::string("a\x1b\n\r\x01 = 1\n") + kPen; }},
    {"raw NUL bytes", [] { return kPenWithSchedule + std::string(1000, '\0'); }},
    {"invalid UTF-8", [] { return "[scenario]\nname = \"\xff\xfe\xc0\x80\"\n" + kPen; }},
    {"huge file of comments", [] { return kPenWithSchedule + repeated("# padding\n", 200000); }},
    {"huge value", [] { return "[patient]\nsite = \"" + std::string(2'000'000, 'x') + "\"\n"; }},
    {"a pen at its extremes: 15 M punctures/cm2 in a session",
     [] {
       return kPenWithSchedule.substr(0, kPenWithSchedule.find("[schedule]")) +
              "needles = 100\nfrequency_hz = 200\nglide_speed_mm_s = 1\npasses = 30\n"
              "[schedule]\nsessions = 2\ninterval_days = 28\n";
     }},
    {"a seed past 2^53", [] { return "[scenario]\nseed = 9007199254740993\n" + kPenWithSchedule; }},
    {"integers at the limit of int64",
     [] { return "[scenario]\nseed = 9223372036854775807\n" + kPenWithSchedule; }},
    {"80,000 unknown keys (880 kB)",
     [] {
       std::string keys;
       for (int i = 0; i < 80000; ++i)
         keys.append("k").append(std::to_string(100000 + i)).append(" = 1\n");
       return keys + kPen;
     }},
};

}  // namespace

TEST_CASE("cli hostile input: validate and check refuse each hostile file quickly, in one line",
          "[cli]") {
  fs::create_directories(kScratch);
  for (std::size_t i = 0; i < std::size(kCases); ++i) {
    const HostileCase& hostile = kCases[i];
    DYNAMIC_SECTION(hostile.name) {
      const fs::path file = kScratch / ("case" + std::to_string(i) + ".toml");
      std::ofstream(file, std::ios::binary) << hostile.text();
      for (const std::string command : {"validate", "check"}) {
        INFO(command << " " << file.string());
        const Outcome r = dermasim(command + " " + file.string());
        INFO("stderr: " << r.err.substr(0, 300));
        CHECK(r.exit_code == 2);
        CHECK(r.seconds < kWallSeconds);
        CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
        CHECK(r.err.ends_with('\n'));
        CHECK_THAT(r.err, Catch::StartsWith(file.string() + ":"));
        // Nothing a terminal could act on, however the file spelled it.
        CHECK(std::none_of(r.err.begin(), r.err.end(), [](char c) {
          return (static_cast<unsigned char>(c) < 0x20 && c != '\n') || c == '\x7f';
        }));
      }
      fs::remove(file);
    }
  }
}

TEST_CASE(
    "cli hostile input: a grid larger than the machine's memory is refused before it is "
    "allocated",
    "[cli][hostile]") {
  // 800 x 800 x ~600 cells (20 mm at 25 um, 5 um deep, on the back): ~29 GB by the estimate, so
  // it is refused on machines with less than ~36 GB; it died with std::bad_alloc before.
  const double memory =
      static_cast<double>(sysconf(_SC_PHYS_PAGES)) * static_cast<double>(sysconf(_SC_PAGESIZE));
  if (memory > 34e9) {
    WARN("this machine has " << memory / 1e9 << " GB: the grid fits, nothing to refuse");
    return;
  }
  fs::create_directories(kScratch);
  const fs::path file = kScratch / "huge_grid.toml";
  std::ofstream(file) << "[patient]\nsite = \"back\"\n[model]\npatch_size_mm = 20\n"
                         "lateral_resolution_um = 25\ndepth_resolution_um = 5\n"
                      << kPenWithSchedule;
  const std::string run = "--threads 1 run --out " + (kScratch / "huge_out").string();
  for (const std::string& command : {std::string("validate"), std::string("check"), run}) {
    INFO(command);
    const Outcome r = dermasim(command + " " + file.string());
    INFO("stderr: " << r.err);
    CHECK(r.exit_code == 2);
    CHECK(r.seconds < kWallSeconds);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    CHECK_THAT(r.err,
               Catch::Contains("model.lateral_resolution_um") && Catch::Contains("GB of memory"));
  }
  CHECK_FALSE(fs::exists(kScratch / "huge_out"));
}
