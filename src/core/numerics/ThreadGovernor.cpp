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

int ThreadCountChoice::next(double now_s, double waited_share) {
  const bool busy = waited_share > policy_.busy_share;
  if (busy && threads_ > 1) {
    // A retry that finds the machine still busy waits twice as long before the next.
    retry_wait_s_ =
        trying_ ? std::min(2.0 * retry_wait_s_, policy_.longest_retry_s) : policy_.first_retry_s;
    retry_at_s_ = now_s + retry_wait_s_;
    trying_ = false;
    return --threads_;
  }
  if (trying_) {
    // The retried thread found a free core: the next one may be tried at once.
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

std::optional<long long> runDelayNs(pid_t thread) {
  const std::string path = "/proc/self/task/" + std::to_string(thread) + "/schedstat";
  std::FILE* file = std::fopen(path.c_str(), "r");
  if (file == nullptr) return std::nullopt;
  // Time on a core, time waiting for one, time slices (ns, ns, count).
  long long running = 0;
  long long waiting = 0;
  const int read = std::fscanf(file, "%lld %lld", &running, &waiting);
  std::fclose(file);
  if (read != 2 || waiting < 0) return std::nullopt;
  return waiting;
}

namespace {

std::atomic<bool> held{false};

pid_t thisThread() { return static_cast<pid_t>(::syscall(SYS_gettid)); }

}  // namespace

void holdThreadCount() { held = true; }

bool threadCountHeld() {
  static const bool fromEnvironment = std::getenv("OMP_NUM_THREADS") != nullptr;
  return held || fromEnvironment;
}

ThreadGovernor::ThreadGovernor(const ThreadPolicy& policy)
    : most_(omp_get_max_threads()), choice_(most_, policy), policy_(policy) {
  active_ = most_ > 1 && !threadCountHeld() && runDelayNs(thisThread()).has_value();
  if (!active_) return;
  started_ = std::chrono::steady_clock::now();
  startWindow(started_);
}

ThreadGovernor::~ThreadGovernor() {
  if (choice_.threads() != most_) omp_set_num_threads(most_);
}

void ThreadGovernor::startWindow(std::chrono::steady_clock::time_point now) {
  // The team's threads as they are now: libgomp keeps its pool, but nothing promises which
  // thread serves which place after the team shrank and grew.
  const int n = choice_.threads();
  team_.assign(static_cast<std::size_t>(n), 0);
#pragma omp parallel num_threads(n)
  team_[static_cast<std::size_t>(omp_get_thread_num())] = thisThread();
  if (!readTeamDelays(window_delays_ns_)) {
    active_ = false;
    return;
  }
  window_start_ = now;
}

bool ThreadGovernor::readTeamDelays(std::vector<long long>& delays) const {
  delays.resize(team_.size());
  for (std::size_t i = 0; i < team_.size(); ++i) {
    const std::optional<long long> d = runDelayNs(team_[i]);
    if (!d) return false;
    delays[i] = *d;
  }
  return true;
}

void ThreadGovernor::afterStep() {
  if (!active_) return;
  const auto now = std::chrono::steady_clock::now();
  const double wall = std::chrono::duration<double>(now - window_start_).count();
  if (wall < policy_.window_s) return;
  if (!readTeamDelays(delays_ns_)) {
    // A thread of the team has gone (a pool rebuilt): find the team again.
    startWindow(now);
    return;
  }
  // The most any one thread waited: a thread on a shared core holds up every loop, however
  // many others run free.
  long long most = 0;
  for (std::size_t i = 0; i < delays_ns_.size(); ++i)
    most = std::max(most, delays_ns_[i] - window_delays_ns_[i]);
  const double waited = static_cast<double>(most) * 1e-9 / wall;
  const int before = choice_.threads();
  const int next = choice_.next(std::chrono::duration<double>(now - started_).count(), waited);
  if (next == before) {
    window_start_ = now;
    window_delays_ns_.swap(delays_ns_);
    return;
  }
  ++changes_;
  omp_set_num_threads(next);
  startWindow(now);
}

}  // namespace dermasim
