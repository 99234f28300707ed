#pragma once
// `dermasim validation [--cases DIR] [--out DIR]`: runs every validation case (a scenario and its
// published targets, docs/VALIDATION.md), prints the table, writes DIR/validation.csv and the
// chart DIR/validation.png. Exit 0 if every target passes, 1 if any fails, 2 on bad input.
//
//   ValidationRequest request;
//   addValidationCommand(app, request);  // then, once parsed:
//   return validationCommand(request);

#include <string>

namespace CLI {
class App;
}

namespace dermasim {

struct ValidationRequest {
  std::string cases;  // empty: scenarios/validation here, else the one in the source tree
  std::string out = "out";
  bool quiet = false;
};

CLI::App* addValidationCommand(CLI::App& app, ValidationRequest& request);

int validationCommand(const ValidationRequest& request);

}  // namespace dermasim
