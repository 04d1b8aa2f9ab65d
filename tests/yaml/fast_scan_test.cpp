// The SSE2 scans of the fast reader stop exactly where the byte tables (their tail loop and
// non-x86 fallback) say, for every byte value at every position of a 16-byte block.
#include <gtest/gtest.h>

#include <string>

#include "yaml/fast_scan.h"

using namespace berth::yaml::fast_scan;

namespace {

template <Scan S> void expect_agrees(const std::array<std::uint8_t, 256>& table, const char* what) {
  for (int byte = 0; byte < 256; ++byte) {
    for (std::size_t at : {0u, 5u, 15u, 16u, 31u, 40u}) {
      std::string text(48, 'a');
      text[at] = static_cast<char>(byte);
      const char* begin = text.data();
      const char* end = begin + text.size();
      const std::size_t expected = table[static_cast<std::uint8_t>(byte)] == kStop ? at : 48;
      EXPECT_EQ(static_cast<std::size_t>(scan<S>(begin, end) - begin), expected)
          << what << " byte " << byte << " at " << at;
    }
  }
}

} // namespace

TEST(FastScan, VectorScansMatchTheTables) {
  expect_agrees<Scan::BlockPlain>(kBlockPlain, "block plain");
  expect_agrees<Scan::FlowPlain>(kFlowPlain, "flow plain");
  expect_agrees<Scan::DoubleQuoted>(kDoubleQuoted, "double quoted");
  expect_agrees<Scan::SingleQuoted>(kSingleQuoted, "single quoted");
  expect_agrees<Scan::Text>(kText, "text");
}

TEST(FastScan, SkipSpaces) {
  for (std::size_t n = 0; n < 40; ++n) {
    std::string text(n, ' ');
    text += "x";
    EXPECT_EQ(
        static_cast<std::size_t>(skip_spaces(text.data(), text.data() + text.size()) - text.data()),
        n);
    std::string all(n, ' ');
    EXPECT_EQ(skip_spaces(all.data(), all.data() + all.size()), all.data() + all.size());
  }
}

TEST(FastScan, TablesClassifyWhatTheReaderChecks) {
  EXPECT_EQ(kBlockPlain[':'], kStop);
  EXPECT_EQ(kBlockPlain['#'], kStop);
  EXPECT_EQ(kBlockPlain['\t'], kStop); // tabs decline in plain scalars
  EXPECT_EQ(kBlockPlain[','], kContent);
  EXPECT_EQ(kFlowPlain[','], kStop);
  EXPECT_EQ(kText['\t'], kContent);
  EXPECT_EQ(kText['\r'], kStop);
  EXPECT_EQ(kDoubleQuoted['\\'], kStop);
  EXPECT_EQ(kSingleQuoted['\\'], kContent);
  EXPECT_EQ(kText[0xC3], kStop); // non-ASCII is checked one sequence at a time
}
