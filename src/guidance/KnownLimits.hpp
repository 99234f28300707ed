#pragma once
// The model's known limits in plain words, as the program tells them to its users: the text of
// assets/known_limits.md, compiled in (as the shaders are) so programs run from any folder, and
// that text read into its parts for drawing. docs/MODEL.md section 7 carries the same list;
// core_known_limits_test keeps the two the same.
//
//   const KnownLimits& limits = knownLimits();
//   for (const KnownLimitGroup& group : limits.groups)
//     for (const std::string& limit : group.limits) draw(group.title, limit);

#include <string>
#include <string_view>
#include <vector>

namespace dermasim {

struct KnownLimitGroup {
  std::string title;                // e.g. "What it leaves out"
  std::vector<std::string> limits;  // each one paragraph, its lines joined by spaces
};

struct KnownLimits {
  std::string title;    // "Known limits"
  std::string preface;  // the "simulation, not a prediction" statement above the groups
  std::vector<KnownLimitGroup> groups;
};

// The compiled-in text of assets/known_limits.md.
std::string_view knownLimitsText();

// Reads the asset's small subset of Markdown: "# " title, preface paragraph, "## " groups, "- "
// items continued by indented lines; HTML comments (notes for editors) are dropped. Throws
// std::runtime_error naming the line when an item comes before any group.
KnownLimits parseKnownLimits(std::string_view markdown);

// knownLimitsText(), parsed once.
const KnownLimits& knownLimits();

}  // namespace dermasim
