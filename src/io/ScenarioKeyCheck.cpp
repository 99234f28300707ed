#include "io/ScenarioKeyCheck.hpp"

#include <algorithm>
#include <set>

#include "io/NearestName.hpp"

namespace dermasim {
namespace {

// Top-level entries that the schema table does not describe as dotted keys.
constexpr std::string_view kSessionArray = "session";
constexpr std::string_view kParameters = "parameters";

std::string joinKey(const std::string& prefix, std::string_view key) {
  return prefix.empty() ? std::string(key) : prefix + "." + std::string(key);
}

// The names one level below `prefix` (tables and keys), from the schema.
std::vector<std::string> childNames(const std::string& prefix) {
  std::set<std::string> names;
  const std::string start = prefix.empty() ? "" : prefix + ".";
  for (const KeySpec& spec : scenarioSchema()) {
    if (!spec.key.starts_with(start)) continue;
    const std::string_view rest = spec.key.substr(start.size());
    names.emplace(rest.substr(0, rest.find('.')));
  }
  if (prefix.empty()) names.emplace(kParameters);
  return {names.begin(), names.end()};
}

bool isTablePrefix(const std::string& key) {
  const std::string start = key + ".";
  return std::any_of(scenarioSchema().begin(), scenarioSchema().end(),
                     [&](const KeySpec& spec) { return spec.key.starts_with(start); });
}

// A sibling close in spelling, else a key of that exact name in another table.
std::string suggestion(std::string_view leaf, const std::vector<std::string>& siblings) {
  if (auto near = nearestName(leaf, siblings)) return " (did you mean " + *near + "?)";
  for (const KeySpec& spec : scenarioSchema()) {
    const std::size_t dot = spec.key.rfind('.');
    if (spec.key.substr(dot + 1) == leaf && !spec.key.starts_with("session."))
      return " (did you mean " + std::string(spec.key) + "?)";
  }
  return "";
}

[[noreturn]] void failUnknown(const ValueChecker& check, const std::string& key,
                              std::string_view leaf, const toml::node& node,
                              const std::vector<std::string>& siblings) {
  check.fail(key, std::string(node.is_table() ? "unknown table" : "unknown key") +
                      suggestion(leaf, siblings));
}

// Recurses only into tables the schema has keys below, so it goes no deeper than the schema's
// keys, however deep the file nests.
void checkTable(const toml::table& table, const std::string& prefix, const ValueChecker& check) {
  const std::vector<std::string> siblings = childNames(prefix);
  for (const auto& [leaf, node] : inFileOrder(table)) {
    const std::string key = joinKey(prefix, leaf);
    if (prefix.empty() && (leaf == kSessionArray || leaf == kParameters)) continue;
    if (isSchemaKey(key)) continue;  // its value is checked when read
    if (!isTablePrefix(key)) failUnknown(check, key, leaf, *node, siblings);
    if (!node->is_table()) check.fail(key, "expected a table (got " + describeValue(*node) + ")");
    checkTable(*node->as_table(), key, check);
  }
}

void checkSessions(const toml::node& node, const ValueChecker& check) {
  const toml::array* sessions = node.as_array();
  if (sessions == nullptr)
    check.fail("session", "expected [[session]] tables (got " + describeValue(node) + ")");
  checkSessionCount(*sessions, check);
  std::vector<std::string> allowed = childNames("device");
  allowed.emplace_back("day");
  for (std::size_t i = 0; i < sessions->size(); ++i) {
    const std::string prefix = "session[" + std::to_string(i) + "]";
    const toml::table* session = (*sessions)[i].as_table();
    if (session == nullptr)
      check.fail(prefix, "expected a table (got " + describeValue((*sessions)[i]) + ")");
    for (const auto& [leaf, value] : inFileOrder(*session)) {
      if (std::find(allowed.begin(), allowed.end(), leaf) != allowed.end()) continue;
      check.fail(prefix + "." + leaf,
                 "unknown key; a session takes day and [device] keys" +
                     (nearestName(leaf, allowed) ? suggestion(leaf, allowed) : ""));
    }
  }
}

}  // namespace

void checkSessionCount(const toml::array& sessions, const ValueChecker& check) {
  const double most = findKey("schedule.sessions", DeviceType::Pen)->max;
  if (static_cast<double>(sessions.size()) > most)
    check.fail("session", "at most " + readableNumber(most) +
                              " [[session]] tables, as for schedule.sessions (got " +
                              std::to_string(sessions.size()) + ")");
}

void checkKnownKeys(const toml::table& root, const ValueChecker& check) {
  checkTable(root, "", check);
  if (const toml::node* parameters = root.get(kParameters); parameters && !parameters->is_table())
    check.fail(std::string(kParameters),
               "expected a table (got " + describeValue(*parameters) + ")");
  if (const toml::node* sessions = root.get(kSessionArray)) checkSessions(*sessions, check);
}

}  // namespace dermasim
