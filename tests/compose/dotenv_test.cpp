// Tests for .env parsing with compose-go v2's dotenv rules.
#include "compose/dotenv.h"

#include <gtest/gtest.h>

#include "support/test_support.h"

namespace berth::compose {
namespace {

std::vector<EnvFileEntry> parse(std::string_view text, const Environment& lookup = {}) {
  return parse_env_file(text, ".env", lookup);
}

// Value of `key` in a parse of `text` (fails the test when absent).
std::string value_of(std::string_view text, const std::string& key,
                     const Environment& lookup = {}) {
  for (const auto& e : parse(text, lookup))
    if (e.key == key) return e.value;
  ADD_FAILURE() << "key " << key << " not found in: " << text;
  return "<absent>";
}

std::string error_of(std::string_view text, const Environment& lookup = {}) {
  try {
    parse(text, lookup);
  } catch (const Error& e) {
    return e.what();
  }
  return "<no error>";
}

TEST(Dotenv, KeyValue) {
  auto entries = parse("ONE=1\nTWO=2\n");
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].key, "ONE");
  EXPECT_EQ(entries[0].value, "1");
  EXPECT_TRUE(entries[0].has_value);
  EXPECT_EQ(entries[1].key, "TWO");
  EXPECT_EQ(entries[1].where.str(), ".env:2:1");
}

TEST(Dotenv, SpacesAroundSeparator) {
  EXPECT_EQ(value_of("FOO =bar", "FOO"), "bar");
  EXPECT_EQ(value_of("FOO= bar", "FOO"), "bar");
  EXPECT_EQ(value_of("  FOO = bar  ", "FOO"), "bar");
  EXPECT_EQ(value_of("\tKEY=value", "KEY"), "value");
}

TEST(Dotenv, ExportPrefix) {
  EXPECT_EQ(value_of("export OPTION_A=2", "OPTION_A"), "2");
  EXPECT_EQ(value_of("export\tOPTION_A=2", "OPTION_A"), "2");
  EXPECT_EQ(value_of("export exportFoo=2", "exportFoo"), "2");
  EXPECT_EQ(value_of("exportFOO=2", "exportFOO"), "2");
  EXPECT_EQ(value_of("export_FOO =2", "export_FOO"), "2");
  EXPECT_EQ(value_of("export OPTION_A=\"export A\"", "OPTION_A"), "export A");
}

TEST(Dotenv, YamlStyleColon) {
  EXPECT_EQ(value_of("OPTION_A: 1", "OPTION_A"), "1");
  EXPECT_EQ(value_of("OPTION_A: Foo=bar", "OPTION_A"), "Foo=bar");
  EXPECT_EQ(value_of("OPTION_A=1:B", "OPTION_A"), "1:B");
}

TEST(Dotenv, ValueKeepsLaterEqualsSigns) {
  EXPECT_EQ(value_of("FOO=foobar=", "FOO"), "foobar=");
  EXPECT_EQ(value_of("DSN=postgres://h:5432/db?sslmode=disable", "DSN"),
            "postgres://h:5432/db?sslmode=disable");
}

TEST(Dotenv, KeyCharacters) {
  EXPECT_EQ(value_of("FOO.BAR=x", "FOO.BAR"), "x");
  EXPECT_EQ(value_of("VAR-WITH-DASHES=dashes", "VAR-WITH-DASHES"), "dashes");
}

TEST(Dotenv, CommentsAndBlankLines) {
  auto entries = parse("# a comment\n\n   # indented\r\n\t\nA=1\n#B=2\n");
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].key, "A");
  EXPECT_EQ(entries[0].where.str(), ".env:5:1");
}

TEST(Dotenv, InlineCommentOnUnquotedValueNeedsSpace) {
  EXPECT_EQ(value_of("FOO=bar # this is foo", "FOO"), "bar");
  EXPECT_EQ(value_of("FOO=bar #", "FOO"), "bar");
  EXPECT_EQ(value_of("FOO=123#not-a-comment", "FOO"), "123#not-a-comment");
  EXPECT_EQ(value_of("FOO=bar ", "FOO"), "bar");
}

