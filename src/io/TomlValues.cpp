#include "io/TomlValues.hpp"

#include <algorithm>
#include <cmath>
#include <tuple>

namespace dermasim {
namespace {

// UTF-8 lead bytes and ASCII start a character; continuation bytes (10xxxxxx) do not.
bool startsCharacter(char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }

std::size_t characterCount(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), startsCharacter));
}

// `\xNN` for a byte, `\u00NN` for a C1 control (whose UTF-8 is C2 NN).
std::string hexEscape(bool codePoint, unsigned code) {
  constexpr char kDigits[] = "0123456789abcdef";
  return std::string(codePoint ? "\\u00" : "\\x") + kDigits[(code >> 4) & 0xF] +
         kDigits[code & 0xF];
}

// The first `maxChars` characters of `text`, escaped so that no terminal breaks the line or
// obeys a control sequence in it. C1 controls (U+0080 to U+009F) count too: some terminals act
// on them as on ESC sequences.
std::string escapedHead(std::string_view text, std::size_t maxChars, bool inQuotes) {
  std::string out;
  std::size_t chars = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (startsCharacter(c) && chars++ == maxChars) break;
    const auto byte = static_cast<unsigned char>(c);
    const auto next = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0u;
    if (byte == 0xC2 && next >= 0x80 && next <= 0x9F) {
      out += hexEscape(true, next);
      ++i;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (inQuotes && (c == '\\' || c == '"')) {
      out.append(1, '\\').append(1, c);
    } else if (byte < 0x20 || byte == 0x7F) {
      out += hexEscape(false, byte);
    } else {
      out += c;
    }
  }
  return out;
}

// What a text cut short after `maxChars` characters gets instead of the rest.
std::string cutNote(std::string_view text, std::size_t maxChars) {
  if (text.size() <= maxChars) return "";  // a character is at least one byte
  const std::size_t chars = characterCount(text);
  return chars > maxChars ? "... (" + std::to_string(chars) + " characters)" : "";
}

std::string quoted(std::string_view s) {
  std::string out = "\"";
  out += escapedHead(s, kShownChars, true);
  out += '"';
  return out + cutNote(s, kShownChars);
}

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

std::string printable(std::string_view text, std::size_t maxChars) {
  return escapedHead(text, maxChars, false) + cutNote(text, maxChars);
}

std::string describeValue(const toml::node& node) {
  switch (node.type()) {
    case toml::node_type::string:
      return "a string " + quoted(node.as_string()->get());
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

double ValueChecker::number(const toml::node& node, const KeySpec& spec,
                            const std::string& key) const {
  double value = 0;
  switch (spec.kind) {
    case ValueKind::Boolean:
      if (!node.is_boolean()) fail(key, "expected true or false (got " + describeValue(node) + ")");
      return node.as_boolean()->get() ? 1.0 : 0.0;
    case ValueKind::Integer:
      if (!node.is_integer()) fail(key, "expected an integer (got " + describeValue(node) + ")");
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
    fail(key, "must be one of " + allowed + " (got " + quoted(name) + ")");
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
      fail(item, "listed twice (got " + quoted(name) + ")");
    names.push_back(std::move(name));
  }
  return names;
}

}  // namespace dermasim
