#pragma once
// Another program's work on a shared machine, for the tests and benchmarks of how a run behaves
// when it does not have the cores to itself: a thread spinning on one processor.
//
//   const std::vector<int> cpus = allowedCpus();
//   const BusyCore busy(cpus.back());   // spins until destroyed

#include <pthread.h>
#include <sched.h>

#include <atomic>
#include <thread>
#include <vector>

namespace dermasim {

// The processors this program may use, in order.
inline std::vector<int> allowedCpus() {
  cpu_set_t set;
  CPU_ZERO(&set);
  std::vector<int> cpus;
  if (sched_getaffinity(0, sizeof(set), &set) != 0) return cpus;
  for (int cpu = 0; cpu < CPU_SETSIZE; ++cpu)
    if (CPU_ISSET(cpu, &set)) cpus.push_back(cpu);
  return cpus;
}

class BusyCore {
 public:
  explicit BusyCore(int cpu)
      : thread_([this] {
          while (!stop_.load(std::memory_order_relaxed)) {
          }
        }) {
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(cpu, &set);
    pthread_setaffinity_np(thread_.native_handle(), sizeof(set), &set);
  }
  ~BusyCore() {
    stop_ = true;
    thread_.join();
  }
  BusyCore(const BusyCore&) = delete;
  BusyCore& operator=(const BusyCore&) = delete;

 private:
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

}  // namespace dermasim
