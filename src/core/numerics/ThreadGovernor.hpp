#pragma once
// How many OpenMP threads a run uses while other programs share the machine. Every parallel
// loop of a step splits its work evenly and ends at a barrier, so one thread that shares its
// core with another program holds up every loop: with one of two cores busy, two threads ran
// 1.10-1.12x slower than one (issue 11), although the short spin of OpenMpWaiting.hpp already
// lets the waiting thread sleep. Between steps the governor reads, for each thread of the team,
// how long it ran and how long it waited, runnable, for a core (the kernel's scheduler
// statistics, /proc/self/task/TID/schedstat). It drops a thread when, two windows of 30 ms
// running, some thread waited more than a quarter of the window and the whole team ran less
// than a fifth of a core more than a team one thread smaller could have: the last thread then
// adds only waiting. It tries the thread again later (after 0.25 s, doubling while the machine
// stays busy, up to 4 s). The viewer's software renderer beside a run makes the threads wait
// too, but leaves the team 1.1-1.5 cores: there two threads are faster, and are kept.
//
// Results do not depend on it: every parallel loop computes the same numbers on any thread
// count, so a run may change its count between steps. It stays out of the way when the count
// was set explicitly (--threads: holdThreadCount(), OMP_NUM_THREADS), with one thread, and
// where the kernel keeps no scheduler statistics.
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
// machine (README, the shared-machine benchmark).
struct ThreadPolicy {
  // Shortest stretch of wall time judged at once: ten of the kernel's time slices on a shared
  // core (~3 ms each), so one unlucky slice does not decide.
  double window_s = 0.03;
  // Share of the window that one thread of the team spent runnable but waiting for a core (its
  // run delay over the wall time), above which the machine counts as busy. On an idle machine
  // the most any thread waited was 0.00-0.12 of a window; sharing a core with a busy program,
  // 0.3-0.5.
  double busy_share = 0.25;
  // Cores' worth of running time the last thread must add to be kept on a busy machine: with one
  // core of two busy, two threads ran 0.95-1.1 cores between them (what one thread has alone);
  // beside the viewer's software renderer, 1.1-1.5.
  double last_thread_cores = 0.2;
  // Busy windows in a row before a thread is dropped: one burst of another program's work does
  // not decide.
  int busy_windows = 2;
  // Wall time before a dropped thread is tried again; doubled after each try that finds the
  // machine still busy, up to the longest, and reset by a try that does not.
  double first_retry_s = 0.25;
  double longest_retry_s = 4.0;
};

// What the team's threads did over one window, from the kernel's scheduler statistics.
struct WindowLoad {
  double most_waited = 0;  // the largest share of the window one thread waited for a core
  double cores_run = 0;    // the threads' running time together over the window's wall time
};

// The governor's decisions alone, on figures handed in: how many threads the next window gets.
class ThreadCountChoice {
 public:
  ThreadCountChoice(int most, const ThreadPolicy& policy);

  // A window with `threads()` threads and `load` ended at `now_s` (seconds since any fixed
  // moment). Returns the count for the next window.
  int next(double now_s, const WindowLoad& load);
  int threads() const { return threads_; }
  int most() const { return most_; }
  const ThreadPolicy& policy() const { return policy_; }

 private:
  ThreadPolicy policy_;
  int most_;
  int threads_;
  int busy_in_a_row_ = 0;
  bool trying_ = false;  // the windows since the last change try a dropped thread again
  double retry_wait_s_;
  double retry_at_s_ = 0.0;
};

// How long one thread of this process has run and waited for a core since it started, in
// nanoseconds; nothing when the kernel keeps no scheduler statistics.
struct ThreadTimes {
  long long running_ns = 0;
  long long waiting_ns = 0;
};
std::optional<ThreadTimes> threadTimes(pid_t thread);
// The calling thread's id, as threadTimes() takes it.
pid_t currentThread();

// An explicit thread count (the command line's --threads): this thread's OpenMP count from now
// on, kept for every later run of this process (governors do not drop threads).
// OMP_NUM_THREADS in the environment counts as one.
void holdThreadCount(int threads);
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
  // Each team thread's times now; false when one cannot be read.
  bool readTeamTimes(std::vector<ThreadTimes>& times) const;

  ThreadCountChoice choice_;
  bool active_ = false;
  int changes_ = 0;
  std::vector<pid_t> team_;
  std::chrono::steady_clock::time_point started_;
  std::chrono::steady_clock::time_point window_start_;
  std::vector<ThreadTimes> window_times_;  // at the window's start
  std::vector<ThreadTimes> times_;         // at its end
};

}  // namespace dermasim
