// for_each_block: every index exactly once, whatever the thread count; errors reach the caller.
#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>
#include <vector>

#include "tree/parallel.h"

TEST(ForEachBlock, CoversEveryIndexOnce) {
  for (std::size_t n : {0u, 1u, 7u, 128u, 1000u})
    for (unsigned threads : {1u, 2u, 8u}) {
      std::vector<std::atomic<int>> seen(n);
      berth::tree::for_each_block(n, 64, threads, [&](std::size_t begin, std::size_t end) {
        EXPECT_LT(begin, end);
        EXPECT_LE(end - begin, 64u);
        for (std::size_t i = begin; i < end; ++i)
          ++seen[i];
      });
      for (std::size_t i = 0; i < n; ++i)
        EXPECT_EQ(seen[i], 1) << n << " " << i;
    }
}

TEST(ForEachBlock, RethrowsAfterAllThreadsStop) {
  std::atomic<int> running{0};
  EXPECT_THROW(berth::tree::for_each_block(100, 1, 2,
                                           [&](std::size_t begin, std::size_t) {
                                             ++running;
                                             if (begin == 10) throw std::runtime_error("boom");
                                             --running;
                                           }),
               std::runtime_error);
  EXPECT_EQ(running, 1); // only the failed block is unfinished; no thread outlives the call
}
