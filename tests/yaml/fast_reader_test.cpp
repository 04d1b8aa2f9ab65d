// Unit tests of the fast reader: each construct of its subset gives libfyaml's exact tree (values,
// styles, locations), each construct outside it declines, hostile input stays bounded, and
// parse_stream(_each) hands declined documents to libfyaml without changing the result.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tree_diff.h"
#include "yaml/fast_reader.h"
#include "yaml/libfyaml_path.h"
#include "yaml/parse.h"
#include "yaml/stream_each.h"

using namespace berth;
using namespace berth::yaml;

namespace {

// The fast reader's documents for `text`; fails the test when it declines any of them.
std::vector<Node> fast_docs(const std::string& text, const ParseOptions& options = {}) {
  FastReader reader(text, intern("t.yaml"), options);
  std::vector<Node> docs;
  for (;;) {
    Node doc;
    FastReader::Step step = reader.next(doc);
    if (step == FastReader::Step::End) break;
    if (step == FastReader::Step::Declined) {
      ADD_FAILURE() << "declined (" << reader.decline_reason() << " at "
                    << reader.decline_location().str() << "):\n"
                    << text;
      break;
    }
    docs.push_back(std::move(doc));
  }
  return docs;
}

// Reads `text` with the fast reader and expects exactly libfyaml's trees.
void expect_same(const std::string& text, const ParseOptions& options = {}) {
  SCOPED_TRACE(text);
  std::vector<Node> fast = fast_docs(text, options);
  std::vector<Node> slow = parse_stream_libfyaml(text, "t.yaml", options);
  ASSERT_EQ(fast.size(), slow.size());
  for (std::size_t i = 0; i < fast.size(); ++i)
    EXPECT_EQ(test::tree_diff(slow[i], fast[i]), "");
}

// The reason the fast reader declines the first document of `text` ("" when it does not).
std::string decline_of(const std::string& text, const ParseOptions& options = {}) {
  FastReader reader(text, intern("t.yaml"), options);
  Node doc;
  for (;;) {
    FastReader::Step step = reader.next(doc);
    if (step == FastReader::Step::Declined) return reader.decline_reason();
    if (step == FastReader::Step::End) return "";
  }
}

std::string error_of(const std::string& text, const ParseOptions& options = {}) {
  try {
    parse_stream(text, "t.yaml", options);
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

std::string libfyaml_error_of(const std::string& text, const ParseOptions& options = {}) {
  try {
    parse_stream_libfyaml(text, "t.yaml", options);
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

} // namespace

TEST(FastReader, BlockMappingsAndLocations) {
  const std::string text = "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n"
                           "  labels:\n    app.kubernetes.io/name: web\n";
  expect_same(text);
  std::vector<Node> docs = fast_docs(text);
  ASSERT_EQ(docs.size(), 1u);
  const Node* name = docs[0].find("metadata")->find("name");
  ASSERT_NE(name, nullptr);
  EXPECT_EQ(name->value(), "web");
  EXPECT_EQ(name->loc().line, 4u);
  EXPECT_EQ(name->loc().column, 9u);
  EXPECT_EQ(*name->loc().file, "t.yaml");
  expect_same("  indented: root\n  second: 2\n");
  expect_same("key with spaces : value\n\"quoted\": 1\n'single': 2\n\"a: b\": c\n");
}

TEST(FastReader, BlockSequences) {
  expect_same("items:\n  - a\n  - b\n");
  expect_same("containers:\n- name: web\n  image: nginx\n- name: side\n  image: envoy\nnext: 1\n");
  expect_same("- - a\n  - b\n- - - c\n");
  expect_same("- a\n-\n- \n- # comment\n- b\n");
  expect_same("k:\n  -\n    nested: map\n  - x\n");
  expect_same("- k:\n  - v\n  k2: x\n");
}

TEST(FastReader, PlainScalars) {
  expect_same("a: b:c\nd: e#f\ng: h # comment\ni: http://x.y/z?a=b#frag\nj: trailing   \n"
              "k: -x\nl: ?x\nm: :x\nn: a,b]c}d{e[\no: 'it''s'\np: x  y\nq: ---x\n");
  expect_same("n1: 12\nn2: -3.5e2\nb: true\nz: null\nt: ~\ne:\nf: 0x1F\n");
  expect_same("é: ü\nb: \xe2\x80\x94x\nc: \"\xe2\x80\x94\"\nd: 中文:x\n"); // columns in characters
}

TEST(FastReader, MultiLinePlainScalars) {
  expect_same("description: Operation contains information about a requested or running\n"
              "  operation\nnext: 1\n");
  expect_same("d: first\n\n  after an empty line\n  `Pod` [objects] {x} & * ! | > ' \" % @\n");
  expect_same("- item text\n  continued\n- x\n");
  expect_same("k:\n  on its own line\n  continued # comment\nz: 1\n");
  expect_same("root plain\nscalar\n");
}

TEST(FastReader, QuotedScalars) {
  expect_same("a: \"\\x41\\u00e9\\U0001F600\\N\\_\\L\\P\\a\\b\\e\\f\\v\\/\\ \\t\\\t|\\\\\\\"\"\n");
  expect_same("a: 'single ''quoted'' # not a comment'\nb: \"#x\" # c\nc: ''\nd: \"\"\n");
  expect_same("refresh:\n  description: 'Refresh indicates if the latest revision should\n"
              "    be used on retry (default: false)'\n");
  expect_same("d: \"folded  \n  line\n\n  para \\\n  joined\\n\"\n");
  expect_same("s: 'a  \n\n\n   b  \n   '\n");
}

TEST(FastReader, LiteralBlockScalars) {
  expect_same(
      "a: |\n  l1\n\n  l2\n    deeper\n  # not a comment\nb: |-\n  x\n\n\nc: |+\n  y\n\n\nd: 1\n");
  expect_same("a: |  # header comment\n\n\n  after empty lines\n");
  expect_same("- |\n  in a sequence\n- |-\n  stripped\n");
  expect_same("data:\n  nginx.conf: |\n    server {\n      listen 80;\n    }\n  other: x\n");
  expect_same("a: |\n  x\ty\n  \ttab after the indentation\n");
}

TEST(FastReader, FlowCollections) {
  expect_same("a: [1, 2, {x: y}]\nb: {c: d, e: [f, g], h: }\nc: []\nd: {}\ne: [a, b, ]\n");
  expect_same(
      "{\n  \"kind\": \"List\",\n  \"items\": [\n    {\"a\": 1},\n    {\"b\": [true, null]}\n"
      "  ],\n  \"n\": -1.5e3\n}\n");
  expect_same("k: [1,\n  2]\nj: {a: 1,\n  b: 2}\n");
  expect_same("{\"a\":1,\"b\":\"c\"}\n");
  expect_same("urls: [http://a/b, 'c', \"d\"] # comment\n");
}

TEST(FastReader, KubectlExportShapes) {
  // `kubectl get -o yaml`: managedFields keys with colons, braces and quotes; wrapped strings.
  expect_same("metadata:\n  managedFields:\n  - apiVersion: v1\n    fieldsType: FieldsV1\n"
              "    fieldsV1:\n      f:metadata:\n        f:labels:\n          .: {}\n"
              "          f:app: {}\n      f:status:\n        f:conditions:\n"
              "          k:{\"type\":\"Ready\"}:\n            .: {}\n            f:status: {}\n"
              "    manager: kube-controller-manager\n    time: \"2024-05-01T10:00:00Z\"\n"
              "  annotations:\n    kubectl.kubernetes.io/last-applied-configuration: |\n"
              "      {\"apiVersion\":\"v1\",\"kind\":\"Service\"}\n"
              "    description: this annotation is long enough that the emitter wrapped it onto\n"
              "      a second line\n");
  // `kubectl get -o json`.
  expect_same("{\n    \"apiVersion\": \"v1\",\n    \"items\": [\n        {\n"
              "            \"metadata\": {\"name\": \"a\\u003cb\", \"labels\": {}},\n"
              "            \"spec\": {\"ports\": [{\"port\": 80}]}\n        }\n    ],\n"
              "    \"kind\": \"List\"\n}\n");
}

TEST(FastReader, Documents) {
  expect_same("a: 1\n---\nb: 2\n...\n---\nc: 3\n");
  expect_same("--- # first\na: 1\n--- plain root\n--- [flow, root]\n--- \"quoted root\"\n");
  expect_same("a\n---\n---\n"); // empty documents take the previous node's position
  expect_same("# only a comment\n");
  expect_same("...\n");
  expect_same("--- \n...\n");
  EXPECT_TRUE(fast_docs("").empty());
}

TEST(FastReader, EmptyValuesTakeThePreviousPosition) {
  // libfyaml gives empty scalars no position; the tree builder uses the previous node's.
  std::vector<Node> docs = fast_docs("a:\nb:   # c\nc: {d: , e: f}\n");
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].find("a")->loc().line, 1u);
  EXPECT_EQ(docs[0].find("b")->loc().line, 2u);
  expect_same("a:\nb:   # c\nc: {d: , e: f}\n");
}

TEST(FastReader, Declines) {
  EXPECT_EQ(decline_of("a: &x 1\n"), "anchor");
  EXPECT_EQ(decline_of("a: *x\n"), "alias");
  EXPECT_EQ(decline_of("a: !!str 1\n"), "tag");
  EXPECT_EQ(decline_of("? a\n: b\n"), "complex key");
  EXPECT_EQ(decline_of("a: >\n  folded\n"), "folded scalar");
  EXPECT_EQ(decline_of("a:\n\tb: 1\n"), "tab in indentation");
  EXPECT_EQ(decline_of("a: 1\r\n"), "CR line break");
  EXPECT_EQ(decline_of("%YAML 1.2\n---\na: 1\n"), "directive");
  EXPECT_EQ(decline_of("a: 1\na: 2\n"), "duplicate key");
  EXPECT_EQ(decline_of("a: 1\n\"a\": 2\n"), "duplicate key");
  EXPECT_EQ(decline_of("<<: {a: 1}\n"), "merge key");
  EXPECT_EQ(decline_of("~: 1\n"), "null key");
  EXPECT_EQ(decline_of("a: |2\n   x\n"), "indentation indicator");
  EXPECT_EQ(decline_of("--- |\n  root\n"), "block scalar in this position");
  EXPECT_EQ(decline_of("a: |\n\ttab first\n"), "tab or CR in a block scalar's indentation");
  EXPECT_EQ(decline_of("a: [b\n  c]\n"), "multi-line plain scalar in a flow collection");
  EXPECT_EQ(decline_of("a:\n-\n"), "empty entry in a sequence at its key's indentation");
  EXPECT_EQ(decline_of("a: \"\\0\"\n"), "unknown escape");
  EXPECT_EQ(decline_of("a: \"\\u0000\"\n"), "escape of NUL, a surrogate or beyond Unicode");
  EXPECT_EQ(decline_of("a: x\xc2\x85y\n"), "C1 control character");
  EXPECT_EQ(decline_of("a: \xef\xbb\xbfx\n"), "byte order mark or noncharacter");
  EXPECT_EQ(decline_of("a: b: c\n"), "mapping on the key's line");
  EXPECT_EQ(decline_of("a: [x, "), "unterminated flow collection");
  // Without merge keys, "<<" is an ordinary key; without duplicate checks, repeats are kept.
  ParseOptions yaml12;
  yaml12.merge_keys = false;
  EXPECT_EQ(decline_of("<<: 1\n", yaml12), "");
  ParseOptions lax;
  lax.reject_duplicate_keys = false;
  expect_same("a: 1\na: 2\n", lax);
}

TEST(FastReader, BoundsDecline) {
  ParseOptions o;
  o.max_depth = 3;
  EXPECT_EQ(decline_of("a: {b: [c]}\n", o), "");
  EXPECT_EQ(decline_of("a: {b: [[c]]}\n", o), "nesting deeper than the fast reader's limit");
  EXPECT_EQ(error_of("a: {b: [[c]]}\n", o), libfyaml_error_of("a: {b: [[c]]}\n", o));
  o = ParseOptions();
  o.max_scalar_bytes = 4;
  EXPECT_EQ(decline_of("a: abcd\n", o), "");
  EXPECT_EQ(decline_of("a: abcde\n", o), "scalar larger than max_scalar_bytes");
  EXPECT_EQ(error_of("a: abcde\n", o), libfyaml_error_of("a: abcde\n", o));
}

TEST(FastReader, HostileInputStaysBounded) {
  // Deep flow nesting: the reader stops recursing at its limit and libfyaml reports the bound.
  const std::string deep_flow = std::string(100000, '[') + std::string(100000, ']') + "\n";
  EXPECT_EQ(decline_of(deep_flow), "nesting deeper than the fast reader's limit");
  const std::string e = error_of(deep_flow);
  EXPECT_NE(e.find("nested deeper than 512"), std::string::npos) << e;
  EXPECT_EQ(e, libfyaml_error_of(deep_flow));
  // Deep block nesting.
  std::string deep_block;
  for (int i = 0; i < 1000; ++i)
    deep_block += std::string(static_cast<std::size_t>(i), ' ') + "k:\n";
  EXPECT_EQ(decline_of(deep_block), "nesting deeper than the fast reader's limit");
  EXPECT_EQ(error_of(deep_block), libfyaml_error_of(deep_block));
  // A huge scalar over the limit: the same error as the libfyaml path.
  const std::string huge = "a: " + std::string((32u << 20) + 1, 'x') + "\n";
  EXPECT_EQ(decline_of(huge), "scalar larger than max_scalar_bytes");
  EXPECT_EQ(error_of(huge), libfyaml_error_of(huge));
  // Invalid UTF-8 and NUL are reported before any reader runs, at their position.
  EXPECT_EQ(error_of("a: 1\nb: x\xff\n"),
            "t.yaml:2:5: invalid UTF-8 byte 0xFF (YAML input must be UTF-8 encoded)");
  EXPECT_EQ(error_of("a: 1\nb: x\xff\n"), libfyaml_error_of("a: 1\nb: x\xff\n"));
  EXPECT_EQ(error_of(std::string("a: \0", 4)), libfyaml_error_of(std::string("a: \0", 4)));
  // Unterminated constructs decline instead of reading past the end.
  for (const char* t : {"a: \"abc", "a: 'abc", "a: [1, 2", "a: {b: 1", "a: |\n", "a: \"\\",
                        "a: \"\\u12", "- [", "\"", "a: \"\xc3"})
    EXPECT_NE(decline_of(t), "") << t;
}

TEST(FastReader, DeclinedDocumentsGoToLibfyamlWithTheirLineNumbers) {
  const std::string text = "a: 1\n---\nb: &x 2\nc: *x\n---\nd: [1,\n  2]\n---\ne: >\n  f\n";
  ReadStats stats;
  std::vector<Node> docs;
  read_stream(
      text, "t.yaml", [&](Node&& d) { docs.push_back(std::move(d)); }, {}, &stats);
  EXPECT_EQ(stats.fast_documents, 2u);
  EXPECT_EQ(stats.libfyaml_documents, 2u);
  ASSERT_EQ(stats.declines.size(), 2u);
  EXPECT_EQ(stats.declines[0], "anchor");
  EXPECT_EQ(stats.declines[1], "folded scalar");
  std::vector<Node> slow = parse_stream_libfyaml(text, "t.yaml");
  ASSERT_EQ(docs.size(), slow.size());
  for (std::size_t i = 0; i < docs.size(); ++i)
    EXPECT_EQ(test::tree_diff(slow[i], docs[i]), "");
  EXPECT_EQ(docs[1].entries()[1].key.loc().line, 4u); // "c" (its value is a copy of line 3's)
  EXPECT_EQ(docs[3].entries()[0].key.loc().line, 9u); // "e"
}

TEST(FastReader, ErrorsComeFromLibfyamlWithStreamPositions) {
  const std::string text = "a: 1\n---\nb: 2\n---\nc: [1, 2\n---\nd: 4\n";
  const std::string e = error_of(text);
  EXPECT_NE(e, "");
  EXPECT_EQ(e, libfyaml_error_of(text));
  EXPECT_EQ(e.rfind("t.yaml:", 0), 0u) << e;
  const std::string dup = "x: 1\n---\na: 1\nb: 2\na: 3\n";
  EXPECT_EQ(error_of(dup), libfyaml_error_of(dup));
  EXPECT_NE(error_of(dup).find("t.yaml:5:1: duplicate key"), std::string::npos) << error_of(dup);
}

TEST(FastReader, StreamEachDeliversDocumentsBeforeALaterError) {
  // Documents are handed over as they are read, so a caller holds one tree at a time and sees
  // the good documents before a malformed one fails.
  const std::string text = "a: 1\n---\nb: &x 2\n---\nc: 3\n---\nd: [\n";
  std::vector<std::string> seen;
  EXPECT_THROW(parse_stream_each(text, "t.yaml",
                                 [&](Node&& d) { seen.push_back(d.entries()[0].key.value()); }),
               Error);
  EXPECT_EQ(seen, (std::vector<std::string>{"a", "b", "c"}));
}
