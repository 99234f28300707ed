#pragma once
// The rules a resolved Scenario must meet, in one place: every numeric key within the schema's
// range (the [device] settings and each session's own), and the rules that tie keys together
// (the scar mix sums to 1, the grid's cells per side, a roller's needles in whole rows, session
// days within the simulated time, the first on day 0, no two on one day, parameter overrides in
// their ranges). The scenario file reader and the viewer's draft check both call it, so a rule
// changed here changes for both.
//
//   for (const ScenarioProblem& p : checkScenarioRules(draft))
//     std::puts(p.message().c_str());  // "device.passes: must be between 1 and 30 (got 40)"

#include <string>
#include <vector>

#include "core/scenario/Scenario.hpp"

namespace dermasim {

struct ScenarioProblem {
  std::string key;          // as in a scenario file: "device.needles", "session[1].day"
  std::string expectation;  // "must be between 1 and 100"
  std::string got;          // the value found, as text; empty when there is none to show

  // "key: expectation (got value)", one line.
  std::string message() const;
  // "expectation (got value)", for a caller that names the key itself.
  std::string expectationAndGot() const;
};

// Every problem, in the order of the schema (scenario, patient, device, sessions, model,
// parameters); empty when the scenario is valid.
std::vector<ScenarioProblem> checkScenarioRules(const Scenario& scenario);

// How a session is named in messages: where it was written ("session[2]"), else by its place.
std::string sessionLabel(const Scenario& scenario, std::size_t index);

}  // namespace dermasim