TEST(Dotenv, HashInsideQuotes) {
  EXPECT_EQ(value_of("FOO=\"bar#baz\" # comment", "FOO"), "bar#baz");
  EXPECT_EQ(value_of("FOO=\"bar#baz\"#", "FOO"), "bar#baz");
  EXPECT_EQ(value_of("FOO='bar#baz' # comment", "FOO"), "bar#baz");
}

TEST(Dotenv, SingleQuotesAreLiteral) {
  EXPECT_EQ(value_of("FOO='bar'", "FOO"), "bar");
  EXPECT_EQ(value_of("B='\\n'", "B"), "\\n");
  EXPECT_EQ(value_of("B='quote $FOO'", "B", {{"FOO", "x"}}), "quote $FOO");
  EXPECT_EQ(value_of("B='it\\'s'", "B"), "it's");
}

TEST(Dotenv, DoubleQuoteEscapes) {
  EXPECT_EQ(value_of(R"(FOO="escaped\"bar")", "FOO"), "escaped\"bar");
  EXPECT_EQ(value_of(R"(FOO="bar\nbaz")", "FOO"), "bar\nbaz");
  EXPECT_EQ(value_of(R"(FOO="a\tb")", "FOO"), "a\tb");
  EXPECT_EQ(value_of(R"(KEY="Z\aZ\bZ\fZ\nZ\rZ\tZ\vZ\\Z\0123Z")", "KEY"),
            "Z\aZ\bZ\fZ\nZ\rZ\tZ\vZ\\ZSZ");
  EXPECT_EQ(value_of(R"(FOO="bar\\\n\ b\az")", "FOO"), "bar\\\n\\ b\az");
  EXPECT_EQ(value_of(R"(KEY="\x07")", "KEY"), "\\x07"); // non-POSIX escapes kept
  EXPECT_EQ(value_of(R"(FOO="'d'")", "FOO"), "'d'");
}

TEST(Dotenv, UnquotedValueHasNoEscapes) { EXPECT_EQ(value_of(R"(FOO=a\tb)", "FOO"), "a\\tb"); }

TEST(Dotenv, InterpolationFromEarlierKeys) {
  EXPECT_EQ(value_of("FOO=test\nBAR=$FOO", "BAR"), "test");
  EXPECT_EQ(value_of("FOO=test\nBAR=${FOO}bar", "BAR"), "testbar");
  EXPECT_EQ(value_of("FOO=test\nBAR=\"quote $FOO\"", "BAR"), "quote test");
  EXPECT_EQ(value_of("BAR=$FOO", "BAR"), "");
  EXPECT_EQ(value_of("A=1\nB=${A:-x}_${C:-2}", "B"), "1_2");
}

TEST(Dotenv, EscapedDollarIsNotInterpolated) {
  EXPECT_EQ(value_of(R"(FOO="foo\$BAR")", "FOO"), "foo$BAR");
  EXPECT_EQ(value_of(R"(FOO="foo\${BAR}")", "FOO"), "foo${BAR}");
  EXPECT_EQ(value_of("FOO=test\nBAR=\"foo\\${FOO} ${FOO}\"", "BAR"), "foo${FOO} test");
  EXPECT_EQ(value_of("FOO=$$BAR", "FOO"), "$BAR");
}

TEST(Dotenv, LookupWinsOverEarlierKeysForInterpolation) {
  // compose: OPTION_A keeps the file's value, but ${OPTION_A} resolves in the environment.
  auto entries = parse("OPTION_A=1\nOPTION_B=${OPTION_A}\n", {{"OPTION_A", "5"}});
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].value, "1");
  EXPECT_EQ(entries[1].value, "5");
  EXPECT_EQ(value_of("TEST=$ME", "TEST", {{"ME", "YES"}}), "YES");
}

TEST(Dotenv, RequiredVariableErrorHasLocation) {
  EXPECT_EQ(error_of("A=1\nB=\"x ${NOPE:?set it}\""),
            ".env:2:4: required variable NOPE is missing a value: set it");
  EXPECT_EQ(error_of("A=${NOPE?}"), ".env:1:3: required variable NOPE is missing a value");
}

TEST(Dotenv, MultiLineQuotedValues) {
  auto entries = parse("A=\"first line\nsecond line\"\nB='x\ny'\nC=3\n");
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(entries[0].value, "first line\nsecond line");
  EXPECT_EQ(entries[1].value, "x\ny");
  EXPECT_EQ(entries[2].value, "3");
  EXPECT_EQ(entries[2].where.str(), ".env:5:1");
}

