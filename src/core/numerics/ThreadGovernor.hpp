#pragma once
// How many OpenMP threads a run uses while other programs share the machine. Every parallel
// loop of a step splits its work evenly and ends at a barrier, so one thread that shares its
// core with another program holds up every loop: with one of two cores busy, two threads ran
// 1.10-1.12x slower than one (issue 11), although the short spin of OpenMpWaiting.hpp already
// lets the waiting thread sleep. Between steps the governor reads how long the team's threads
// have waited, runnable, for a core (the kernel's run delay, /proc/self/task/TID/schedstat).
// When one thread waited more than a quarter of a window of 30 ms it drops a thread, and tries the
// thread again later (after 0.25 s, doubling while the machine stays busy, up to 4 s).
//
// Results do not depend on it: every parallel loop computes the same numbers on any thread
// count, so a run may change its count between steps. It stays out of the way when the count
// was set explicitly (--threads, OMP_NUM_THREADS: holdThreadCount()), with one thread, and
// where the kernel keeps no run delays.
//
//   ThreadGovernor governor;          // at most omp_get_max_threads() threads
//   while (model.day() < end) {
//     model.step(dt);
//     governor.afterStep();           // may change omp_set_num_threads for the next step
//   }                                 // the destructor puts the caller's count back

#include <sys/types.h>

#include <chrono>
#include <optional>
#include <vector>

namespace dermasim {

// When the governor looks and how it answers. Defaults as measured on this project's 2-core
// machine (docs: README's shared-machine benchmark).
struct ThreadPolicy {
  // Shortest stretch of wall time judged at once: ten of the kernel's time slices on a shared
  // core (~3 ms each), so one unlucky slice does not decide.
  double window_s = 0.03;
  // Share of the window that one thread of the team spent runnable but waiting for a core (its
  // run delay over the wall time), above which a thread is dropped. On an idle machine the most
  // any thread waited was 0.03-0.12 of a window (wake-ups, other programs' moments); a thread
  // sharing its core with a busy program waits 0.5-0.6.
  double busy_share = 0.25;
  // Wall time before a dropped thread is tried again; doubled after each try that finds the
  // machine still busy, up to the longest, and reset by a try that does not.
  double first_retry_s = 0.25;
  double longest_retry_s = 4.0;
};

// The governor's decisions alone, on figures handed in: how many threads the next window gets.
class ThreadCountChoice {
 public:
  ThreadCountChoice(int most, const ThreadPolicy& policy);

  // A window with `threads()` threads ended at `now_s` (seconds since any fixed moment), in which
  // the thread that waited most for a core waited `waited_share` of it. Returns the count for the
  // next window.
  int next(double now_s, double waited_share);
  int threads() const { return threads_; }

 private:
  ThreadPolicy policy_;
  int most_;
  int threads_;
  bool trying_ = false;  // the window that just ended was a retry of a dropped thread
  double retry_wait_s_;
  double retry_at_s_ = 0.0;
};

// Run delay of one thread of this process, in nanoseconds since it started; nothing when the
// kernel keeps none.
std::optional<long long> runDelayNs(pid_t thread);

// An explicit thread count (the command line's --threads) is kept for every later run of this
// process: governors do not drop threads. OMP_NUM_THREADS in the environment counts as one.
void holdThreadCount();
bool threadCountHeld();

class ThreadGovernor {
 public:
  explicit ThreadGovernor(const ThreadPolicy& policy = {});
  ~ThreadGovernor();
  ThreadGovernor(const ThreadGovernor&) = delete;
  ThreadGovernor& operator=(const ThreadGovernor&) = delete;

  // Between two steps, on the thread that opens the parallel regions.
  void afterStep();
  // Threads the next parallel region gets.
  int threads() const { return choice_.threads(); }
  // How often the count changed: the machine was found busy, or free again.
  int changes() const { return changes_; }

 private:
  void startWindow(std::chrono::steady_clock::time_point now);
  // Each team thread's run delay now; false when one cannot be read.
  bool readTeamDelays(std::vector<long long>& delays) const;

  int most_;
  ThreadCountChoice choice_;
  bool active_ = false;
  int changes_ = 0;
  std::vector<pid_t> team_;
  std::chrono::steady_clock::time_point started_;
  std::chrono::steady_clock::time_point window_start_;
  std::vector<long long> window_delays_ns_;  // at the window's start
  std::vector<long long> delays_ns_;         // at its end
  ThreadPolicy policy_;
};

}  // namespace dermasim
