#include "cli/GuidanceCommand.hpp"

#include <CLI/CLI.hpp>
#include <cstdio>

#include "guidance/KnowledgeMarkdown.hpp"

namespace dermasim {

CLI::App* addGuidanceCommand(CLI::App& app) {
  auto* command = app.add_subcommand(
      "guidance",
      "print the clinical knowledge table `check` judges plans by, as Markdown: needle depth "
      "ranges by site and indication, the home-use limit, intervals by depth, courses and "
      "maintenance, contraindications with their level, pigmentation advice by Fitzpatrick type, "
      "what `plan` reads (devices, treated sites, downtime by depth) and thresholds, each row "
      "with its source and evidence grade (A, B, C, expert)");
  command->footer(
      "The table is compiled in from assets/guidance/*.csv; docs/GUIDANCE.md "
      "describes its columns and how the findings are derived.");
  return command;
}

int guidanceCommand() {
  std::fputs(knowledgeMarkdown(knowledgeTable()).c_str(), stdout);
  return 0;
}

}  // namespace dermasim
