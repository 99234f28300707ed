#include "io/ScenarioSource.hpp"

#include <algorithm>
#include <filesystem>

#include "io/ScenarioFile.hpp"

namespace dermasim {
namespace {

// A path, or a file name that is not a built-in's: the user meant a file, so a missing one is
// "no such file", not "no built-in scenario of that name".
bool meansFile(const std::string& argument) {
  if (argument.find('/') != std::string::npos) return true;
  if (!argument.ends_with(".toml")) return false;
  const std::string stem = argument.substr(0, argument.size() - std::string(".toml").size());
  const std::vector<std::string> builtins = builtinScenarioNames();
  return std::find(builtins.begin(), builtins.end(), stem) == builtins.end();
}

}  // namespace

Scenario resolveScenario(const std::string& argument) {
  const std::string name = argument.empty() ? kDefaultScenario : argument;
  // A file is read as a file (its loader says when it is missing); a bare name may also be a
  // built-in scenario, whose loader lists the names and suggests the nearest.
  std::error_code ec;
  if (std::filesystem::exists(name, ec) || meansFile(name)) return loadScenarioFile(name);
  return loadBuiltinScenario(name);
}

}  // namespace dermasim
