// Tests for shell-style splitting of Compose command strings and joining them back.
#include "compose/shell_split.h"

#include <gtest/gtest.h>

#include "support/test_support.h"

namespace berth::compose {
namespace {

using Args = std::vector<std::string>;

Location here() { return Location{intern("compose.yaml"), 8, 14}; }
Args split(std::string_view text) { return shell_split(text, here()); }

std::string error_of(std::string_view text) {
  try {
    split(text);
  } catch (const Error& e) {
    return e.what();
  }
  return "<no error>";
}

TEST(ShellSplit, Whitespace) {
  EXPECT_EQ(split("npm run start"), (Args{"npm", "run", "start"}));
  EXPECT_EQ(split("  a \t b\n c  "), (Args{"a", "b", "c"}));
  EXPECT_EQ(split(""), Args{});
  EXPECT_EQ(split("   "), Args{});
}

TEST(ShellSplit, SingleQuotesAreLiteral) {
  EXPECT_EQ(split("echo 'a  b' 'c\\d' '$HOME'"), (Args{"echo", "a  b", "c\\d", "$HOME"}));
  EXPECT_EQ(split("nginx -g 'daemon off;'"), (Args{"nginx", "-g", "daemon off;"}));
}

TEST(ShellSplit, DoubleQuotesWithEscapes) {
  EXPECT_EQ(split(R"(echo "a \"b\" \\ \$x \` \n")"), (Args{"echo", "a \"b\" \\ $x ` \\n"}));
  EXPECT_EQ(split("sh -c \"envsubst < /t > /o && nginx -g 'daemon off;'\""),
            (Args{"sh", "-c", "envsubst < /t > /o && nginx -g 'daemon off;'"}));
}

TEST(ShellSplit, EmptyQuotedArgument) {
  EXPECT_EQ(split("a '' \"\" b"), (Args{"a", "", "", "b"}));
}

TEST(ShellSplit, AdjacentPartsJoinOneWord) {
  EXPECT_EQ(split("--opt='a b'\"c d\"e"), (Args{"--opt=a bc de"}));
}

TEST(ShellSplit, BackslashOutsideQuotes) {
  EXPECT_EQ(split(R"(a\ b c\"d \\)"), (Args{"a b", "c\"d", "\\"}));
  EXPECT_EQ(split("a\\\nb"), (Args{"ab"})); // line continuation
}

TEST(ShellSplit, DollarAndGlobAreLiteral) {
  EXPECT_EQ(split("echo $HOME *.txt ~ #x"), (Args{"echo", "$HOME", "*.txt", "~", "#x"}));
}

TEST(ShellSplit, CorpusCommands) {
  EXPECT_EQ(split("gunicorn -w 3 -t 60 -b 0.0.0.0:8000 app:app"),
            (Args{"gunicorn", "-w", "3", "-t", "60", "-b", "0.0.0.0:8000", "app:app"}));
  EXPECT_EQ(split("--providers.docker --entrypoints.web.address=:80"),
            (Args{"--providers.docker", "--entrypoints.web.address=:80"}));
}

TEST(ShellSplit, UnterminatedQuotesHaveLocation) {
  EXPECT_EQ(error_of("echo 'abc"), "compose.yaml:8:14: unterminated single quote in command \"echo 'abc\"");
  EXPECT_EQ(error_of("echo \"abc"), "compose.yaml:8:14: unterminated double quote in command \"echo \"abc\"");
  EXPECT_EQ(error_of("echo \"abc\\\""), "compose.yaml:8:14: unterminated double quote in command \"echo \"abc\\\"\"");
  EXPECT_EQ(error_of("echo \\"), "compose.yaml:8:14: trailing backslash in command \"echo \\\"");
}

TEST(ShellSplit, UnquotedOperatorsAreRejected) {
  for (const char* bad : {"a && b", "a; b", "a | b", "a > f", "a < f", "$(x)", "a &"}) {
    std::string what = error_of(bad);
    EXPECT_NE(what.find("compose.yaml:8:14: unquoted shell operator"), std::string::npos)
        << bad << " → " << what;
  }
}

TEST(ShellJoin, QuotesOnlyWhenNeeded) {
  EXPECT_EQ(shell_join({"npm", "run", "start"}), "npm run start");
  EXPECT_EQ(shell_join({"--opt=a/b:c,d@e%f+g.h-i"}), "--opt=a/b:c,d@e%f+g.h-i");
  EXPECT_EQ(shell_join({"echo", "a b", ""}), "echo 'a b' ''");
  EXPECT_EQ(shell_join({"it's"}), "'it'\\''s'");
  EXPECT_EQ(shell_join({"$HOME"}), "'$HOME'");
  EXPECT_EQ(shell_join({}), "");
}

TEST(ShellJoin, RoundTrips) {
  std::vector<Args> cases = {
      {"sh", "-c", "envsubst < /t > /o && nginx -g 'daemon off;'"},
      {"a\"b", "c\\d", "e f", "", "'", "\n", "x;y"},
  };
  for (const auto& args : cases) EXPECT_EQ(split(shell_join(args)), args) << shell_join(args);
}

TEST(ShellJoin, ShAgrees) {
  if (!test::have_program("sh")) GTEST_SKIP() << "SKIPPED: sh absent";
  Args args = {"a b", "it's", "$HOME", "", "x;y"};
  auto r = test::run("for a in " + shell_join(args) + "; do printf '[%s]' \"$a\"; done");
  EXPECT_EQ(r.out, "[a b][it's][$HOME][][x;y]");
}

} // namespace
} // namespace berth::compose
