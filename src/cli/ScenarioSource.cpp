#include "cli/ScenarioSource.hpp"

#include <filesystem>

#include "io/InputError.hpp"
#include "io/ScenarioFile.hpp"

namespace dermasim {

Scenario resolveScenario(const std::string& argument) {
  const std::string name = argument.empty() ? kDefaultScenario : argument;
  std::error_code ec;
  if (std::filesystem::exists(name, ec)) return loadScenarioFile(name);
  std::string stem = name;
  if (stem.ends_with(".toml")) stem.resize(stem.size() - 5);
  std::string known;
  for (const std::string& builtin : builtinScenarioNames()) {
    if (builtin == stem) return loadBuiltinScenario(builtin);
    known += (known.empty() ? "" : ", ") + builtin;
  }
  throw InputError(name + ": cannot read file (no such file, and no built-in scenario of that name; built-in: " +
                   known + ")");
}

}  // namespace dermasim
