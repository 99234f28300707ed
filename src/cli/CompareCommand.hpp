#pragma once
// `dermasim compare A.toml B.toml --out DIR`: simulates two scenarios side by side, writes
// DIR/a/ and DIR/b/ as `run` does plus DIR/comparison.csv and DIR/comparison.json as one set
// (io/Comparison.hpp), and prints a one-screen table of A, B and B - A on stdout. With --cohort N
// (and --shard I/N) it hands over to cli/CohortCompareCommand.hpp.
//
//   CompareRequest request;
//   addCompareCommand(app, request);  // then, once parsed:
//   return compareCommand(request);

#include <optional>
#include <string>

namespace CLI {
class App;
}

namespace dermasim {

struct CompareRequest {
  std::string a, b;
  std::string out;
  bool quiet = false;
  // One run after the other, each with every thread, instead of both at once with half each.
  bool one_at_a_time = false;
  std::string report;  // --report: the consultation sheet's PDF (cli/ConsultationReport.hpp)
  bool force = false;  // simulate despite error findings (RunRefusal.hpp)
  // --cohort N and --shard I/N as given (cli/CohortCompareCommand.hpp).
  std::string cohort;
  bool cohort_given = false;
  std::optional<std::string> shard;
};

CLI::App* addCompareCommand(CLI::App& app, CompareRequest& request);

int compareCommand(const CompareRequest& request);

}  // namespace dermasim
