// Shared benchmark helpers: wall-clock timing (best of N) and peak/current memory of a process.
#pragma once

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <string>

namespace berth::bench {

using Clock = std::chrono::steady_clock;

inline double seconds_since(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

// Best wall time (seconds) of `runs` calls: the least disturbed by other load on the machine.
inline double best_of(int runs, const std::function<void()>& f) {
  double best = 1e300;
  for (int i = 0; i < runs; ++i) {
    auto t0 = Clock::now();
    f();
    best = std::min(best, seconds_since(t0));
  }
  return best;
}

inline long peak_rss_kb() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss; // KiB on Linux
}

inline long current_rss_kb() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line))
    if (line.rfind("VmRSS:", 0) == 0) return std::atol(line.c_str() + 6);
  return -1;
}

// Runs `f` in a fresh child process and returns its peak RSS in KiB (-1 when `f` threw or the
// child failed), so one phase's peak is not hidden by an earlier, larger one. Call it before the
// parent grows: the child inherits the parent's resident pages.
inline long child_peak_kb(const std::function<void()>& f) {
  int fds[2];
  if (pipe(fds) != 0) return -1;
  pid_t pid = fork();
  if (pid == 0) {
    close(fds[0]);
    long peak = -1;
    try {
      f();
      peak = peak_rss_kb();
    } catch (...) {
    }
    ssize_t w = write(fds[1], &peak, sizeof peak);
    (void)w;
    _exit(0);
  }
  close(fds[1]);
  long peak = -1;
  if (pid > 0) {
    if (read(fds[0], &peak, sizeof peak) != sizeof peak) peak = -1;
    waitpid(pid, nullptr, 0);
  }
  close(fds[0]);
  return peak;
}

} // namespace berth::bench
