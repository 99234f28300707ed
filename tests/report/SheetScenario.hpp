#pragma once
// A scenario small enough to simulate, draw and lay out on a sheet in a few seconds: a 3 mm patch
// at 100 um, two pen sessions four weeks apart, followed to day 40.
//
//   const fs::path file = sheet_test::writeScenario(dir, "pen", 7, 1.0);

#include <filesystem>
#include <fstream>
#include <string>

namespace sheet_test {

inline std::filesystem::path writeScenario(const std::filesystem::path& dir,
                                           const std::string& name, int seed, double needleMm,
                                           int durationDays = 40) {
  const std::filesystem::path file = dir / (name + ".toml");
  std::ofstream(file) << "[scenario]\nname = \"" << name << "\"\nseed = " << seed
                      << "\nduration_days = " << durationDays
                      << "\n[device]\ntype = \"pen\"\nneedle_length_mm = " << needleMm
                      << "\n[schedule]\nsessions = 2\ninterval_days = 28\n"
                         "[model]\npatch_size_mm = 3\nlateral_resolution_um = 100\n";
  return file;
}

}  // namespace sheet_test
