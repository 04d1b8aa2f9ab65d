// The CRD pattern matcher: RE2 subset semantics (search unless anchored), the patterns real
// CRDs use, unsupported syntax, and linear time on hostile input.
#include <gtest/gtest.h>

#include <chrono>
#include <random>

#include "check/schema/pattern.h"

namespace berth::check::schema {
namespace {

bool match(const char* re, std::string_view text) {
  auto p = Pattern::compile(re);
  EXPECT_NE(p, nullptr) << re;
  return p && p->matches(text);
}

TEST(SchemaPattern, SearchSemanticsAndAnchors) {
  EXPECT_TRUE(match("b", "abc"));
  EXPECT_FALSE(match("^b", "abc"));
  EXPECT_TRUE(match("c$", "abc"));
  EXPECT_FALSE(match("^a$", "ab"));
  EXPECT_TRUE(match("", "anything"));
  EXPECT_FALSE(match("a$", "a\n")); // RE2: $ is the end of text only
}

TEST(SchemaPattern, ClassesRepetitionAlternation) {
  EXPECT_TRUE(match("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", "my-app-1"));
  EXPECT_FALSE(match("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", "my-app-"));
  EXPECT_TRUE(match("^[^./]+$", "abc"));
  EXPECT_FALSE(match("^[^./]+$", "a/c"));
  EXPECT_TRUE(match("^x{2,3}$", "xxx"));
  EXPECT_FALSE(match("^x{2,3}$", "xxxx"));
  EXPECT_TRUE(match("^x{2}$", "xx"));
  EXPECT_TRUE(match("^x{2,}$", "xxxxx"));
  EXPECT_TRUE(match("^(ab|cd)+$", "abcdab"));
  EXPECT_TRUE(match("^a+?b*?$", "aab"));
  EXPECT_TRUE(match("^\\d+\\.\\d+$", "1.25"));
  EXPECT_TRUE(match("^[\\w-]+$", "a_b-c"));
  EXPECT_TRUE(match("^\\s*$", " \t"));
  EXPECT_TRUE(match("^[[:alpha:]]+$", "abC"));
  EXPECT_TRUE(match("^(?:a|b)(?P<n>c)$", "ac"));
  EXPECT_TRUE(match("a{", "a{")); // a literal brace, as RE2 reads it
  EXPECT_TRUE(match("^[]a]+$", "]a"));
}

TEST(SchemaPattern, RealCrdPatterns) {
  const char* quantity = "^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|"
                         "([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$";
  EXPECT_TRUE(match(quantity, "1.5Gi"));
  EXPECT_FALSE(match(quantity, "1.5GB"));
  const char* duration = "^(0|(([0-9]+)y)?(([0-9]+)w)?(([0-9]+)d)?(([0-9]+)h)?(([0-9]+)m)?(([0-9]+)"
                         "s)?(([0-9]+)ms)?)$";
  EXPECT_TRUE(match(duration, "30s"));
  EXPECT_TRUE(match(duration, "1h30m"));
  EXPECT_FALSE(match(duration, "5 minutes"));
  EXPECT_TRUE(match("^([0-9]+(ns|us|µs|ms|s|m|h)?)+$", "10µs"));
  EXPECT_TRUE(match("^(?i)(abort|warn)?$", "WARN"));
  EXPECT_TRUE(match("^.{2,}|[^./]$", "é")); // one code point, not two bytes: the 2nd branch
  EXPECT_FALSE(match("^.{2,}$", "é"));
}

TEST(SchemaPattern, UnsupportedSyntaxIsRefused) {
  std::string why;
  EXPECT_EQ(Pattern::compile("^\\p{L}+$", &why), nullptr);
  EXPECT_NE(why.find("\\p"), std::string::npos);
  EXPECT_EQ(Pattern::compile("\\bword\\b"), nullptr);
  EXPECT_EQ(Pattern::compile("(a"), nullptr);
  EXPECT_EQ(Pattern::compile("a)"), nullptr);
  EXPECT_EQ(Pattern::compile("*a"), nullptr);
  EXPECT_EQ(Pattern::compile("x{2000}"), nullptr);
  EXPECT_EQ(Pattern::compile("(?m)a"), nullptr);
}

TEST(SchemaPattern, LinearTimeOnHostileInput) {
  auto p = Pattern::compile("^(a+)+$");
  ASSERT_NE(p, nullptr);
  std::string text(100000, 'a');
  text += '!';
  auto start = std::chrono::steady_clock::now();
  EXPECT_FALSE(p->matches(text));
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
}

} // namespace
} // namespace berth::check::schema

namespace berth::check::schema {
namespace {

TEST(SchemaPattern, RandomExpressionsCompileOrRefuseAndMatchSafely) {
  std::mt19937 rng(4242);
  const char alphabet[] = "ab.^$|()[]{}*+?\\-,0123:dws!";
  std::size_t compiled = 0;
  for (int i = 0; i < 5000; ++i) {
    std::string re;
    for (int k = 0, n = 1 + static_cast<int>(rng() % 12); k < n; ++k)
      re += alphabet[rng() % (sizeof alphabet - 1)];
    auto p = Pattern::compile(re);
    if (!p) continue;
    ++compiled;
    std::string text;
    for (int k = 0, n = static_cast<int>(rng() % 20); k < n; ++k)
      text += "ab01-:"[rng() % 6];
    (void)p->matches(text);
  }
  EXPECT_GT(compiled, 1000u);
}

} // namespace
} // namespace berth::check::schema
