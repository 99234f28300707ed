#include "io/ScenarioFile.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <cmath>
#include <cstring>

#include "core/ScenarioCheck.hpp"
#include "core/parameters/ModelParameters.hpp"
#include "core/scenario/ScenarioSchema.hpp"
#include "io/DeviceTable.hpp"
#include "io/InputError.hpp"
#include "io/NearestName.hpp"
#include "io/ScenarioKeyCheck.hpp"
#include "io/ScenarioSessions.hpp"
#include "io/ScenarioTextLimits.hpp"
#include "io/TextFile.hpp"
#include "io/TomlValues.hpp"

namespace dermasim {
namespace {

constexpr std::string_view kBuiltinPrefix = "built-in:";

// Reads the keys outside [device] and the sessions, each from the file or the schema default.
class TableReader {
 public:
  TableReader(const toml::table& root, const ValueChecker& check) : root_(root), check_(check) {}

  double number(std::string_view key) const {
    const KeySpec& s = spec(key);
    const toml::node* node = findNode(root_, key);
    return node ? check_.number(*node, s, std::string(key)) : s.defaultNumber;
  }
  std::string text(std::string_view key, std::string fallback) const {
    const toml::node* node = findNode(root_, key);
    return node ? check_.text(*node, std::string(key)) : fallback;
  }
  std::string choice(std::string_view key) const {
    const KeySpec& s = spec(key);
    const toml::node* node = findNode(root_, key);
    return node ? check_.choice(*node, s, std::string(key)) : std::string(s.defaultText);
  }
  std::vector<std::string> choices(std::string_view key) const {
    const toml::node* node = findNode(root_, key);
    return node ? check_.choices(*node, spec(key), std::string(key)) : std::vector<std::string>{};
  }
  bool has(std::string_view key) const { return findNode(root_, key) != nullptr; }

 private:
  static const KeySpec& spec(std::string_view key) { return *findKey(key, DeviceType::Pen); }

