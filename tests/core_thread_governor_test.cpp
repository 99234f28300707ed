// ThreadGovernor: fewer OpenMP threads while other programs hold the cores, the same numbers
// whatever the count, and an explicit count kept.

#include <omp.h>
#include <pthread.h>
#include <sched.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "BusyCore.hpp"
#include "core/Simulation.hpp"
#include "core/numerics/ThreadGovernor.hpp"
#include "io/ScenarioFile.hpp"

using namespace dermasim;

namespace {

pid_t thisThread() { return static_cast<pid_t>(::syscall(SYS_gettid)); }

bool kernelKeepsRunDelays() { return runDelayNs(thisThread()).has_value(); }

// Every processor this program may use kept busy by another thread.
std::vector<std::unique_ptr<BusyCore>> busyEverywhere() {
  std::vector<std::unique_ptr<BusyCore>> busy;
  for (const int cpu : allowedCpus()) busy.push_back(std::make_unique<BusyCore>(cpu));
  return busy;
}

// A step's parallel work: each thread spins for about `ms` milliseconds.
void parallelStep(double ms) {
#pragma omp parallel
  {
    const auto until = std::chrono::steady_clock::now() + std::chrono::duration<double>(ms * 1e-3);
    while (std::chrono::steady_clock::now() < until) {
    }
  }
}

}  // namespace

TEST_CASE("ThreadCountChoice: keeps every thread while no thread waits for a core") {
  ThreadCountChoice choice(2, ThreadPolicy{});
  for (int i = 1; i <= 100; ++i) REQUIRE(choice.next(0.03 * i, 0.1) == 2);
}

TEST_CASE("ThreadCountChoice: drops a thread that waits, tries it again later, backing off") {
  ThreadPolicy policy;
  policy.busy_share = 0.25;
  policy.first_retry_s = 0.25;
  policy.longest_retry_s = 1.0;
  ThreadCountChoice choice(2, policy);
  CHECK(choice.next(0.03, 0.5) == 1);
  // One thread until the retry is due, however free the machine looks meanwhile: a lone thread
  // cannot tell whether a second would wait.
  CHECK(choice.next(0.10, 0.0) == 1);
  CHECK(choice.next(0.27, 0.0) == 1);
  CHECK(choice.next(0.29, 0.0) == 2);  // 0.03 + 0.25
  // Still busy: back to one, and the next try waits twice as long.
  CHECK(choice.next(0.32, 0.5) == 1);
  CHECK(choice.next(0.80, 0.0) == 1);
  CHECK(choice.next(0.83, 0.0) == 2);  // 0.32 + 0.5
  CHECK(choice.next(0.86, 0.5) == 1);
  // The wait stops doubling at the longest.
  CHECK(choice.next(1.85, 0.0) == 1);
  CHECK(choice.next(1.87, 0.0) == 2);  // 0.86 + 1.0
  CHECK(choice.next(1.90, 0.5) == 1);
  CHECK(choice.next(2.89, 0.0) == 1);
  CHECK(choice.next(2.91, 0.0) == 2);
  // A try that finds the core free keeps the thread, and a later drop waits the first wait.
  CHECK(choice.next(2.94, 0.1) == 2);
  CHECK(choice.next(5.00, 0.1) == 2);
  CHECK(choice.next(5.03, 0.5) == 1);
  CHECK(choice.next(5.27, 0.0) == 1);
  CHECK(choice.next(5.29, 0.0) == 2);
}

TEST_CASE("ThreadCountChoice: one thread at a time, never below one, never above the most") {
  ThreadCountChoice choice(4, ThreadPolicy{});
  CHECK(choice.next(0.03, 0.9) == 3);
  CHECK(choice.next(0.06, 0.9) == 2);
  CHECK(choice.next(0.09, 0.9) == 1);
  CHECK(choice.next(0.12, 0.9) == 1);
  // Free again: threads come back one per window once the retry is due.
  CHECK(choice.next(0.40, 0.0) == 2);
  CHECK(choice.next(0.43, 0.0) == 3);
  CHECK(choice.next(0.46, 0.0) == 4);
  CHECK(choice.next(0.49, 0.0) == 4);

  ThreadCountChoice alone(1, ThreadPolicy{});
  CHECK(alone.next(0.03, 0.9) == 1);
  CHECK(alone.next(10.0, 0.0) == 1);
}

