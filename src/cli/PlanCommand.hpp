#pragma once
// `dermasim plan --site SITE --indication IND [--fitzpatrick N] [--device pen|roller]
// [--out FILE]`: suggests a protocol from the knowledge table (guidance/Planner.hpp), simulates
// it once for the days of visible redness per session, and prints the plan with every choice's
// reasons and sources on stdout, or writes it with --out as a commented scenario file that
// `check` and `run` take as it is (io/PlanToml.hpp). Bad options are exit 2 before anything
// runs or is written; a pairing the table does not cover is refused the same way.
//
//   PlanOptions options;
//   auto* plan = addPlanCommand(app, options);  // then, once parsed:
//   if (*plan) return planCommand(options);

#include <string>

namespace CLI {
class App;
}

namespace dermasim {

// The options as typed: each is checked by planCommand, naming the option, what it expects and
// what it got.
struct PlanOptions {
  std::string site, indication;
  std::string fitzpatrick;  // empty: the scenario schema's default
  std::string device;       // empty: the table's choice
  std::string out;          // empty: print the plan on stdout
};

CLI::App* addPlanCommand(CLI::App& app, PlanOptions& options);

int planCommand(const PlanOptions& options);

}  // namespace dermasim
