#include "io/TomlValues.hpp"

#include <algorithm>
#include <cmath>
#include <tuple>

#include "io/ScenarioTextLimits.hpp"

namespace dermasim {
namespace {

constexpr std::int64_t kLargestExactInteger = std::int64_t{1} << 53;

// A TOML float as written in TOML: an integral float keeps its ".0" so "expected an integer
// (got 12.0)" does not read like a contradiction.
std::string formatFloat(double v) {
  std::string out = exactNumber(v);
  if (std::isfinite(v) && out.find_first_of(".e") == std::string::npos) out += ".0";
  return out;
}

std::vector<std::string> splitChoices(const std::string& joined) {
  std::vector<std::string> names;
  std::size_t start = 0;
  for (std::size_t at; (at = joined.find(" | ", start)) != std::string::npos; start = at + 3)
    names.push_back(joined.substr(start, at - start));
  names.push_back(joined.substr(start));
  return names;
}

}  // namespace

toml::table parseBoundedToml(std::string_view tomlText, const std::string& sourceName,
                             const std::string& shownSource) {
  checkScenarioTextLimits(tomlText, shownSource);
  try {
    return toml::parse(tomlText, sourceName);
  } catch (const toml::parse_error& e) {
    // A parser's message can quote the offending text, a hostile key included.
    constexpr std::size_t kShownParserMessage = 200;
    const toml::source_position at = e.source().begin;
    throw InputError(shownSource + ":" + std::to_string(at.line) + ":" + std::to_string(at.column) +
                     ": TOML syntax error: " + printable(e.description(), kShownParserMessage));
  }
}

std::string describeValue(const toml::node& node) {
  switch (node.type()) {
    case toml::node_type::string:
      return "a string " + quotedText(node.as_string()->get());
    case toml::node_type::integer:
      return std::to_string(node.as_integer()->get());
    case toml::node_type::floating_point:
      return formatFloat(node.as_floating_point()->get());
    case toml::node_type::boolean:
      return node.as_boolean()->get() ? "true" : "false";
    case toml::node_type::table:
      return "a table";
    case toml::node_type::array:
      return "an array";
    case toml::node_type::date:
      return "a date";
    case toml::node_type::time:
      return "a time";
    case toml::node_type::date_time:
      return "a date-time";
    case toml::node_type::none:
      break;
  }
  return "nothing";
}

const toml::node* findNode(const toml::table& table, std::string_view dottedKey) {
  const toml::table* current = &table;
  while (true) {
    const std::size_t dot = dottedKey.find('.');
    const toml::node* node = current->get(dottedKey.substr(0, dot));
    if (dot == std::string_view::npos || node == nullptr) return node;
    current = node->as_table();
    if (current == nullptr) return nullptr;
    dottedKey.remove_prefix(dot + 1);
  }
}

std::vector<std::pair<std::string, const toml::node*>> inFileOrder(const toml::table& table) {
  std::vector<std::pair<std::string, const toml::node*>> entries;
  for (auto&& [key, node] : table) entries.emplace_back(std::string(key.str()), &node);
  std::stable_sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
    const toml::source_position pa = a.second->source().begin;
    const toml::source_position pb = b.second->source().begin;
    return std::tie(pa.line, pa.column) < std::tie(pb.line, pb.column);
  });
  return entries;
}

void ValueChecker::failAll(const std::vector<ScenarioProblem>& problems) const {
  std::vector<std::string> lines;
  for (const ScenarioProblem& p : problems)
    lines.push_back(InputError(source_, printable(p.key), p.expectationAndGot()).what());
  const ScenarioProblem& first = problems.front();
  throw InputError(source_, printable(first.key), first.expectationAndGot(), std::move(lines));
}

double ValueChecker::number(const toml::node& node, const KeySpec& spec,
                            const std::string& key) const {
  double value = 0;
  switch (spec.kind) {
    case ValueKind::Boolean:
      if (!node.is_boolean()) fail(key, "expected true or false (got " + describeValue(node) + ")");
      return node.as_boolean()->get() ? 1.0 : 0.0;
    case ValueKind::Integer:
      if (!node.is_integer()) fail(key, "expected an integer (got " + describeValue(node) + ")");
      // Every number is held as a double, exact for integers up to 2^53 only: refuse rather than
      // round (a seed of 2^53 + 1 would silently become 2^53).
      if (std::abs(node.as_integer()->get()) > kLargestExactInteger)
        fail(key, "must be at most " + std::to_string(kLargestExactInteger) +
                      " (2^53) in size, so that it is held exactly (got " + describeValue(node) +
                      ")");
      value = static_cast<double>(node.as_integer()->get());
      break;
    case ValueKind::Real:
      value = anyNumber(node, key);
      break;
    default:
      fail(key, "is not a number key (internal error)");
  }
  if (!inRange(spec, value)) fail(key, rangeText(spec) + " (got " + describeValue(node) + ")");
  return value;
}

double ValueChecker::anyNumber(const toml::node& node, const std::string& key) const {
  if (node.is_integer()) return static_cast<double>(node.as_integer()->get());
  if (node.is_floating_point()) return node.as_floating_point()->get();
  fail(key, "expected a number (got " + describeValue(node) + ")");
}

std::string ValueChecker::text(const toml::node& node, const std::string& key) const {
  if (!node.is_string()) fail(key, "expected a string (got " + describeValue(node) + ")");
  return node.as_string()->get();
}

std::string ValueChecker::choice(const toml::node& node, const KeySpec& spec,
                                 const std::string& key) const {
  const std::string allowed = spec.choices();
  if (!node.is_string())
    fail(key, "expected one of " + allowed + " (got " + describeValue(node) + ")");
  const std::string& name = node.as_string()->get();
  const std::vector<std::string> names = splitChoices(allowed);
  if (std::find(names.begin(), names.end(), name) == names.end())
    fail(key, "must be one of " + allowed + " (got " + quotedText(name) + ")");
  return name;
}

std::vector<std::string> ValueChecker::choices(const toml::node& node, const KeySpec& spec,
                                               const std::string& key) const {
  const toml::array* array = node.as_array();
  if (array == nullptr)
    fail(key, "expected a list of names, e.g. [\"a\", \"b\"] (got " + describeValue(node) + ")");
  std::vector<std::string> names;
  for (std::size_t i = 0; i < array->size(); ++i) {
    const std::string item = key + "[" + std::to_string(i) + "]";
    std::string name = choice((*array)[i], spec, item);
    if (std::find(names.begin(), names.end(), name) != names.end())
      fail(item, "listed twice (got " + quotedText(name) + ")");
    names.push_back(std::move(name));
  }
  return names;
}

}  // namespace dermasim