TEST(Dotenv, BareKeyTakesLookupValue) {
  auto entries = parse("FROM_ENV\nMISSING\nA=1\n", {{"FROM_ENV", "v"}});
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(entries[0].key, "FROM_ENV");
  EXPECT_TRUE(entries[0].has_value);
  EXPECT_EQ(entries[0].value, "v");
  EXPECT_EQ(entries[1].key, "MISSING");
  EXPECT_FALSE(entries[1].has_value);
  EXPECT_EQ(entries[2].value, "1");
}

TEST(Dotenv, BareKeyOnLastLineWithoutNewline) {
  auto entries = parse("A=1\nLAST");
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[1].key, "LAST");
  EXPECT_FALSE(entries[1].has_value);
}

TEST(Dotenv, EmptyValues) {
  auto entries = parse("A=\nB=''\nC=\"\"\nD=  \n");
  ASSERT_EQ(entries.size(), 4u);
  for (const auto& e : entries) {
    EXPECT_TRUE(e.has_value) << e.key;
    EXPECT_EQ(e.value, "") << e.key;
  }
}

TEST(Dotenv, HashRightAfterSeparatorIsValue) {
  // compose skips the blanks after '=' before looking for " #", so this is not a comment.
  EXPECT_EQ(value_of("D= # comment", "D"), "# comment");
}

TEST(Dotenv, CrlfLineEndings) {
  auto entries = parse("A=1\r\nB=\"two\"\r\nC='3' \r\n");
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(entries[0].value, "1");
  EXPECT_EQ(entries[1].value, "two");
  EXPECT_EQ(entries[2].value, "3");
}

TEST(Dotenv, ByteOrderMarkIsSkipped) {
  auto entries = parse("\xEF\xBB\xBFOPTION_A=1\nOPTION_B=2");
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].key, "OPTION_A");
  EXPECT_EQ(entries[0].where.str(), ".env:1:1");
}

TEST(Dotenv, RepeatedKeyKeepsLastValue) {
  auto entries = parse("A=1\nB=2\nA=3\n");
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].key, "A");
  EXPECT_EQ(entries[0].value, "3");
}

TEST(Dotenv, InvalidKeyCharacterHasLocation) {
  EXPECT_EQ(error_of("GOOD=1\nlol$wut"),
            ".env:2:4: unexpected character '$' in variable name \"lol$wut\" (expected "
            "KEY=value)");
}

TEST(Dotenv, KeyWithSpace) {
  EXPECT_EQ(error_of("A=1\nMY KEY=1"), ".env:2:1: key cannot contain a space: \"MY KEY\"");
}

TEST(Dotenv, EmptyKey) {
  EXPECT_EQ(error_of("=value"), ".env:1:1: missing variable name before '='");
}

TEST(Dotenv, UnterminatedQuotes) {
  for (const char* bad : {"KEY=\"", "KEY=\"value", "KEY=\"value\\\"", "KEY=\"value'", "KEY='",
                          "KEY='value", "KEY='value\\'", "KEY='value\""}) {
    std::string what = error_of(bad);
    EXPECT_EQ(what.rfind(".env:1:5: unterminated quoted value ", 0), 0u) << bad << " → " << what;
  }
}

TEST(Dotenv, TextAfterClosingQuoteIsAnError) {
  EXPECT_EQ(error_of("A=\"x\" y"), ".env:1:7: unexpected text after closing quote: \"y\"");
}

TEST(Dotenv, ReadFileAndMissingFile) {
  auto dir = test::temp_dir("berth-dotenv");
  test::write_file(dir / ".env", "A=1\nB=${A}2\n");
  auto entries = read_env_file((dir / ".env").string(), {});
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[1].value, "12");
  EXPECT_EQ(entries[1].where.str(), (dir / ".env").string() + ":2:1");

  std::string missing = (dir / "nope.env").string();
  EXPECT_TRUE(read_env_file(missing, {}, false).empty());
  try {
    read_env_file(missing, {});
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.message(), "env file " + missing + " not found");
  }
  EXPECT_THROW(read_env_file(dir.string(), {}), Error); // a directory
}

} // namespace
} // namespace berth::compose
