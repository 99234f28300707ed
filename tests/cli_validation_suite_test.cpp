// The shipped validation suite, as CI runs it: `dermasim validation` on scenarios/validation.
// Every target must pass except the known failures below, each a finding explained in
// docs/VALIDATION.md ("What fails today, and why"). A target that newly fails breaks the build;
// a known failure that starts to pass must leave this list (and the document).

#include <catch2/catch.hpp>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "CliTestSupport.hpp"

using namespace cli_test;

namespace {

using Target = std::pair<std::string, std::string>;  // case, measure

const std::set<Target> kKnownFailures{
    {"kenkel_2021", "epidermal density +19 % (ultrasound)"},
    {"zeitter_2014", "collagen III down at 10 weeks (rat)"},
};

// One CSV line into its fields; quoted fields may hold commas and doubled quotes.
std::vector<std::string> fields(const std::string& line) {
  std::vector<std::string> out(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted && c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
      out.back() += '"';
      ++i;
    } else if (c == '"') {
      quoted = !quoted;
    } else if (c == ',' && !quoted) {
      out.emplace_back();
    } else {
      out.back() += c;
    }
  }
  return out;
}

}  // namespace

TEST_CASE("validation: every shipped target passes but the known, documented failures",
          "[cli][validation]") {
  const fs::path out = scratch("suite");
  const Outcome run = dermasim("validation -q --out " + out.string());
  INFO(run.err);
  REQUIRE((run.exit_code == 0 || run.exit_code == 1));

  std::istringstream csv(slurp(out / "validation.csv"));
  std::string line;
  REQUIRE(std::getline(csv, line));
  const std::vector<std::string> header = fields(line);
  REQUIRE(header.size() > 8);
  REQUIRE(header[0] == "case");
  REQUIRE(header[1] == "measure");
  REQUIRE(header[8] == "pass");

  std::set<Target> failing, seen;
  int rows = 0;
  while (std::getline(csv, line)) {
    const std::vector<std::string> f = fields(line);
    REQUIRE(f.size() == header.size());
    ++rows;
    seen.insert({f[0], f[1]});
    if (f[8] != "pass") failing.insert({f[0], f[1]});
  }
  CHECK(rows >= 26);
  for (const Target& t : failing) {
    INFO("newly failing: " << t.first << ": " << t.second);
    CHECK(kKnownFailures.count(t) == 1);
  }
  for (const Target& t : kKnownFailures) {
    INFO("known failure " << t.first << ": " << t.second
                          << " now passes or is gone: remove it here and from docs/VALIDATION.md");
    CHECK(seen.count(t) == 1);
    CHECK(failing.count(t) == 1);
  }
  CHECK(run.exit_code == (failing.empty() ? 0 : 1));
}
