// Runs independent work over index blocks on a few threads; results go to per-index slots, so
// what is produced never depends on scheduling.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <system_error>
#include <thread>
#include <vector>

namespace berth::tree {

// Calls f(begin, end) for consecutive blocks of [0, n) (each at most `block` long) on up to
// `max_threads` threads, the caller's included. The first exception thrown stops the remaining
// blocks and is rethrown here after every thread has finished.
template <class F>
void for_each_block(std::size_t n, std::size_t block, unsigned max_threads, F&& f) {
  block = std::max<std::size_t>(block, 1);
  std::size_t blocks = (n + block - 1) / block;
  unsigned threads = std::min<unsigned>(std::max(1u, std::thread::hardware_concurrency()),
                                        std::max(1u, max_threads));
  threads = static_cast<unsigned>(std::min<std::size_t>(threads, std::max<std::size_t>(blocks, 1)));
  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};
  std::exception_ptr error;
  std::atomic_flag error_set = ATOMIC_FLAG_INIT;
  auto work = [&] {
    for (std::size_t b = next++; b < blocks && !failed; b = next++) {
      try {
        f(b * block, std::min(n, (b + 1) * block));
      } catch (...) {
        if (!error_set.test_and_set()) error = std::current_exception();
        failed = true;
      }
    }
  };
  {
    std::vector<std::jthread> helpers;
    for (unsigned t = 1; t < threads; ++t) {
      try {
        helpers.emplace_back(work);
      } catch (const std::system_error&) { // no more threads: the others share the work
        break;
      }
    }
    work();
  } // joined here
  if (error) std::rethrow_exception(error);
}

} // namespace berth::tree
