#pragma once
// `dermasim guidance`: prints the clinical knowledge table (depths by site and indication, home
// limit, intervals, courses, contraindications, pigmentation advice, what `plan` reads,
// thresholds) as Markdown tables with each row's source and grade. Exit 0.
//
//   auto* guidance = addGuidanceCommand(app);  // then, once parsed:
//   if (*guidance) return guidanceCommand();

namespace CLI {
class App;
}

namespace dermasim {

CLI::App* addGuidanceCommand(CLI::App& app);

int guidanceCommand();

}  // namespace dermasim
