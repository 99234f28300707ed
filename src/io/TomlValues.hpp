#pragma once
// Internal to dermasim_io: checked reading of TOML values against the scenario schema. Every
// failure throws InputError naming the key as the user wrote it ("session[1].needles").

#include <toml++/toml.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/numerics/NumberText.hpp"
#include "core/scenario/ScenarioRules.hpp"
#include "core/scenario/ScenarioSchema.hpp"
#include "io/InputError.hpp"
#include "io/PrintableText.hpp"

namespace dermasim {

// A TOML file's text parsed, after the scenario files' bounds on size and nesting
// (ScenarioTextLimits.hpp); a syntax error is an InputError "SHOWN:LINE:COLUMN: TOML syntax
// error: ...". `shownSource` is the printable name that starts every message.
toml::table parseBoundedToml(std::string_view tomlText, const std::string& sourceName,
                             const std::string& shownSource);

// How a value reads in an error message: 12.5, true, a string "abc", a table.
std::string describeValue(const toml::node& node);

// The node at a dotted path below `table`, or null when any part is absent or not a table.
const toml::node* findNode(const toml::table& table, std::string_view dottedKey);
// A table's entries in the order they appear in the file, so the first error reported is the
// first one a reader meets.
std::vector<std::pair<std::string, const toml::node*>> inFileOrder(const toml::table& table);

class ValueChecker {
 public:
  explicit ValueChecker(std::string source) : source_(std::move(source)) {}

  // The key is shown printable(): a hostile key is cut short and escaped there.
  [[noreturn]] void fail(const std::string& key, const std::string& message) const {
    throw InputError(source_, printable(key), message);
  }

  // Every one of `problems` (at least one), the first as the error's own message.
  [[noreturn]] void failAll(const std::vector<ScenarioProblem>& problems) const;

  // Real, Integer or Boolean (as 0/1) within the spec's range.
  double number(const toml::node& node, const KeySpec& spec, const std::string& key) const;
  // Any number, integers included, with no range.
  double anyNumber(const toml::node& node, const std::string& key) const;
  std::string text(const toml::node& node, const std::string& key) const;
  // Enum: one of spec.choices().
  std::string choice(const toml::node& node, const KeySpec& spec, const std::string& key) const;
  // StringList: each one of spec.choices(), none twice.
  std::vector<std::string> choices(const toml::node& node, const KeySpec& spec,
                                   const std::string& key) const;

 private:
  std::string source_;
};

}  // namespace dermasim
