// The schema JSON reader: values, escapes, locations, skipped descriptions/paths, errors.
#include <gtest/gtest.h>

#include <random>

#include "check/schema/json_reader.h"
#include "common/error.h"

namespace berth::check::schema {
namespace {

std::string error_of(std::string_view text) {
  try {
    read_json(text, "x.json");
  } catch (const Error& e) {
    return e.what();
  }
  return "no error";
}

TEST(SchemaJsonReader, ValuesAndTypes) {
  yaml::Node n = read_json(R"({"s": "80", "i": 80, "f": -1.5e3, "t": true, "n": null,
    "a": [1, {"b": []}], "e": {}})",
                           "x.json");
  ASSERT_TRUE(n.is_mapping());
  EXPECT_EQ(n.find("s")->type(), yaml::ScalarType::String);
  EXPECT_EQ(n.find("i")->type(), yaml::ScalarType::Int);
  EXPECT_EQ(n.find("f")->type(), yaml::ScalarType::Float);
  EXPECT_EQ(n.find("t")->type(), yaml::ScalarType::Bool);
  EXPECT_TRUE(n.find("n")->is_null());
  EXPECT_EQ(n.find("a")->size(), 2u);
  EXPECT_TRUE(n.find("e")->is_mapping());
  EXPECT_EQ(n.find("a")->loc().line, 2u);
  EXPECT_EQ(n.find("a")->loc().column, 10u);
}

TEST(SchemaJsonReader, EscapesAndUnicode) {
  yaml::Node n = read_json(R"(["a\"b\\c\/\n\t", "\u00e9\u20ac", "\ud83d\ude00"])", "x.json");
  EXPECT_EQ(n.items()[0].value(), "a\"b\\c/\n\t");
  EXPECT_EQ(n.items()[1].value(), "é€");
  EXPECT_EQ(n.items()[2].value(), "😀");
}

TEST(SchemaJsonReader, SkipsAnnotationsAndPathsButNotPropertiesNamedSo) {
  yaml::Node n = read_json(R"({"paths": {"/a": {"get": {}}}, "definitions": {"P": {
    "description": "long \"text\" \\", "x-kubernetes-list-map-keys": ["a"], "default": {},
    "properties": {"description": {"type": "string", "description": "x"},
                   "default": {"type": "object", "additionalProperties": {"default": 1}}}}}})",
                           "x.json");
  EXPECT_EQ(n.find("paths"), nullptr);
  const yaml::Node* p = n.find("definitions")->find("P");
  EXPECT_EQ(p->find("description"), nullptr);
  const yaml::Node* prop = p->find("properties")->find("description");
  ASSERT_NE(prop, nullptr);
  EXPECT_EQ(prop->find("description"), nullptr);
  EXPECT_EQ(prop->text("type"), "string");
  EXPECT_EQ(p->find("x-kubernetes-list-map-keys"), nullptr);
  EXPECT_EQ(p->find("default"), nullptr);
  const yaml::Node* def = p->find("properties")->find("default");
  ASSERT_NE(def, nullptr);
  EXPECT_EQ(def->find("additionalProperties")->find("default"), nullptr);
}

TEST(SchemaJsonReader, ErrorsHavePositions) {
  EXPECT_EQ(error_of("{\"a\": 1,}"), "x.json:1:9: expected a string key");
  EXPECT_EQ(error_of("{\"a\": 01}"), "x.json:1:7: malformed number (leading zero)");
  EXPECT_EQ(error_of("[1 2]"), "x.json:1:4: expected ',' or ']' in an array");
  EXPECT_EQ(error_of("{\"a\"\n 1}"), "x.json:2:2: expected ':' after an object key");
  EXPECT_EQ(error_of("\"abc"), "x.json:1:5: unterminated string");
  EXPECT_EQ(error_of("\"\\ud800\""), "x.json:1:8: unpaired surrogate in \\u escape");
  EXPECT_EQ(error_of("{} x"), "x.json:1:4: unexpected text after the JSON value");
  EXPECT_EQ(error_of("{\"a\": 1, \"a\": 2}"), "x.json:1:10: duplicate key \"a\"");
  EXPECT_EQ(error_of(""), "x.json:1:1: unexpected end of JSON");
  EXPECT_NE(error_of(std::string(600, '[') + std::string(600, ']')).find("deeper"),
            std::string::npos);
}

TEST(SchemaJsonReader, DuplicateKeysInLargeObjects) {
  std::string text = "{";
  for (int i = 0; i < 100; ++i)
    text += "\"k" + std::to_string(i) + "\": 1,";
  text += "\"k50\": 2}";
  EXPECT_NE(error_of(text).find("duplicate key \"k50\""), std::string::npos);
}

} // namespace
} // namespace berth::check::schema

namespace berth::check::schema {
namespace {

TEST(SchemaJsonReader, MutatedInputParsesOrFailsCleanly) {
  std::mt19937 rng(99);
  const std::string base = R"({"definitions": {"a.B": {"type": "object", "description": "x\"y",
    "properties": {"n": {"type": "integer", "format": "int32"}, "s": {"$ref": "#/x"}},
    "required": ["n"], "x-kubernetes-group-version-kind": [{"group": "", "kind": "B"}]}}})";
  const char alphabet[] = "{}[]:,\"\\ \nu0123456789abcdefnrt.-+eE";
  for (int i = 0; i < 3000; ++i) {
    std::string text = base;
    for (int e = 0, n = 1 + static_cast<int>(rng() % 3); e < n; ++e) {
      std::size_t pos = rng() % text.size();
      if (rng() % 2)
        text[pos] = alphabet[rng() % (sizeof alphabet - 1)];
      else
        text.insert(text.begin() + static_cast<std::ptrdiff_t>(pos),
                    alphabet[rng() % (sizeof alphabet - 1)]);
    }
    try {
      (void)read_json(text, "m.json");
    } catch (const Error&) {
    }
  }
}

} // namespace
} // namespace berth::check::schema
