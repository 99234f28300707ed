// The known limits: the compiled-in copy is the asset, it reads into its groups, and
// docs/MODEL.md section 7 says every one of them, in the same order.

#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "guidance/AdvisoryThresholds.hpp"
#include "guidance/KnownLimits.hpp"

using namespace dermasim;

namespace {

const std::filesystem::path kSource = DERMASIM_SOURCE_DIR;

std::string slurp(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::ostringstream all;
  all << in.rdbuf();
  return all.str();
}

// Line breaks and indents as single spaces, so wrapping a paragraph differently is no change.
std::string folded(std::string_view text) {
  std::string out;
  for (const char c : text) {
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out += space ? ' ' : c;
  }
  return out;
}

// The text of the "## N. Known limits" section, up to the next "## " heading.
std::string modelDocSection() {
  const std::string doc = slurp(kSource / "docs" / "MODEL.md");
  const auto heading = doc.find(". Known limits\n");
  if (heading == std::string::npos) return "";
  const auto start = doc.rfind("\n## ", heading);
  const auto next = doc.find("\n## ", heading);
  return doc.substr(start, next == std::string::npos ? std::string::npos : next - start);
}

}  // namespace

TEST_CASE("KnownLimits: the compiled-in copy is assets/known_limits.md", "[limits]") {
  CHECK(std::string(knownLimitsText()) == slurp(kSource / "assets" / "known_limits.md"));
}

TEST_CASE("KnownLimits: the asset reads into a title, the statement and groups", "[limits]") {
  const KnownLimits& limits = knownLimits();
  CHECK(limits.title == "Known limits");
  CHECK(limits.preface.find("not a prediction") != std::string::npos);
  REQUIRE(limits.groups.size() == 3);
  CHECK(limits.groups[0].title == "What the model is");
  CHECK(limits.groups[1].title == "What it leaves out");
  CHECK(limits.groups[2].title == "Where its numbers are weak");
  for (const KnownLimitGroup& group : limits.groups) {
    INFO(group.title);
    CHECK(group.limits.size() >= 3);
    for (const std::string& limit : group.limits) {
      INFO(limit);
      // Whole sentences, lines joined, no editor's note let through.
      CHECK(limit.ends_with('.'));
      CHECK(limit.find("  ") == std::string::npos);
      CHECK(limit.find("<!--") == std::string::npos);
      CHECK(limit.find("TODO") == std::string::npos);
    }
  }
}

TEST_CASE("KnownLimits: the captions' rule is stated with the threshold they use", "[limits]") {
  const long weeks = std::lround(AdvisoryThresholds::standard().visible_change_from_days / 7);
  CHECK(folded(knownLimitsText())
            .find("no visible change before " + std::to_string(weeks) +
                  " weeks after the first session") != std::string::npos);
}

TEST_CASE("KnownLimits: docs/MODEL.md section 7 says each limit, in order", "[limits]") {
  const std::string section = folded(modelDocSection());
  REQUIRE_FALSE(section.empty());
  INFO("copy assets/known_limits.md into docs/MODEL.md section 7 (groups as ### headings)");
  std::size_t at = 0;
  const auto expectAfter = [&](const std::string& text) {
    const std::string wanted = folded(text);
    INFO(wanted);
    const auto found = section.find(wanted, at);
    CHECK(found != std::string::npos);
    if (found != std::string::npos) at = found + wanted.size();
  };
  for (const KnownLimitGroup& group : knownLimits().groups) {
    expectAfter("### " + group.title);
    for (const std::string& limit : group.limits) expectAfter("- " + limit);
  }
}

TEST_CASE("KnownLimits: the reader's small Markdown", "[limits]") {
  const KnownLimits parsed = parseKnownLimits(
      "# Title\n<!-- a note\n   over lines -->\nFirst line\nof the preface.\n\n## Group\n\n"
      "- One item\n  on two lines.\n<!-- TODO: a note between items -->\n- Two.\n## Other\n- "
      "Three.");
  CHECK(parsed.title == "Title");
  CHECK(parsed.preface == "First line of the preface.");
  REQUIRE(parsed.groups.size() == 2);
  CHECK(parsed.groups[0].title == "Group");
  CHECK(parsed.groups[0].limits == std::vector<std::string>{"One item on two lines.", "Two."});
  CHECK(parsed.groups[1].limits == std::vector<std::string>{"Three."});
  CHECK_THROWS_WITH(parseKnownLimits("# T\n- stray\n"), Catch::Contains("line 2"));
}
