// Fewer threads while other programs hold the cores: see ThreadGovernor.hpp.
#include "core/numerics/ThreadGovernor.hpp"

#include <omp.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace dermasim {

ThreadCountChoice::ThreadCountChoice(int most, const ThreadPolicy& policy)
    : policy_(policy),
      most_(std::max(1, most)),
      threads_(most_),
      retry_wait_s_(policy.first_retry_s) {}

int ThreadCountChoice::next(double now_s, const WindowLoad& load) {
  const bool busy = load.most_waited > policy_.busy_share &&
                    load.cores_run < threads_ - 1 + policy_.last_thread_cores;
  busy_in_a_row_ = busy ? busy_in_a_row_ + 1 : 0;
  if (busy_in_a_row_ >= policy_.busy_windows && threads_ > 1) {
    // A retry that finds the machine still busy waits twice as long before the next.
    retry_wait_s_ =
        trying_ ? std::min(2.0 * retry_wait_s_, policy_.longest_retry_s) : policy_.first_retry_s;
    retry_at_s_ = now_s + retry_wait_s_;
    trying_ = false;
    busy_in_a_row_ = 0;
    return --threads_;
  }
  if (busy_in_a_row_ > 0) return threads_;  // one more window decides
  if (trying_) {
    // The retried thread found room: the next one may be tried at once.
    trying_ = false;
    retry_wait_s_ = policy_.first_retry_s;
    retry_at_s_ = now_s;
  }
  if (threads_ < most_ && now_s >= retry_at_s_) {
    trying_ = true;
    return ++threads_;
  }
  return threads_;
}

std::optional<ThreadTimes> threadTimes(pid_t thread) {
  const std::string path = "/proc/self/task/" + std::to_string(thread) + "/schedstat";
  std::FILE* file = std::fopen(path.c_str(), "r");
  if (file == nullptr) return std::nullopt;
  // Time on a core, time waiting for one, time slices (ns, ns, count).
  ThreadTimes t;
  const int read = std::fscanf(file, "%lld %lld", &t.running_ns, &t.waiting_ns);
  std::fclose(file);
  if (read != 2 || t.running_ns < 0 || t.waiting_ns < 0) return std::nullopt;
  return t;
}

pid_t currentThread() { return static_cast<pid_t>(::syscall(SYS_gettid)); }

namespace {

std::atomic<bool> held{false};

}  // namespace

void holdThreadCount(int threads) {
  omp_set_num_threads(threads);
  held = true;
}

bool threadCountHeld() {
  static const bool fromEnvironment = std::getenv("OMP_NUM_THREADS") != nullptr;
  return held || fromEnvironment;
}

ThreadGovernor::ThreadGovernor(const ThreadPolicy& policy)
    : choice_(omp_get_max_threads(), policy) {
  active_ = choice_.most() > 1 && !threadCountHeld() && threadTimes(currentThread()).has_value();
  if (!active_) return;
  started_ = std::chrono::steady_clock::now();
  startWindow(started_);
}

ThreadGovernor::~ThreadGovernor() {
  if (choice_.threads() != choice_.most()) omp_set_num_threads(choice_.most());
}

void ThreadGovernor::startWindow(std::chrono::steady_clock::time_point now) {
  // The team's threads as they are now: libgomp keeps its pool, but nothing promises which
  // thread serves which place after the team shrank and grew.
  const int n = choice_.threads();
  team_.assign(static_cast<std::size_t>(n), 0);
#pragma omp parallel num_threads(n)
  team_[static_cast<std::size_t>(omp_get_thread_num())] = currentThread();
  if (!readTeamTimes(window_times_)) {
    active_ = false;
    return;
  }
  window_start_ = now;
}

bool ThreadGovernor::readTeamTimes(std::vector<ThreadTimes>& times) const {
  times.resize(team_.size());
  for (std::size_t i = 0; i < team_.size(); ++i) {
    const std::optional<ThreadTimes> t = threadTimes(team_[i]);
    if (!t) return false;
    times[i] = *t;
  }
  return true;
}

void ThreadGovernor::afterStep() {
  if (!active_) return;
  const auto now = std::chrono::steady_clock::now();
  const double wall = std::chrono::duration<double>(now - window_start_).count();
  if (wall < choice_.policy().window_s) return;
  if (!readTeamTimes(times_)) {
    // A thread of the team has gone (a pool rebuilt): find the team again.
    startWindow(now);
    return;
  }
  // The most any one thread waited (a thread on a shared core holds up every loop, however many
  // others run free), and what the team ran together.
  long long waited = 0;
  long long ran = 0;
  for (std::size_t i = 0; i < times_.size(); ++i) {
    waited = std::max(waited, times_[i].waiting_ns - window_times_[i].waiting_ns);
    ran += times_[i].running_ns - window_times_[i].running_ns;
  }
  const WindowLoad load{static_cast<double>(waited) * 1e-9 / wall,
                        static_cast<double>(ran) * 1e-9 / wall};
  const int before = choice_.threads();
  const int next = choice_.next(std::chrono::duration<double>(now - started_).count(), load);
  if (next == before) {
    window_start_ = now;
    window_times_.swap(times_);
    return;
  }
  ++changes_;
  omp_set_num_threads(next);
  startWindow(now);
}

}  // namespace dermasim