TEST_CASE("runDelayNs: grows while a thread waits for its core") {
  if (!kernelKeepsRunDelays()) {
    WARN("this kernel keeps no run delays (/proc/self/task/TID/schedstat): nothing to check");
    return;
  }
  CHECK_FALSE(runDelayNs(-1).has_value());
  const std::vector<int> cpus = allowedCpus();
  const int cpu = cpus.empty() ? 0 : cpus[0];
  // Two threads on one processor, each spinning 150 ms of wall time: each waits for the other.
  std::atomic<long long> waited[2] = {0, 0};
  std::vector<std::thread> pair;
  for (int t = 0; t < 2; ++t)
    pair.emplace_back([&, t] {
      cpu_set_t set;
      CPU_ZERO(&set);
      CPU_SET(cpu, &set);
      pthread_setaffinity_np(pthread_self(), sizeof(set), &set);
      sched_yield();
      const long long before = runDelayNs(thisThread()).value_or(0);
      const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(150);
      while (std::chrono::steady_clock::now() < until) {
      }
      waited[t] = runDelayNs(thisThread()).value_or(0) - before;
    });
  for (std::thread& t : pair) t.join();
  CHECK(waited[0] + waited[1] > 50'000'000);  // together at least a third of the 150 ms
}

TEST_CASE("ThreadGovernor: drops a thread while every core is busy and puts the count back") {
  if (!kernelKeepsRunDelays() || allowedCpus().size() < 2 || threadCountHeld()) {
    WARN("needs run delays, two processors and no OMP_NUM_THREADS: nothing to check");
    return;
  }
  omp_set_num_threads(2);
  {
    ThreadGovernor governor;
    REQUIRE(governor.threads() == 2);
    const auto busy = busyEverywhere();
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(2);
    while (governor.threads() == 2 && std::chrono::steady_clock::now() < until) {
      parallelStep(5);
      governor.afterStep();
    }
    CHECK(governor.threads() == 1);
    CHECK(governor.changes() >= 1);
    CHECK(omp_get_max_threads() == 1);
  }
  CHECK(omp_get_max_threads() == 2);
}

TEST_CASE("simulate: the same numbers when the thread count changes between steps") {
  // What lets the governor change the count mid-run: every step, session and reading gives the
  // same numbers on any count. A grid big enough for the parallel loops (3 mm at 50 um).
  const std::string toml =
      "[scenario]\nduration_days = 12\n[patient]\nsite = \"cheek\"\nindication = \"acne_scars\"\n"
      "[device]\ntype = \"pen\"\nneedle_length_mm = 1.0\npasses = 2\n"
      "[schedule]\nsessions = 2\ninterval_days = 5\n"
      "[model]\npatch_size_mm = 3\nlateral_resolution_um = 50\ndepth_resolution_um = 50\n";
  const Scenario scenario = parseScenario(toml, "test.toml");
  omp_set_num_threads(1);
  const RunResult fixed = simulate(scenario);
  int reports = 0;
  const Progress alternating([&](double, std::string_view) {
    ++reports;
    omp_set_num_threads(1 + reports % 2);
  });
  omp_set_num_threads(2);
  const RunResult changing = *simulate(scenario, alternating);
  REQUIRE(reports > 10);
  REQUIRE(fixed.timeseries.size() == changing.timeseries.size());
  for (std::size_t i = 0; i < fixed.timeseries.size(); ++i) {
    const SkinReading& a = fixed.timeseries[i];
    const SkinReading& b = changing.timeseries[i];
    REQUIRE(a.redness_a == b.redness_a);
    REQUIRE(a.inflammation == b.inflammation);
    REQUIRE(a.collagen_rel == b.collagen_rel);
    REQUIRE(a.epidermis_rel == b.epidermis_rel);
    REQUIRE(a.roughness_um == b.roughness_um);
    REQUIRE(a.improvement_pct == b.improvement_pct);
  }
  omp_set_num_threads(2);
}

// Last: holding is for the rest of the process.
TEST_CASE("holdThreadCount: an explicit count is kept while the cores are busy") {
  holdThreadCount();
  REQUIRE(threadCountHeld());
  omp_set_num_threads(2);
  ThreadGovernor governor;
  const auto busy = busyEverywhere();
  for (int i = 0; i < 20; ++i) {
    parallelStep(5);
    governor.afterStep();
  }
  CHECK(governor.threads() == 2);
  CHECK(governor.changes() == 0);
  CHECK(omp_get_max_threads() == 2);
}
