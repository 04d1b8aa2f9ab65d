// Hostile and degenerate input: alias bombs, deep nesting, huge scalars, bad bytes, odd files.
#include <gtest/gtest.h>

#include <string>

#include "support/test_support.h"
#include "yaml/parse.h"

using namespace berth;
using namespace berth::yaml;

namespace {

std::string error_of(std::string_view text, const ParseOptions& options = {}) {
  try {
    parse_stream(text, "h.yaml", options);
  } catch (const Error& e) {
    return e.what();
  }
  return "(no error)";
}

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

} // namespace

TEST(Hostile, BillionLaughs) {
  const std::string bomb =
      "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
      "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
      "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
      "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
      "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
      "f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n"
      "g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n"
      "h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\n"
      "i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]\n";
  EXPECT_LE(bomb.size(), 342u);
  std::string e = error_of(bomb);
  EXPECT_TRUE(contains(e, "alias expansion exceeds 1000000 nodes (billion-laughs protection)")) << e;
  EXPECT_TRUE(contains(e, "h.yaml:")) << e;
}

TEST(Hostile, AliasBombOfHugeScalars) {
  // Few nodes but many bytes: the byte budget catches it.
  std::string text = "a: &a " + std::string(1 << 20, 'x') + "\nb: [";
  for (int i = 0; i < 200; ++i) text += "*a,";
  text += "*a]\n";
  EXPECT_TRUE(contains(error_of(text), "billion-laughs protection"));
}

TEST(Hostile, NestedAnchorsAreCharged) {
  ParseOptions o;
  o.max_alias_nodes = 1000;
  std::string text;
  for (int i = 0; i < 100; ++i) text += "&a" + std::to_string(i) + " [";
  for (int i = 0; i < 100; ++i) text += "x, ";
  text += "y" + std::string(100, ']') + "\n";
  EXPECT_TRUE(contains(error_of(text, o), "billion-laughs protection"));
}

TEST(Hostile, DeepFlowNesting) {
  std::string text = std::string(10000, '[') + std::string(10000, ']');
  std::string e = error_of(text);
  EXPECT_TRUE(contains(e, "nested deeper than 512 levels")) << e;
  EXPECT_TRUE(contains(e, "h.yaml:1:513")) << e;
  text = std::string(10000, '{');
  EXPECT_TRUE(contains(error_of(text), "nested deeper than 512"));
}

TEST(Hostile, DeepBlockNesting) {
  std::string text;
  for (int i = 0; i < 10000; ++i) text += "- ";
  text += "x\n";
  EXPECT_TRUE(contains(error_of(text), "nested deeper than 512 levels"));
  std::string indented;
  for (int i = 0; i < 2000; ++i) indented += std::string(i, ' ') + "k:\n";
  EXPECT_TRUE(contains(error_of(indented), "nested deeper than 512 levels"));
}

TEST(Hostile, NestingAtTheLimitIsFine) {
  std::string text = std::string(512, '[') + std::string(512, ']');
  EXPECT_EQ(error_of(text), "(no error)");
}

TEST(Hostile, HugeScalar) {
  std::string text = "a: " + std::string(100u << 20, 'x') + "\n";
  std::string e = error_of(text);
  EXPECT_TRUE(contains(e, "h.yaml:1:4: scalar of 104857600 bytes exceeds the limit")) << e.substr(0, 200);
}

TEST(Hostile, InputTooLarge) {
  ParseOptions o;
  o.max_input_bytes = 100;
  EXPECT_TRUE(contains(error_of(std::string(200, '#'), o), "exceeds the limit of 100 bytes"));
}

TEST(Hostile, InvalidUtf8) {
  std::string e = error_of("a: b\nc: d\xff\n");
  EXPECT_TRUE(contains(e, "h.yaml:2:5: invalid UTF-8 byte 0xFF")) << e;
  e = error_of("a: \xC3\xA9t\xC3\xA9\nb: \xC0\xAF\n"); // é counts as one column; overlong '/'
  EXPECT_TRUE(contains(e, "h.yaml:2:4: invalid UTF-8")) << e;
  EXPECT_TRUE(contains(error_of("a: \xED\xA0\x80\n"), "invalid UTF-8")); // surrogate
  EXPECT_TRUE(contains(error_of("a: \xE2\x82"), "invalid UTF-8"));        // truncated
  EXPECT_EQ(error_of("a: \xE2\x82\xAC \xF0\x9F\x98\x80\n"), "(no error)");
}

TEST(Hostile, NulByte) {
  std::string text("a: b\0c\n", 7);
  EXPECT_TRUE(contains(error_of(text), "h.yaml:1:5: NUL byte"));
}

TEST(Hostile, ByteOrderMark) {
  Node doc = parse_document("\xEF\xBB\xBF" "a: 1\n", "h.yaml");
  ASSERT_TRUE(doc.is_mapping());
  EXPECT_EQ(doc.find("a")->loc().str(), "h.yaml:1:4");
}

TEST(Hostile, DuplicateKeys) {
  std::string e = error_of("services:\n  web:\n    image: a\n    image: b\n");
  EXPECT_TRUE(contains(e, "h.yaml:4:5: duplicate key \"image\"")) << e;
  EXPECT_TRUE(contains(e, "first defined at 3:5")) << e;
}

TEST(Hostile, ManyKeysParse) {
  std::string text;
  for (int i = 0; i < 6000; ++i) text += "key" + std::to_string(i) + ": " + std::to_string(i) + "\n";
  Node doc = parse_document(text, "h.yaml");
  EXPECT_EQ(doc.size(), 6000u);
  EXPECT_EQ(doc.find("key5999")->value(), "5999");
}

TEST(Hostile, UndefinedAlias) {
  EXPECT_TRUE(contains(error_of("a: *missing\n"), "h.yaml:1:4: undefined alias '*missing'"));
  EXPECT_TRUE(contains(error_of("a: &r [*r]\n"), "undefined alias '*r'")); // no self-reference
}

TEST(Hostile, EmptyFile) {
  auto dir = test::temp_dir();
  test::write_file(dir / "empty.yaml", "");
  EXPECT_TRUE(parse_file((dir / "empty.yaml").string()).empty());
  EXPECT_TRUE(parse_document("", "empty.yaml").is_null());
}

TEST(Hostile, DirectoryInsteadOfFile) {
  auto dir = test::temp_dir();
  try {
    parse_file(dir.string());
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_TRUE(contains(e.what(), "is a directory, expected a YAML file")) << e.what();
    EXPECT_TRUE(contains(e.what(), dir.string())) << e.what();
  }
}

TEST(Hostile, MissingFile) {
  try {
    parse_file("/nonexistent/dir/compose.yaml");
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()), "/nonexistent/dir/compose.yaml: no such file");
  }
}

TEST(Hostile, ReadsFileContent) {
  auto dir = test::temp_dir();
  test::write_file(dir / "a.yaml", "x: 1\n---\ny: 2\n");
  auto docs = parse_file((dir / "a.yaml").string());
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[1].entries()[0].key.loc().str(), (dir / "a.yaml").string() + ":3:1");
}

TEST(Hostile, LibfyamlDoubleFreeInputIsContained) {
  // Found by fuzz_yaml: libfyaml 0.7.12 double-frees when destroying the parser after this error.
  std::string e = error_of("? -[:\t-");
  EXPECT_TRUE(contains(e, "h.yaml:1:")) << e;
  EXPECT_TRUE(contains(e, "tab")) << e;
  EXPECT_TRUE(contains(error_of("? x[:\t-\n"), "invalid YAML"));
}
