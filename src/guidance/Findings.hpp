#pragma once
// What `dermasim check` says of a plan, and what `run` refuses on, derived from the knowledge
// table (KnowledgeTable.hpp) and the model's anatomy of the site: contraindications graded by
// the table; depths beyond the site's chart (an error where the tracks would also pass through
// the whole skin there); tracks reaching below the dermis; home devices beyond the home limit;
// sessions closer than the table allows for their depth; the pigmentation risk of darker skin
// under deep or dense needling; confluent sessions. docs/GUIDANCE.md explains each.
//
//   const std::vector<Advisory> findings = findingsFor(scenario);
//   if (anyError(findings)) std::fputs(refusalSummary(findings).c_str(), stderr);

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/scenario/Scenario.hpp"
#include "guidance/Advisories.hpp"

namespace dermasim {

// Every finding, in order: conditions first, then each session's, then the plan's.
std::vector<Advisory> findingsFor(const Scenario& scenario);

// The interval between session `session` (1 or later) and the one before it, judged by the
// table's shortest interval for the depth. (After a run, HealingFindings.hpp judges it again
// from the simulated healing.)
std::optional<Advisory> intervalFinding(const Scenario& scenario, std::size_t session);

bool anyError(const std::vector<Advisory>& findings);

// The error findings as one line, "code: message; code: message", for a refusal.
std::string refusalSummary(const std::vector<Advisory>& findings);

}  // namespace dermasim
