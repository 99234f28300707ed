// The scenarios compiled into the program, so it runs with no data folder beside it.

#include <algorithm>

#include "io/InputError.hpp"
#include "io/NearestName.hpp"
#include "io/PrintableText.hpp"
#include "io/ScenarioFile.hpp"
#include "scenarios_embedded.hpp"

namespace dermasim {
namespace {

constexpr std::string_view kExtension = ".toml";

}  // namespace

std::vector<std::string> builtinScenarioNames() {
  std::vector<std::string> names;
  for (const auto& file : scenarios_embedded::files())
    if (file.name.ends_with(kExtension))
      names.emplace_back(file.name.substr(0, file.name.size() - kExtension.size()));
  std::sort(names.begin(), names.end());
  return names;
}

Scenario loadBuiltinScenario(std::string_view name) {
  std::string stem(name);
  if (stem.ends_with(kExtension)) stem.resize(stem.size() - kExtension.size());
  if (auto contents = scenarios_embedded::find(stem + std::string(kExtension)))
    return parseScenario(*contents, "built-in:" + stem);
  const std::vector<std::string> known = builtinScenarioNames();
  std::string list;
  for (const std::string& k : known) list += (list.empty() ? "" : ", ") + k;
  const auto near = nearestName(stem, known);
  throw InputError(printable(name) + ": no built-in scenario of that name" +
                   (near ? " (did you mean " + *near + "?)" : std::string()) +
                   "; built-in: " + (list.empty() ? "none" : list));
}

}  // namespace dermasim
