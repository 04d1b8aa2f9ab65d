// Graph building: hashed property lookup (including collisions in small tables), enums.
#include <gtest/gtest.h>

#include "check/schema/graph.h"

namespace berth::check::schema {
namespace {

TEST(SchemaGraph, FindsEveryPropertyAndNothingElse) {
  Graph g;
  std::vector<Prop> props;
  std::vector<std::string> names;
  for (int i = 0; i < 300; ++i)
    names.push_back("field" + std::to_string(i));
  for (const std::string& n : names) {
    Prop p;
    p.name = n;
    p.type = 7;
    p.required = n == "field3";
    props.push_back(p);
  }
  std::uint32_t t = g.reserve();
  g.define(t, Type{}, props, {{kString, "a"}});
  const Type& type = g.type(t);
  EXPECT_EQ(type.required_count, 1u);
  for (const std::string& n : names) {
    const Prop* p = g.find(type, n);
    ASSERT_NE(p, nullptr) << n;
    EXPECT_EQ(p->name, n);
  }
  EXPECT_EQ(g.find(type, "field300"), nullptr);
  EXPECT_EQ(g.find(type, ""), nullptr);
  EXPECT_EQ(g.enums_end(type) - g.enums_begin(type), 1);
  EXPECT_EQ(g.find(g.type(g.add(Type{})), "x"), nullptr); // no properties
}

} // namespace
} // namespace berth::check::schema
