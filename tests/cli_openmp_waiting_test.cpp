// The dermasim program starts with a short OpenMP spin (core/numerics/OpenMpWaiting.hpp): its
// arguments reach it unchanged, it is started again only once, and a user's own OpenMP wait
// setting is kept.

#include <sys/wait.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <string>

#include "CliTestSupport.hpp"
#include "core/numerics/OpenMpWaiting.hpp"

using namespace cli_test;

namespace {

// Runs dermasim with `variables` in place of the caller's OpenMP wait settings; libgomp prints
// its settings on stderr at start-up (OMP_DISPLAY_ENV).
Outcome dermasimWith(const std::string& variables, const std::string& args) {
  const fs::path dir = scratch("openmp_streams");
  const std::string command = "env -u GOMP_SPINCOUNT -u OMP_WAIT_POLICY OMP_DISPLAY_ENV=verbose " +
                              variables + " " + kBinary.string() + " " + args + " > " +
                              (dir / "out.txt").string() + " 2> " + (dir / "err.txt").string();
  const int status = std::system(command.c_str());
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(dir / "err.txt"),
          slurp(dir / "out.txt"), 0.0};
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("cli openmp waiting: the short spin is set once, the arguments kept", "[cli][openmp]") {
  const Outcome r = dermasimWith("", "--threads 1 scenarios");
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("acne_scars_pen\n") != std::string::npos);
  // libgomp started once: the first start re-executes before any library initialises.
  CHECK(count(r.err, "OPENMP DISPLAY ENVIRONMENT BEGIN") == 1);
  CHECK(count(r.err, "GOMP_SPINCOUNT = '" + std::to_string(dermasim::kOpenMpSpinCount) + "'") == 1);
}

TEST_CASE("cli openmp waiting: the user's own wait policy or spin count is kept", "[cli][openmp]") {
  const Outcome active = dermasimWith("OMP_WAIT_POLICY=active", "--version");
  INFO(active.err);
  CHECK(active.exit_code == 0);
  CHECK(active.err.find("OMP_WAIT_POLICY = 'ACTIVE'") != std::string::npos);
  CHECK(active.err.find("GOMP_SPINCOUNT = '30000000000'") != std::string::npos);

  const Outcome spin = dermasimWith("GOMP_SPINCOUNT=77", "--version");
  INFO(spin.err);
  CHECK(spin.err.find("GOMP_SPINCOUNT = '77'") != std::string::npos);
}
