// Did-you-mean for rule ids: typos and fragments, never wild guesses.
#include <gtest/gtest.h>

#include "check/suggest.h"

using namespace berth::check;

namespace {
Catalog sample() {
  auto rule = [](std::string_view id) {
    return RuleInfo{id, Family::Policy, Area::Reliability, Severity::Warning, true, "s", "f", ""};
  };
  return Catalog({rule("probe-missing"), rule("probes-identical"), rule("image-latest-tag"),
                  rule("resources-missing")});
}
} // namespace

TEST(Suggest, Typos) {
  Catalog c = sample();
  EXPECT_EQ(closest_rule("probe-mising", c), "probe-missing");
  EXPECT_EQ(closest_rule("image-latest-tags", c), "image-latest-tag");
  EXPECT_EQ(closest_rule("resource-missing", c), "resources-missing");
}

TEST(Suggest, UniqueFragment) {
  Catalog c = sample();
  EXPECT_EQ(closest_rule("latest", c), "image-latest-tag");
  EXPECT_EQ(closest_rule("probe", c), ""); // two ids contain it
}

TEST(Suggest, NothingClose) {
  Catalog c = sample();
  EXPECT_EQ(closest_rule("hostpath-mount", c), "");
  EXPECT_EQ(closest_rule("", c), "");
  EXPECT_EQ(closest_rule("x", c), "");
}
