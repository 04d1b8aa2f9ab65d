// Parser behaviour: styles, tags, locations, documents, anchors, merge keys, duplicate keys, errors.
#include <gtest/gtest.h>

#include "yaml/parse.h"

using namespace berth;
using namespace berth::yaml;

namespace {

std::string error_of(std::string_view text, const ParseOptions& options = {}) {
  try {
    parse_stream(text, "t.yaml", options);
  } catch (const Error& e) {
    return e.what();
  }
  return "(no error)";
}

} // namespace

TEST(Parse, ScalarStyles) {
  Node doc = parse_document("a: plain\nb: 'single'\nc: \"double\"\nd: |\n  lit\ne: >\n  fold\n  ed\n",
                            "t.yaml");
  ASSERT_TRUE(doc.is_mapping());
  EXPECT_EQ(doc.find("a")->style(), Style::Plain);
  EXPECT_EQ(doc.find("b")->style(), Style::SingleQuoted);
  EXPECT_EQ(doc.find("c")->style(), Style::DoubleQuoted);
  EXPECT_EQ(doc.find("d")->style(), Style::Literal);
  EXPECT_EQ(doc.find("d")->value(), "lit\n");
  EXPECT_EQ(doc.find("e")->style(), Style::Folded);
  EXPECT_EQ(doc.find("e")->value(), "fold ed\n");
}

TEST(Parse, ResolvedTypes) {
  Node doc = parse_document("[1, '1', 1.5, true, ~, null, x, !!str 2, !!int '3']", "t.yaml");
  ASSERT_EQ(doc.size(), 9u);
  const auto& it = doc.items();
  EXPECT_EQ(it[0].type(), ScalarType::Int);
  EXPECT_EQ(it[1].type(), ScalarType::String);
  EXPECT_EQ(it[2].type(), ScalarType::Float);
  EXPECT_EQ(it[3].type(), ScalarType::Bool);
  EXPECT_EQ(it[4].type(), ScalarType::Null);
  EXPECT_EQ(it[5].type(), ScalarType::Null);
  EXPECT_EQ(it[6].type(), ScalarType::String);
  EXPECT_EQ(it[7].type(), ScalarType::String);
  EXPECT_EQ(it[8].type(), ScalarType::Int);
}

TEST(Parse, Tags) {
  Node doc = parse_document(
      "%TAG !e! tag:example.com,2000:\n---\na: !!str b\nc: !reset null\nd: !e!x y\n"
      "e: !<tag:yaml.org,2002:int> 4\nf: !!map {x: 1}\ng: ! z\n",
      "t.yaml");
  EXPECT_EQ(doc.find("a")->tag(), "!!str");
  EXPECT_EQ(doc.find("c")->tag(), "!reset");
  EXPECT_EQ(doc.find("d")->tag(), "tag:example.com,2000:x");
  EXPECT_EQ(doc.find("e")->tag(), "!!int");
  EXPECT_EQ(doc.find("f")->tag(), "!!map");
  EXPECT_EQ(doc.find("g")->tag(), "!");
  EXPECT_EQ(doc.find("g")->type(), ScalarType::String);
}

TEST(Parse, Locations) {
  Node doc = parse_document("top:\n  key: value\n  list:\n    - one\n    - &a two\n", "loc.yaml");
  const Node* top = doc.find("top");
  ASSERT_NE(top, nullptr);
  EXPECT_EQ(doc.loc().str(), "loc.yaml:1:1");
  EXPECT_EQ(top->loc().str(), "loc.yaml:2:3");
  EXPECT_EQ(top->find("key")->loc().str(), "loc.yaml:2:8");
  EXPECT_EQ(top->entries()[0].key.loc().str(), "loc.yaml:2:3");
  const Node* list = top->find("list");
  EXPECT_EQ(list->loc().str(), "loc.yaml:4:5");
  EXPECT_EQ(list->items()[0].loc().str(), "loc.yaml:4:7");
  EXPECT_EQ(list->items()[1].loc().str(), "loc.yaml:5:7"); // the anchor starts the node
}

