#pragma once
// `run` and `compare` refuse a scenario with an error finding (a contraindication, a depth
// unsafe for the site, a home device beyond the home limit) unless --force is given: such a
// plan is bad input, so the refusal is an InputError (exit 2) whose one line lists the errors
// and ends "use --force to simulate anyway". It is checked before any output folder is made, so
// a refused run leaves nothing behind. `validation` never refuses: its cases are deliberate.
//
//   bool force = false;
//   addForceFlag(*runCommand, force);
//   if (!force) refuseOnErrors(scenario);  // throws InputError when it has error findings

#include <string>

#include "core/scenario/Scenario.hpp"

namespace CLI {
class App;
}

namespace dermasim {

// Adds `--force` to a subcommand, described the same way everywhere.
void addForceFlag(CLI::App& command, bool& force);

// Throws InputError "refused: SOURCE: code: message; ...; use --force to simulate anyway"
// when the scenario has an error finding; `label` (e.g. "A ") prefixes the source.
void refuseOnErrors(const Scenario& scenario, const std::string& label = "");
// Both of a comparison, labelled "A " and "B ".
void refuseOnErrors(const Scenario& a, const Scenario& b);

}  // namespace dermasim
