// OpenMpWaiting: this test program, which links the core like every dermasim program, runs with
// OpenMP threads that spin briefly before sleeping, as libgomp itself reports it (libgomp's
// default spins ~100x longer and makes a run on a shared machine several times slower).

#include <fcntl.h>
#include <omp.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

namespace {

// libgomp's own account of its settings (it writes them to stderr).
std::string openMpSettings() {
  char path[] = "/tmp/dermasim_openmp_env_XXXXXX";
  const int file = ::mkstemp(path);
  REQUIRE(file >= 0);
  std::fflush(stderr);
  const int saved = ::dup(2);
  ::dup2(file, 2);
  omp_display_env(1);
  std::fflush(stderr);
  ::dup2(saved, 2);
  ::close(saved);
  ::close(file);
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  ::unlink(path);
  return text.str();
}

std::string spinCountLine(long long count) {
  return "GOMP_SPINCOUNT = '" + std::to_string(count) + "'";
}

}  // namespace

TEST_CASE("OpenMpWaiting: the program's OpenMP threads spin briefly, or as the user chose",
          "[openmp]") {
  const std::string settings = openMpSettings();
  INFO(settings);
  REQUIRE(settings.find("GOMP_SPINCOUNT = '") != std::string::npos);
  const char* user = std::getenv("OMP_WAIT_POLICY");
  if (user != nullptr && std::getenv("GOMP_SPINCOUNT") == nullptr) {
    SUCCEED("OMP_WAIT_POLICY is the user's: libgomp's spin count follows it");
    return;
  }
  // Set either by the user or by the re-execution at start-up, and libgomp took it.
  const char* spin = std::getenv("GOMP_SPINCOUNT");
  REQUIRE(spin != nullptr);
  CHECK(settings.find(spinCountLine(std::atoll(spin))) != std::string::npos);
}