TEST(Parse, QuotedScalarsStartAtTheirQuote) {
  Node doc = parse_document("a: \"x\"\nb: 'y'\nc: &k \"z\"\n", "q.yaml");
  EXPECT_EQ(doc.find("a")->loc().str(), "q.yaml:1:4");
  EXPECT_EQ(doc.find("b")->loc().str(), "q.yaml:2:4");
  EXPECT_EQ(doc.find("c")->loc().str(), "q.yaml:3:4"); // the anchor starts the node
}

TEST(Parse, MultiDocument) {
  auto docs = parse_stream("%YAML 1.2\n---\na: 1\n...\n---\n- x\n---\n...\n", "t.yaml");
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_TRUE(docs[0].is_mapping());
  EXPECT_TRUE(docs[1].is_sequence());
  EXPECT_TRUE(docs[2].is_null());
  EXPECT_TRUE(parse_stream("", "t.yaml").empty());
  EXPECT_TRUE(parse_stream("# only a comment\n", "t.yaml").empty());
  EXPECT_TRUE(parse_document("", "t.yaml").is_null());
  EXPECT_NE(error_of("a\n---\nb\n").find("exactly"), std::string::npos + 1); // stream is fine
  try {
    parse_document("a\n---\nb\n", "t.yaml");
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("single YAML document, found 2"), std::string::npos);
  }
}

TEST(Parse, AnchorsAndAliases) {
  Node doc = parse_document("a: &x {k: [1, 2]}\nb: *x\nc: &s str\nd: *s\n&k key: *s\n", "t.yaml");
  EXPECT_EQ(*doc.find("a"), *doc.find("b"));
  EXPECT_EQ(doc.find("d")->value(), "str");
  EXPECT_EQ(doc.find("key")->value(), "str");
  // The copy is independent of the original.
  doc.find("b")->find("k")->items().clear();
  EXPECT_EQ(doc.find("a")->find("k")->size(), 2u);
  // Redefined anchors: later definition wins from then on.
  Node re = parse_document("- &a 1\n- *a\n- &a 2\n- *a\n", "t.yaml");
  EXPECT_EQ(re.items()[1].value(), "1");
  EXPECT_EQ(re.items()[3].value(), "2");
}

TEST(Parse, UndefinedAliasIsAnError) {
  std::string e = error_of("a: 1\nb: *nope\n");
  EXPECT_NE(e.find("t.yaml:2:4"), std::string::npos) << e;
  EXPECT_NE(e.find("undefined alias '*nope'"), std::string::npos) << e;
  // Anchors do not cross documents.
  EXPECT_NE(error_of("a: &x 1\n---\nb: *x\n").find("undefined alias"), std::string::npos);
}

TEST(Parse, MergeKeySingle) {
  Node doc = parse_document("base: &b {x: 1, y: 2}\nd:\n  <<: *b\n  y: 3\n  z: 4\n", "t.yaml");
  const Node* d = doc.find("d");
  ASSERT_EQ(d->size(), 3u);
  EXPECT_FALSE(d->has("<<"));
  EXPECT_EQ(d->find("x")->value(), "1");
  EXPECT_EQ(d->find("y")->value(), "3"); // explicit wins
  EXPECT_EQ(d->find("z")->value(), "4");
  EXPECT_EQ(d->entries()[0].key.value(), "x"); // merged entries replace `<<` in place
  EXPECT_EQ(d->find("x")->loc().str(), "t.yaml:1:14"); // merged entries keep their locations
}

TEST(Parse, MergeKeyListPrecedence) {
  Node doc = parse_document(
      "a: &a {x: a, y: a}\nb: &b {x: b, z: b}\nc:\n  y: c\n  <<: [*a, *b, {w: inline, x: i}]\n",
      "t.yaml");
  const Node* c = doc.find("c");
  EXPECT_EQ(c->find("x")->value(), "a"); // earlier source wins
  EXPECT_EQ(c->find("y")->value(), "c"); // explicit key before << still wins
  EXPECT_EQ(c->find("z")->value(), "b");
  EXPECT_EQ(c->find("w")->value(), "inline");
  EXPECT_EQ(c->size(), 4u);
}

