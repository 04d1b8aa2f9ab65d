// Node ↔ JSON conversion: resolved scalar types, key handling, order, round trip.
#include <gtest/gtest.h>

#include "yaml/json.h"
#include "yaml/parse.h"

using namespace berth::yaml;
using json = nlohmann::ordered_json;

namespace {
json convert(std::string_view yaml) { return to_json(parse_document(yaml, "j.yaml")); }
} // namespace

TEST(Json, ScalarsByResolvedType) {
  json j = convert("a: ~\nb: true\nc: 42\nd: -1.5\ne: '42'\nf: hello\ng: 0x1F\nh: !!str 7\ni: 1e3\n");
  EXPECT_EQ(j.dump(), R"({"a":null,"b":true,"c":42,"d":-1.5,"e":"42","f":"hello","g":31,"h":"7","i":1000.0})");
}

TEST(Json, OrderIsKept) {
  EXPECT_EQ(convert("z: 1\na: 2\nm: 3\n").dump(), R"({"z":1,"a":2,"m":3})");
}

TEST(Json, BigIntegersAndSpecialFloats) {
  json j = convert("[18446744073709551615, 99999999999999999999999, -99999999999999999999, .inf, .nan]");
  EXPECT_EQ(j[0].get<std::uint64_t>(), 18446744073709551615ULL);
  EXPECT_TRUE(j[1].is_number_float());
  EXPECT_DOUBLE_EQ(j[1].get<double>(), 1e23);
  EXPECT_TRUE(j[2].is_number_float());
  EXPECT_EQ(j[3], ".inf"); // JSON has no infinity: the text is kept
  EXPECT_EQ(j[4], ".nan");
}

TEST(Json, NonScalarKeysBecomeTheirJsonText) {
  EXPECT_EQ(convert("? [1, a]\n: x\n? {k: v}\n: y\n").dump(), R"({"[1,\"a\"]":"x","{\"k\":\"v\"}":"y"})");
}

TEST(Json, FromJson) {
  json in = json::parse(R"({"s":"1","n":1,"f":2.5,"b":false,"z":null,"l":[1,"x"],"o":{"k":"v"}})");
  Node n = from_json(in);
  ASSERT_TRUE(n.is_mapping());
  EXPECT_EQ(n.find("s")->type(), ScalarType::String);
  EXPECT_EQ(n.find("n")->type(), ScalarType::Int);
  EXPECT_EQ(n.find("f")->type(), ScalarType::Float);
  EXPECT_EQ(n.find("b")->type(), ScalarType::Bool);
  EXPECT_TRUE(n.find("z")->is_null());
  EXPECT_EQ(n.find("l")->size(), 2u);
  EXPECT_EQ(n.entries()[0].key.value(), "s");
  EXPECT_EQ(to_json(n), in); // round trip
}
