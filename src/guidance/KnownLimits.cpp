#include "guidance/KnownLimits.hpp"

#include <stdexcept>

#include "known_limits_embedded.hpp"

namespace dermasim {
namespace {

constexpr std::string_view kAssetName = "known_limits.md";

std::string_view trimmed(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r");
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t\r") - first + 1);
}

// Joins a paragraph's lines as a reader sees them: one space between.
void append(std::string& paragraph, std::string_view line) {
  if (!paragraph.empty()) paragraph += ' ';
  paragraph += trimmed(line);
}

}  // namespace

std::string_view knownLimitsText() {
  if (const auto text = known_limits_embedded::find(kAssetName)) return *text;
  throw std::runtime_error("assets/known_limits.md: not compiled into the program");
}

KnownLimits parseKnownLimits(std::string_view markdown) {
  KnownLimits limits;
  // Where the next indented or plain line goes: the preface, or the current item.
  std::string* paragraph = nullptr;
  bool inComment = false;
  int lineNumber = 0;
  while (!markdown.empty()) {
    const auto end = markdown.find('\n');
    const std::string_view line = markdown.substr(0, end);
    markdown = end == std::string_view::npos ? std::string_view{} : markdown.substr(end + 1);
    ++lineNumber;
    const std::string_view text = trimmed(line);
    if (inComment || text.starts_with("<!--")) {
      inComment = text.find("-->") == std::string_view::npos;
      continue;
    }
    if (text.empty()) {
      paragraph = nullptr;
    } else if (line.starts_with("# ")) {
      limits.title = trimmed(line.substr(2));
      paragraph = nullptr;
    } else if (line.starts_with("## ")) {
      limits.groups.push_back({std::string(trimmed(line.substr(3))), {}});
      paragraph = nullptr;
    } else if (line.starts_with("- ")) {
      if (limits.groups.empty())
        throw std::runtime_error("known limits, line " + std::to_string(lineNumber) +
                                 ": an item before any \"## \" group");
      paragraph = &limits.groups.back().limits.emplace_back();
      append(*paragraph, line.substr(2));
    } else if (paragraph != nullptr) {
      append(*paragraph, line);
    } else if (limits.groups.empty()) {
      paragraph = &limits.preface;
      append(*paragraph, line);
    } else {
      throw std::runtime_error("known limits, line " + std::to_string(lineNumber) +
                               ": text outside an item, after the groups have begun");
    }
  }
  return limits;
}

const KnownLimits& knownLimits() {
  static const KnownLimits limits = parseKnownLimits(knownLimitsText());
  return limits;
}

}  // namespace dermasim
