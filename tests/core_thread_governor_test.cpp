// ThreadGovernor: fewer OpenMP threads while other programs hold the cores, the same numbers
// whatever the count, and an explicit count kept.

#include <omp.h>
#include <pthread.h>
#include <sched.h>

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

bool kernelKeepsSchedulerStatistics() { return threadTimes(currentThread()).has_value(); }

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

// Windows of a two-thread team as measured on this project's machine: idle, a serial stretch
// (one thread runs, the other sleeps), beside the viewer's software renderer (the threads wait
// but run more than one core between them), and with one core busy with another program.
const WindowLoad kIdle{0.01, 1.9};
const WindowLoad kSerial{0.0, 1.0};
const WindowLoad kBesideRenderer{0.4, 1.35};
const WindowLoad kOneCoreBusy{0.4, 1.0};

TEST_CASE(
    "ThreadCountChoice: keeps every thread on an idle machine, in serial stretches and "
    "while the threads still gain") {
  ThreadCountChoice choice(2, ThreadPolicy{});
  for (int i = 1; i <= 100; ++i) {
    const WindowLoad& load = i % 3 == 0 ? kIdle : i % 3 == 1 ? kSerial : kBesideRenderer;
    REQUIRE(choice.next(0.03 * i, load) == 2);
  }
  // One busy window between others does not decide.
  for (int i = 101; i <= 200; ++i)
    REQUIRE(choice.next(0.03 * i, i % 2 == 0 ? kOneCoreBusy : kIdle) == 2);
}

TEST_CASE("ThreadCountChoice: drops a thread that only waits, tries it again later, backing off") {
  ThreadPolicy policy;
  policy.first_retry_s = 0.25;
  policy.longest_retry_s = 1.0;
  ThreadCountChoice choice(2, policy);
  CHECK(choice.next(0.03, kOneCoreBusy) == 2);
  CHECK(choice.next(0.06, kOneCoreBusy) == 1);
  // One thread until the retry is due, however free the machine looks meanwhile: a lone thread
  // cannot tell whether a second would wait.
  CHECK(choice.next(0.10, kIdle) == 1);
  CHECK(choice.next(0.30, kIdle) == 1);
  CHECK(choice.next(0.32, kIdle) == 2);  // 0.06 + 0.25
  // Still busy: back to one, and the next try waits twice as long.
  CHECK(choice.next(0.35, kOneCoreBusy) == 2);
  CHECK(choice.next(0.38, kOneCoreBusy) == 1);
  CHECK(choice.next(0.87, kIdle) == 1);
  CHECK(choice.next(0.89, kIdle) == 2);  // 0.38 + 0.5
  CHECK(choice.next(0.92, kOneCoreBusy) == 2);
  CHECK(choice.next(0.95, kOneCoreBusy) == 1);
  // The wait stops doubling at the longest.
  CHECK(choice.next(1.94, kIdle) == 1);
  CHECK(choice.next(1.96, kIdle) == 2);  // 0.95 + 1.0
  CHECK(choice.next(1.99, kOneCoreBusy) == 2);
  CHECK(choice.next(2.02, kOneCoreBusy) == 1);
  CHECK(choice.next(3.01, kIdle) == 1);
  CHECK(choice.next(3.03, kIdle) == 2);
  // A try that finds room keeps the thread, and a later drop waits the first wait.
  CHECK(choice.next(3.06, kIdle) == 2);
  CHECK(choice.next(5.00, kBesideRenderer) == 2);
  CHECK(choice.next(5.03, kOneCoreBusy) == 2);
  CHECK(choice.next(5.06, kOneCoreBusy) == 1);
  CHECK(choice.next(5.30, kIdle) == 1);
  CHECK(choice.next(5.32, kIdle) == 2);
}

TEST_CASE("ThreadCountChoice: one thread at a time, never below one, never above the most") {
  // Four threads running half a core between them: every thread but one only waits.
  const WindowLoad crowded{0.9, 0.5};
  ThreadCountChoice choice(4, ThreadPolicy{});
  CHECK(choice.next(0.03, crowded) == 4);
  CHECK(choice.next(0.06, crowded) == 3);
  CHECK(choice.next(0.09, crowded) == 3);
  CHECK(choice.next(0.12, crowded) == 2);
  CHECK(choice.next(0.15, crowded) == 2);
  CHECK(choice.next(0.18, crowded) == 1);
  CHECK(choice.next(0.21, crowded) == 1);
  CHECK(choice.next(0.24, crowded) == 1);
  // Free again: threads come back one per window once the retry is due.
  CHECK(choice.next(0.50, kSerial) == 2);
  CHECK(choice.next(0.53, kIdle) == 3);
  CHECK(choice.next(0.56, WindowLoad{0.01, 2.9}) == 4);
  CHECK(choice.next(0.59, WindowLoad{0.01, 3.9}) == 4);
  // Four threads running 3.1 cores, one of them waiting: the fourth adds too little.
  CHECK(choice.next(0.62, WindowLoad{0.3, 3.1}) == 4);
  CHECK(choice.next(0.65, WindowLoad{0.3, 3.1}) == 3);

  ThreadCountChoice alone(1, ThreadPolicy{});
  CHECK(alone.next(0.03, crowded) == 1);
  CHECK(alone.next(0.06, crowded) == 1);
  CHECK(alone.next(10.0, kIdle) == 1);
}

TEST_CASE("threadTimes: a thread sharing its core runs part of the time and waits the rest") {
  if (!kernelKeepsSchedulerStatistics()) {
    WARN(
        "this kernel keeps no scheduler statistics (/proc/self/task/TID/schedstat): nothing "
        "to check");
    return;
  }
  CHECK_FALSE(threadTimes(-1).has_value());
  const std::vector<int> cpus = allowedCpus();
  const int cpu = cpus.empty() ? 0 : cpus[0];
  // Two threads on one processor, each spinning 150 ms of wall time: each runs about half of it
  // and waits for the other the rest.
  std::atomic<long long> ran[2] = {0, 0};
  std::atomic<long long> waited[2] = {0, 0};
  std::vector<std::thread> pair;
  for (int t = 0; t < 2; ++t)
    pair.emplace_back([&, t] {
      cpu_set_t set;
      CPU_ZERO(&set);
      CPU_SET(cpu, &set);
      pthread_setaffinity_np(pthread_self(), sizeof(set), &set);
      sched_yield();
      const ThreadTimes before = threadTimes(currentThread()).value_or(ThreadTimes{});
      const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(150);
      while (std::chrono::steady_clock::now() < until) {
      }
      const ThreadTimes after = threadTimes(currentThread()).value_or(ThreadTimes{});
      ran[t] = after.running_ns - before.running_ns;
      waited[t] = after.waiting_ns - before.waiting_ns;
    });
  for (std::thread& t : pair) t.join();
  // Each was runnable throughout: it ran or waited for its 150 ms, however busy the processor
  // is with other programs' work too (tests run side by side).
  for (int t = 0; t < 2; ++t) {
    CHECK(ran[t] + waited[t] > 120'000'000);
    CHECK(ran[t] + waited[t] < 250'000'000);
  }
  // Between them they had one processor's time, not two, and waited for each other.
  CHECK(ran[0] + ran[1] < 220'000'000);
  CHECK(waited[0] + waited[1] > 50'000'000);
}

TEST_CASE("ThreadGovernor: drops a thread while every core is busy and puts the count back") {
  if (!kernelKeepsSchedulerStatistics() || allowedCpus().size() < 2 || threadCountHeld()) {
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
  holdThreadCount(2);
  REQUIRE(threadCountHeld());
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
