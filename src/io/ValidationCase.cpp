#include "io/ValidationCase.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>

#include "core/numerics/NumberText.hpp"
#include "io/InputError.hpp"
#include "io/NearestName.hpp"
#include "io/PrintableText.hpp"
#include "io/ScenarioFile.hpp"
#include "io/ScenarioTextLimits.hpp"
#include "io/TextFile.hpp"
#include "io/TomlValues.hpp"

namespace dermasim {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

const std::vector<std::string> kCaseKeys{"name", "description"};
const std::vector<std::string> kTargetKeys{"measure", "metric",    "day",       "after_session",
                                           "days",    "published", "tolerance", "min",
                                           "max",     "mapping",   "source",    "quality"};

void checkKeys(const toml::table& table, const std::string& prefix,
               const std::vector<std::string>& allowed, const ValueChecker& check) {
  for (const auto& [key, node] : inFileOrder(table)) {
    if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
    const auto near = nearestName(key, allowed);
    check.fail(prefix + "." + key,
               "unknown key" + (near ? " (did you mean " + *near + "?)" : std::string()));
  }
}

// The keys of one [[target]] entry, checked as they are read.
class TargetReader {
 public:
  TargetReader(const toml::table& table, std::string prefix, const ValueChecker& check)
      : table_(table), prefix_(std::move(prefix)), check_(check) {}

  std::string key(std::string_view leaf) const { return prefix_ + "." + std::string(leaf); }
  const toml::node* find(std::string_view leaf) const { return table_.get(leaf); }
  [[noreturn]] void fail(std::string_view leaf, const std::string& message) const {
    check_.fail(key(leaf), message);
  }

  std::string requiredText(std::string_view leaf, std::string_view what) const {
    const toml::node* node = find(leaf);
    if (node == nullptr) fail(leaf, "required key is missing (" + std::string(what) + ")");
    std::string text = check_.text(*node, key(leaf));
    if (text.find_first_not_of(' ') == std::string::npos)
      fail(leaf, "must not be empty (" + std::string(what) + ")");
    return text;
  }
  std::optional<double> number(std::string_view leaf) const {
    const toml::node* node = find(leaf);
    if (node == nullptr) return std::nullopt;
    const double value = check_.anyNumber(*node, key(leaf));
    // TOML allows nan and inf; neither can bound a range or name a day.
    if (!std::isfinite(value)) fail(leaf, "expected a finite number" + got(leaf));
    return value;
  }
  std::optional<int> count(std::string_view leaf) const {
    const toml::node* node = find(leaf);
    if (node == nullptr) return std::nullopt;
    if (!node->is_integer())
      fail(leaf, "expected a whole number (got " + describeValue(*node) + ")");
    return static_cast<int>(std::clamp<std::int64_t>(node->as_integer()->get(), -1, 1 << 20));
  }
  std::string got(std::string_view leaf) const {
    return " (got " + describeValue(*find(leaf)) + ")";
  }

