#pragma once
// A plan of `dermasim plan` (guidance/Planner.hpp) as a scenario file: only the keys the plan
// chooses, each with comments above it saying why and the knowledge-table rows it rests on;
// every other key is left to its documented default. `dermasim check` and `dermasim run` take
// the file as it is, and the scenario loader reads it back to the plan's scenario.
//
//   const std::string text = planToml(plan, "dermasim plan --site cheek ...");
//   savePlanFile("cheek.toml", plan, command, findingsFor(plan.scenario));  // atomically

#include <filesystem>
#include <string>
#include <vector>

#include "guidance/Advisories.hpp"
#include "guidance/Planner.hpp"

namespace dermasim {

// `command` is the command line that made the plan, quoted in the file's first comment;
// `findings` are what `check` says of the plan (warnings the plan could not avoid, such as the
// pigmentation advice for darker skin), listed at the top.
std::string planToml(const ProtocolPlan& plan, const std::string& command,
                     const std::vector<Advisory>& findings = {});

// planToml() written atomically; throws std::runtime_error naming the file on failure.
void savePlanFile(const std::filesystem::path& file, const ProtocolPlan& plan,
                  const std::string& command, const std::vector<Advisory>& findings = {});

}  // namespace dermasim
