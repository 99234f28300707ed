#include "cli/RunRefusal.hpp"

#include <CLI/CLI.hpp>

#include "guidance/Findings.hpp"
#include "io/InputError.hpp"
#include "io/PrintableText.hpp"

namespace dermasim {

void addForceFlag(CLI::App& command, bool& force) {
  command.add_flag("--force", force,
                   "simulate even when `dermasim check` finds an error (a contraindication, a "
                   "depth unsafe for the site, a home device too deep); without it such a "
                   "scenario is refused with exit 2 and nothing is written. The findings are "
                   "in summary.json either way");
}

void refuseOnErrors(const Scenario& scenario, const std::string& label) {
  const std::vector<Advisory> findings = findingsFor(scenario);
  if (!anyError(findings)) return;
  throw InputError("refused: " + label + printable(scenario.source) + ": " +
                   refusalSummary(findings) + "; use --force to simulate anyway");
}

void refuseOnErrors(const Scenario& a, const Scenario& b) {
  refuseOnErrors(a, "A ");
  refuseOnErrors(b, "B ");
}

}  // namespace dermasim
