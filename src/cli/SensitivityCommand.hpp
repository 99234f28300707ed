#pragma once
// `dermasim sensitivity SCENARIO [--out DIR]`: which model parameters drive the scenario's main
// outcomes. Morris's elementary effects of every model parameter across its documented range
// (cli/SensitivityAnalysis), the top parameters per outcome on stdout, DIR/sensitivity.csv and the
// chart DIR/sensitivity.png written as one set. Exit 0 when done, 1 if a run fails, 2 on bad
// input.
//
//   SensitivityRequest request;
//   addSensitivityCommand(app, request);  // then, once parsed:
//   return sensitivityCommand(request);

#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace dermasim {

struct SensitivityRequest {
  std::string scenario;
  std::string out = "sensitivity";
  std::string trajectories;  // a whole number from 2; empty: the default
  std::string seed;          // empty: the scenario's seed
  std::vector<std::string> only;
  bool quiet = false;
};

CLI::App* addSensitivityCommand(CLI::App& app, SensitivityRequest& request);

int sensitivityCommand(const SensitivityRequest& request);

}  // namespace dermasim
