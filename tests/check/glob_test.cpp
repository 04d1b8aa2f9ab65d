// Exclude globs: `*` stays in a segment, `**` spans directories, unanchored patterns match at
// any depth, a matching directory excludes what is below it.
#include <gtest/gtest.h>

#include "check/glob.h"

using berth::check::glob_match;

TEST(Glob, StarStaysWithinASegment) {
  EXPECT_TRUE(glob_match("base/*.yaml", "base/a.yaml"));
  EXPECT_FALSE(glob_match("base/*.yaml", "base/sub/a.yaml"));
  EXPECT_FALSE(glob_match("base/*.yaml", "other/a.yaml"));
}

TEST(Glob, DoubleStarSpansDirectoriesIncludingNone) {
  EXPECT_TRUE(glob_match("vendor/**", "vendor/a.yaml"));
  EXPECT_TRUE(glob_match("vendor/**", "vendor/x/y/z.yaml"));
  EXPECT_FALSE(glob_match("vendor/**", "src/vendor.yaml"));
  EXPECT_TRUE(glob_match("**/*.generated.yaml", "a.generated.yaml"));
  EXPECT_TRUE(glob_match("**/*.generated.yaml", "x/y/a.generated.yaml"));
  EXPECT_FALSE(glob_match("**/*.generated.yaml", "x/y/a.yaml"));
  EXPECT_TRUE(glob_match("a/**/b.yaml", "a/b.yaml"));
  EXPECT_TRUE(glob_match("a/**/b.yaml", "a/x/y/b.yaml"));
}

TEST(Glob, UnanchoredPatternMatchesAtAnyDepth) {
  EXPECT_TRUE(glob_match("*.generated.yaml", "deep/down/x.generated.yaml"));
  EXPECT_TRUE(glob_match("vendor", "third/vendor/a.yaml"));
  EXPECT_FALSE(glob_match("vendor", "vendors/a.yaml"));
}

TEST(Glob, DirectoryPatternExcludesItsContents) {
  EXPECT_TRUE(glob_match("charts/*", "charts/redis/templates/x.yaml"));
  EXPECT_TRUE(glob_match("overlays/dev", "overlays/dev/patch.yaml"));
  EXPECT_FALSE(glob_match("overlays/dev", "overlays/development/patch.yaml"));
}

TEST(Glob, QuestionMarkClassesAndDotSlash) {
  EXPECT_TRUE(glob_match("a?.yaml", "ab.yaml"));
  EXPECT_FALSE(glob_match("a?.yaml", "a/.yaml"));
  EXPECT_TRUE(glob_match("[ab]*.yaml", "b1.yaml"));
  EXPECT_FALSE(glob_match("[!ab]*.yaml", "b1.yaml"));
  EXPECT_TRUE(glob_match("v[0-9].yaml", "v7.yaml"));
  EXPECT_TRUE(glob_match("./base/*.yaml", "base/a.yaml"));
  EXPECT_TRUE(glob_match("base/*.yaml", "./base/a.yaml"));
  EXPECT_TRUE(glob_match("[.yaml", "[.yaml")); // unterminated class: literal '['
  EXPECT_FALSE(glob_match("", "a.yaml"));
}

TEST(Glob, ManyStarsStayFast) {
  std::string path(200, 'a');
  EXPECT_FALSE(glob_match("*a*a*a*a*a*a*a*a*b", path));
  EXPECT_FALSE(glob_match("**/**/**/**/**/x", "a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p/y"));
}
