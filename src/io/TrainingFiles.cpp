#include "io/TrainingFiles.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>

#include "core/ScenarioCheck.hpp"
#include "core/scenario/ScenarioSchema.hpp"
#include "io/InputError.hpp"
#include "io/NearestName.hpp"
#include "io/PrintableText.hpp"
#include "io/ScenarioFile.hpp"
#include "io/ScenarioTextLimits.hpp"
#include "io/TextFile.hpp"
#include "io/TomlValues.hpp"
#include "training_cases_embedded.hpp"

namespace dermasim {
namespace {

constexpr std::string_view kExtension = ".toml";
constexpr std::string_view kBuiltinPrefix = "built-in:training/";

const std::vector<std::string> kAnswerKeys{
    "treat", "device", "needle_length_mm", "passes", "sessions", "interval_days", "serum", "prp"};

// An answer key and the scenario key whose range and choices it takes, so an answer obeys the
// same bounds a scenario file does.
struct AnswerKey {
  std::string_view name;
  std::string_view schemaKey;
};
constexpr AnswerKey kNeedle{"needle_length_mm", "device.needle_length_mm"};
constexpr AnswerKey kPasses{"passes", "device.passes"};
constexpr AnswerKey kSessions{"sessions", "schedule.sessions"};
constexpr AnswerKey kInterval{"interval_days", "schedule.interval_days"};

std::string readBounded(const std::filesystem::path& file) {
  return readTextFile(file, kMaxScenarioBytes, kScenarioFileKind);
}

// A path, or a .toml name that is no built-in case's: the user meant a file.
bool meansFile(const std::string& argument) {
  if (argument.find('/') != std::string::npos) return true;
  if (!argument.ends_with(kExtension)) return false;
  const std::string stem = argument.substr(0, argument.size() - kExtension.size());
  const std::vector<std::string> names = builtinTrainingCaseNames();
  return std::find(names.begin(), names.end(), stem) == names.end();
}

double answerNumber(const toml::table& root, const AnswerKey& key, DeviceType type,
                    const ValueChecker& check) {
  const toml::node* node = root.get(key.name);
  const KeySpec* spec = findKey(key.schemaKey, type);
  if (node == nullptr)
    check.fail(std::string(key.name), "required key is missing (" + rangeText(*spec) + ", as " +
                                          std::string(key.schemaKey) + ")");
  return check.number(*node, *spec, std::string(key.name));
}

}  // namespace

TrainingCase parseTrainingCase(std::string_view tomlText, const std::string& sourceName) {
  TrainingCase c;
  c.scenario = parseScenario(tomlText, sourceName);
  std::string stem = sourceName;
  if (stem.starts_with(kBuiltinPrefix)) stem.erase(0, kBuiltinPrefix.size());
  c.name = std::filesystem::path(stem).stem().string();
  c.title = c.scenario.name;
  c.brief = c.scenario.description;
  if (c.brief.find_first_not_of(" \t\n") == std::string::npos)
    throw InputError(printable(sourceName, std::string::npos), "scenario.description",
                     "a training case needs its brief here, what the trainee is told (got none)");
  return c;
}

TrainingCase loadTrainingCase(const std::filesystem::path& file) {
  return parseTrainingCase(readBounded(file), file.string());
}

std::vector<std::string> builtinTrainingCaseNames() {
  std::vector<std::string> names;
  for (const auto& file : training_cases_embedded::files())
    if (file.name.ends_with(kExtension))
      names.emplace_back(file.name.substr(0, file.name.size() - kExtension.size()));
  std::sort(names.begin(), names.end());
  return names;
}

TrainingCase loadBuiltinTrainingCase(std::string_view name) {
  std::string stem(name);
  if (stem.ends_with(kExtension)) stem.resize(stem.size() - kExtension.size());
  if (auto contents = training_cases_embedded::find(stem + std::string(kExtension)))
    return parseTrainingCase(*contents, std::string(kBuiltinPrefix) + stem);
  const std::vector<std::string> known = builtinTrainingCaseNames();
  std::string list;
  for (const std::string& k : known) list += (list.empty() ? "" : ", ") + k;
  const auto near = nearestName(stem, known);
  throw InputError(printable(name) + ": no training case of that name" +
                   (near ? " (did you mean " + *near + "?)" : std::string()) +
                   "; cases: " + (list.empty() ? "none" : list));
}

std::vector<TrainingCase> builtinTrainingCases() {
  std::vector<TrainingCase> cases;
  for (const std::string& name : builtinTrainingCaseNames())
    cases.push_back(loadBuiltinTrainingCase(name));
  return cases;
}

TrainingCase resolveTrainingCase(const std::string& argument) {
  std::error_code ec;
  if (std::filesystem::is_regular_file(argument, ec) || meansFile(argument))
    return loadTrainingCase(argument);
  return loadBuiltinTrainingCase(argument);
}

TrainingAnswer parseTrainingAnswer(std::string_view tomlText, const std::string& sourceName) {
  const std::string shown = printable(sourceName, std::string::npos);
  const toml::table root = parseBoundedToml(tomlText, sourceName, shown);
  const ValueChecker check(shown);
  for (const auto& [key, node] : inFileOrder(root)) {
    if (std::find(kAnswerKeys.begin(), kAnswerKeys.end(), key) != kAnswerKeys.end()) continue;
    const auto near = nearestName(key, kAnswerKeys);
    check.fail(key, "unknown key" + (near ? " (did you mean " + *near + "?)" : std::string()) +
                        "; an answer has treat, device, needle_length_mm, passes, sessions, "
                        "interval_days, serum and prp");
  }
  TrainingAnswer a;
  a.source = sourceName;
  if (const toml::node* treat = root.get("treat")) {
    if (!treat->is_boolean())
      check.fail("treat", "expected true or false (got " + describeValue(*treat) + ")");
    a.treat = treat->as_boolean()->get();
  }
  if (!a.treat) return a;
  const toml::node* device = root.get("device");
  const KeySpec* typeSpec = findKey("device.type", DeviceType::Pen);
  if (device == nullptr)
    check.fail("device", "required key is missing (" + typeSpec->choices() + ")");
  a.device = *parseDeviceType(check.choice(*device, *typeSpec, "device"));
  a.needle_length_mm = answerNumber(root, kNeedle, a.device, check);
  a.passes = static_cast<int>(answerNumber(root, kPasses, a.device, check));
  a.sessions = static_cast<int>(answerNumber(root, kSessions, a.device, check));
  a.interval_days = answerNumber(root, kInterval, a.device, check);
  if (const toml::node* serum = root.get("serum"))
    a.serum = *parseSerum(check.choice(*serum, *findKey("adjuncts.serum", a.device), "serum"));
  if (const toml::node* prp = root.get("prp"))
    a.prp = check.number(*prp, *findKey("adjuncts.prp", a.device), "prp") != 0;
  return a;
}

TrainingAnswer loadTrainingAnswer(const std::filesystem::path& file) {
  return parseTrainingAnswer(readBounded(file), file.string());
}

Scenario trainingPlan(const TrainingCase& c, const TrainingAnswer& a) {
  const Scenario plan = treatmentFor(c, a);
  if (const std::vector<ScenarioProblem> problems = validateScenario(plan); !problems.empty())
    throw InputError(printable(a.source, std::string::npos), "answer",
                     "the plan it makes for case " + c.name +
                         " breaks a scenario rule: " + problems.front().message());
  return plan;
}

}  // namespace dermasim