  const toml::table& root_;
  const ValueChecker& check_;
};

BaselineScars readScars(const TableReader& read, Indication indication) {
  BaselineScars scars;
  scars.count_per_cm2 = read.has("patient.scars.count_per_cm2")
                            ? read.number("patient.scars.count_per_cm2")
                            : defaultScarCount(indication);
  scars.mean_depth_mm = read.number("patient.scars.mean_depth_mm");
  if (!read.has("patient.scars.mix")) {
    scars.mix = {read.number("patient.scars.mix.rolling"), read.number("patient.scars.mix.boxcar"),
                 read.number("patient.scars.mix.icepick")};
    return scars;
  }
  // A given mix describes the patient's scars completely: a type left out is absent, not at its
  // default share (which could never sum to 1 with the rest).
  // (checkScenarioRules checks that they sum to 1.)
  const auto share = [&](std::string_view key) { return read.has(key) ? read.number(key) : 0.0; };
  scars.mix = {share("patient.scars.mix.rolling"), share("patient.scars.mix.boxcar"),
               share("patient.scars.mix.icepick")};
  return scars;
}

Patient readPatient(const TableReader& read) {
  Patient p;
  p.site = *parseSite(read.choice("patient.site"));
  p.fitzpatrick = static_cast<int>(read.number("patient.fitzpatrick"));
  p.age_years = read.number("patient.age");
  p.indication = *parseIndication(read.choice("patient.indication"));
  for (const std::string& name : read.choices("patient.conditions"))
    p.conditions.push_back(*parseCondition(name));
  p.scars = readScars(read, p.indication);
  return p;
}

Adjuncts readAdjuncts(const TableReader& read) {
  Adjuncts a;
  a.serum = *parseSerum(read.choice("adjuncts.serum"));
  a.prp = read.number("adjuncts.prp") != 0;
  return a;
}

ModelSettings readModel(const TableReader& read) {
  ModelSettings m;
  m.patch_size_mm = read.number("model.patch_size_mm");
  m.lateral_resolution_um = read.number("model.lateral_resolution_um");
  m.depth_resolution_um = read.number("model.depth_resolution_um");
  m.time_step_scale = read.number("model.time_step_scale");
  return m;
}

// The most dot-separated parts of any model parameter's key ("pen.depth_spread" has 2).
std::size_t deepestParameterKey() {
  std::size_t most = 0;
  for (const ParameterSpec& p : parameterTable())
    most = std::max<std::size_t>(most, 1 + std::count(p.key.begin(), p.key.end(), '.'));
  return most;
}

// Parameter keys contain dots, so `roller.depth_spread = 0.3` arrives as a nested table; it and
// the quoted form "roller.depth_spread" mean the same key. A table as deep as the deepest
// parameter key cannot hold one, so it is read as a (wrong) value there instead of recursed
// into: a hostile file cannot make this walk deeper than the parameter table.
void flattenParameters(const toml::table& table, const std::string& prefix, std::size_t parts,
                       std::map<std::string, double>& out, const ValueChecker& check) {
  static const std::size_t kDeepest = deepestParameterKey();
  for (const auto& [leaf, node] : inFileOrder(table)) {
    const std::string key = prefix.empty() ? leaf : prefix + "." + leaf;
    if (const toml::table* sub = node->as_table(); sub != nullptr && parts + 1 < kDeepest) {
      flattenParameters(*sub, key, parts + 1, out, check);
      continue;
    }
    const std::string name = "parameters." + key;
    if (findParameter(key) == nullptr) {
      std::vector<std::string> known;
      for (const ParameterSpec& p : parameterTable()) known.emplace_back(p.key);
      const auto near = nearestName(key, known);
      check.fail(name, "unknown model parameter" +
                           (near ? " (did you mean " + *near + "?)" : std::string()) +
                           "; `dermasim params` lists them");
    }
    if (!out.emplace(key, check.anyNumber(*node, name)).second) check.fail(name, "given twice");
  }
}

std::map<std::string, double> readParameters(const toml::table& root, const ValueChecker& check) {
  std::map<std::string, double> overrides;
  if (const toml::table* table = root.get_as<toml::table>("parameters"))
    flattenParameters(*table, "", 0, overrides, check);
  return overrides;
}

std::string defaultName(std::string_view sourceName) {
  if (sourceName.starts_with(kBuiltinPrefix)) sourceName.remove_prefix(kBuiltinPrefix.size());
  return std::filesystem::path(sourceName).stem().string();
}

}  // namespace

Scenario parseScenario(std::string_view tomlText, std::string sourceName) {
  // Names the file in messages; a file name may hold control characters too.
  const std::string shownSource = printable(sourceName, std::string::npos);
  const toml::table root = parseBoundedToml(tomlText, sourceName, shownSource);
  const ValueChecker check(shownSource);
  checkKnownKeys(root, check);
  const TableReader read(root, check);

  Scenario s;
  s.name = read.text("scenario.name", defaultName(sourceName));
  s.description = read.text("scenario.description", "");
  s.seed = static_cast<std::uint64_t>(read.number("scenario.seed"));
  s.duration_days = read.number("scenario.duration_days");
  s.patient = readPatient(read);
  s.device = readDevice(root.get_as<toml::table>("device"), check);
  s.sessions = readSessions(root, s.device, s.duration_days, check);
  s.adjuncts = readAdjuncts(read);
  s.model = readModel(read);
  s.parameter_overrides = readParameters(root, check);
  // The rules between keys, and the bounds of what a scenario may ask of this machine, are the
  // core's: the same checks the viewer's drafts get. All of them are reported together.
  if (const std::vector<ScenarioProblem> problems = validateScenario(s); !problems.empty())
    check.failAll(problems);
  s.source = std::move(sourceName);
  s.source_text = std::string(tomlText);
  return s;
}

Scenario loadScenarioFile(const std::filesystem::path& file) {
  return parseScenario(readTextFile(file, kMaxScenarioBytes, kScenarioFileKind), file.string());
}

}  // namespace dermasim