 private:
  const toml::table& table_;
  std::string prefix_;
  const ValueChecker& check_;
};

bool validQuality(const std::string& quality) {
  std::stringstream parts(quality);
  std::string tag;
  int tags = 0;
  while (std::getline(parts, tag, '/')) {
    if (tag != "A" && tag != "S" && tag != "M" && tag != "D") return false;
    ++tags;
  }
  return tags > 0 && quality.back() != '/';
}

// The moment a target is read at: `day`, or `after_session` (+ `days` for metrics on a day).
void readMoment(const TargetReader& read, const Scenario& scenario, ValidationTarget& t) {
  const auto day = read.number("day");
  const auto session = read.count("after_session");
  const auto days = read.number("days");
  const int sessions = static_cast<int>(scenario.sessions.size());
  if (session && (*session < 1 || *session > sessions))
    read.fail("after_session", "must be a session of the scenario, 1 to " +
                                   std::to_string(sessions) + read.got("after_session"));
  if (!t.metric.readsOnDay()) {
    if (day)
      read.fail("day", t.metric.text + " is read at a session: give after_session, not day" +
                           read.got("day"));
    if (days)
      read.fail("days", t.metric.text + " is read at a session: give after_session only" +
                            read.got("days"));
    t.moment.session = session.value_or(1);
    t.when = "session " + std::to_string(t.moment.session);
    return;
  }
  if (day && (session || days))
    read.fail("day", "give either day or after_session and days, not both" + read.got("day"));
  if (day) {
    t.moment.day = *day;
    t.when = "day " + readableNumber(*day);
  } else if (session && days) {
    t.moment.session = *session;
    t.moment.day = scenario.sessions[*session - 1].day + *days;
    t.when = "session " + std::to_string(*session) + " + " + readableNumber(*days) + " d";
  } else if (days) {
    read.fail("after_session", "required with days (the session they count from)");
  } else {
    read.fail("day", "required key is missing (or after_session and days): when " + t.metric.text +
                         " is read");
  }
  if (!(t.moment.day >= 0 && t.moment.day <= scenario.duration_days))
    read.fail(day ? "day" : "days", "must fall within the scenario, day 0 to " +
                                        readableNumber(scenario.duration_days) +
                                        (day ? read.got("day") : read.got("days")));
}

// `published`, and the range from `tolerance` or `min` / `max`.
void readRange(const TargetReader& read, ValidationTarget& t) {
  const toml::node* published = read.find("published");
  if (published == nullptr)
    read.fail("published", "required key is missing (the published figure: a number or words)");
  if (published->is_number()) {
    t.published_value = *read.number("published");
    t.published = readableNumber(*t.published_value);
  } else if (published->is_string()) {
    t.published = read.requiredText("published", "the published figure");
  } else {
    read.fail("published", "expected a number or a string" + read.got("published"));
  }
  const auto tolerance = read.number("tolerance");
  const auto min = read.number("min");
  const auto max = read.number("max");
  if (tolerance) {
    if (min || max)
      read.fail("tolerance",
                "give either tolerance or min / max, not both" + read.got("tolerance"));
    if (!t.published_value)
      read.fail("tolerance",
                "needs a numeric published figure; give min / max instead" + read.got("tolerance"));
    if (!(*tolerance >= 0)) read.fail("tolerance", "must be 0 or more" + read.got("tolerance"));
    t.low = *t.published_value - *tolerance;
    t.high = *t.published_value + *tolerance;
    t.tolerance = "+/- " + readableNumber(*tolerance);
    return;
  }
  if (!min && !max)
    read.fail("tolerance", "required key is missing (or min and/or max): the range that passes");
  t.low = min.value_or(-kInfinity);
  t.high = max.value_or(kInfinity);
  if (min && max && *min > *max)
    read.fail("max", "must be at least min, " + readableNumber(*min) + read.got("max"));
  t.tolerance = min && max ? readableNumber(*min) + " .. " + readableNumber(*max)
                : min      ? ">= " + readableNumber(*min)
                           : "<= " + readableNumber(*max);
}

ValidationTarget readTarget(const toml::table& table, const std::string& prefix,
                            const Scenario& scenario, const ValueChecker& check) {
  checkKeys(table, prefix, kTargetKeys, check);
  const TargetReader read(table, prefix, check);
  ValidationTarget t;
  t.measure = read.requiredText("measure", "what was published, in words");
  const std::string metricText = read.requiredText("metric", "the model quantity compared");
  ParsedMetric metric = parseValidationMetric(metricText);
  if (!metric.metric) read.fail("metric", metric.problem + " (got " + quotedText(metricText) + ")");
  t.metric = std::move(*metric.metric);
  readMoment(read, scenario, t);
  readRange(read, t);
  t.mapping = read.requiredText("mapping", "how the model quantity stands for the measure");
  t.source = read.requiredText("source", "where the figure was published");
  t.quality = read.requiredText("quality", "A, S, M or D as in the calibration sheet");
  if (!validQuality(t.quality))
    read.fail("quality", "must be A, S, M or D, or tags joined by / such as S/A (got " +
                             quotedText(t.quality) + ")");
  return t;
}

}  // namespace

ValidationCase parseValidationCase(std::string_view tomlText, const std::string& sourceName) {
  const std::string shown = printable(sourceName, std::string::npos);
  const toml::table root = parseBoundedToml(tomlText, sourceName, shown);
  const ValueChecker check(shown);
  ValidationCase c;
  c.file = sourceName;
  c.name = std::filesystem::path(sourceName).stem().string();
  if (const toml::node* node = root.get("case")) {
    const toml::table* table = node->as_table();
    if (table == nullptr) check.fail("case", "expected a table (got " + describeValue(*node) + ")");
    checkKeys(*table, "case", kCaseKeys, check);
    if (const toml::node* name = table->get("name")) c.name = check.text(*name, "case.name");
    if (const toml::node* d = table->get("description"))
      c.description = check.text(*d, "case.description");
  }
  const toml::node* targetsNode = root.get("target");
  const toml::array* targets = targetsNode ? targetsNode->as_array() : nullptr;
  if (targetsNode == nullptr) check.fail("target", "required: at least one [[target]] (got none)");
  if (targets == nullptr || targets->empty())
    check.fail("target", "expected [[target]] tables (got " + describeValue(*targetsNode) + ")");

  // What is left is a scenario file, read by the scenario reader itself so a case obeys every
  // rule a scenario does.
  toml::table scenarioTable = root;
  scenarioTable.erase("case");
  scenarioTable.erase("target");
  std::ostringstream scenarioText;
  scenarioText << toml::toml_formatter(scenarioTable);
  c.scenario = parseScenario(scenarioText.str(), sourceName);

  for (std::size_t i = 0; i < targets->size(); ++i) {
    const std::string prefix = "target[" + std::to_string(i) + "]";
    const toml::table* table = (*targets)[i].as_table();
    if (table == nullptr)
      check.fail(prefix, "expected a table (got " + describeValue((*targets)[i]) + ")");
    c.targets.push_back(readTarget(*table, prefix, c.scenario, check));
  }
  return c;
}

ValidationCase loadValidationCase(const std::filesystem::path& file) {
  return parseValidationCase(
      readTextFile(file, kMaxScenarioBytes, "a validation case, which takes a few kB"),
      file.string());
}

std::vector<std::filesystem::path> validationCaseFiles(const std::filesystem::path& dir) {
  std::error_code ec;
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec))
    if (entry.path().extension() == ".toml") files.push_back(entry.path());
  if (ec)
    throw InputError(printable(dir.string(), std::string::npos) +
                     ": cannot read the folder of validation cases (" + ec.message() + ")");
  if (files.empty())
    throw InputError(printable(dir.string(), std::string::npos) +
                     ": holds no validation case (*.toml)");
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace dermasim