TEST(Parse, MergeKeyNested) {
  Node doc = parse_document(
      "a: &a {x: 1}\nb: &b\n  <<: *a\n  y: 2\nc:\n  <<: *b\n  z: 3\n", "t.yaml");
  const Node* c = doc.find("c");
  EXPECT_EQ(c->size(), 3u);
  EXPECT_EQ(c->find("x")->value(), "1");
  EXPECT_EQ(c->find("y")->value(), "2");
}

TEST(Parse, MergeKeyDisabledOrQuoted) {
  ParseOptions o;
  o.merge_keys = false;
  Node doc = parse_document("a: &a {x: 1}\nb:\n  <<: *a\n", "t.yaml", o);
  EXPECT_TRUE(doc.find("b")->has("<<"));
  Node quoted = parse_document("a: &a {x: 1}\nb:\n  '<<': *a\n", "t.yaml");
  EXPECT_TRUE(quoted.find("b")->has("<<"));
}

TEST(Parse, MergeKeyBadSource) {
  std::string e = error_of("a:\n  <<: scalar\n");
  EXPECT_NE(e.find("t.yaml:2:7"), std::string::npos) << e;
  EXPECT_NE(e.find("found a scalar"), std::string::npos) << e;
  EXPECT_NE(error_of("a:\n  <<: [{x: 1}, [1]]\n").find("found a sequence"), std::string::npos);
}

TEST(Parse, MergedKeysAreNotDuplicates) {
  Node doc = parse_document("a: &a {x: 1}\nb:\n  <<: *a\n  x: 2\n", "t.yaml");
  EXPECT_EQ(doc.find("b")->find("x")->value(), "2");
}

TEST(Parse, DuplicateKeys) {
  std::string e = error_of("image: a\nports: []\nimage: b\n");
  EXPECT_NE(e.find("t.yaml:3:1"), std::string::npos) << e;
  EXPECT_NE(e.find("1:1"), std::string::npos) << e;
  EXPECT_NE(e.find("\"image\""), std::string::npos) << e;
  // Quoting does not make a different key; type does.
  EXPECT_NE(error_of("a: 1\n'a': 2\n"), "(no error)");
  EXPECT_EQ(error_of("1: a\n'1': b\n"), "(no error)");
  EXPECT_NE(error_of("~: a\nnull: b\n"), "(no error)");
  EXPECT_NE(error_of("? [1, 2]\n: a\n? [1, 2]\n: b\n"), "(no error)");
  // Large mappings use the hash index.
  std::string big;
  for (int i = 0; i < 100; ++i) big += "k" + std::to_string(i) + ": v\n";
  EXPECT_EQ(error_of(big), "(no error)");
  EXPECT_NE(error_of(big + "k42: again\n").find("first defined at 43:1"), std::string::npos);
  ParseOptions o;
  o.reject_duplicate_keys = false;
  EXPECT_EQ(parse_document("a: 1\na: 2\n", "t.yaml", o).size(), 2u);
}

TEST(Parse, SyntaxErrorsCarryPositions) {
  std::string e = error_of("a: 1\n  b: 2\n");
  EXPECT_EQ(e.rfind("t.yaml:", 0), 0u) << e;
  EXPECT_NE(e.find("invalid YAML"), std::string::npos) << e;
  e = error_of("key: [1, 2\nother: 3\n");
  EXPECT_EQ(e.rfind("t.yaml:", 0), 0u) << e;
  e = error_of("a: \"unterminated\n");
  EXPECT_EQ(e.rfind("t.yaml:", 0), 0u) << e;
}

TEST(Parse, File) {
  EXPECT_THROW(parse_file("/nonexistent/berth.yaml"), Error);
}

TEST(Parse, SingleQuotedDecoding) {
  // Decoded by berth itself (libfyaml 0.7.12 leaks on long runs of '').
  const std::string text = "a: 'it''s'\nb: '" + std::string(22, '\'') +
                           " x'\nc: 'one\n  two\n\n  three  \n  '\nd: ''\n";
  Node doc = parse_document(text, "t.yaml");
  EXPECT_EQ(doc.find("a")->value(), "it's");
  EXPECT_EQ(doc.find("b")->value(), "'''''''''''" " x");
  EXPECT_EQ(doc.find("c")->value(), "one two\nthree ");
  EXPECT_EQ(doc.find("d")->value(), "");
}
