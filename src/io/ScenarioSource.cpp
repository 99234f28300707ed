#include "io/ScenarioSource.hpp"

#include <filesystem>

#include "io/ScenarioFile.hpp"

namespace dermasim {

Scenario resolveScenario(const std::string& argument) {
  const std::string name = argument.empty() ? kDefaultScenario : argument;
  // A path is read as a file (its error says the file is missing); a bare name may also be a
  // built-in scenario, whose loader lists the names and suggests the nearest.
  std::error_code ec;
  if (std::filesystem::exists(name, ec) || name.find('/') != std::string::npos)
    return loadScenarioFile(name);
  return loadBuiltinScenario(name);
}

}  // namespace dermasim
