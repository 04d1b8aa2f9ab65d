// Node readers: wrong shapes read as absent; integers and booleans as the API reads them.
#include "check/policy/read.h"

#include <gtest/gtest.h>

#include "yaml/parse.h"

namespace berth::check::policy {
namespace {

TEST(PolicyRead, ShapesAndScalars) {
  yaml::Node n = yaml::parse_document(R"(a: 1
b: "2"
c: 0x10
d: true
e: "true"
f: ~
g: [1, 2]
h: {k: v}
i: +7
j: 99999999999999999999
)",
                                      "t.yaml");
  EXPECT_EQ(integer(get(n, "a")), 1);
  EXPECT_EQ(integer(get(n, "b")), std::nullopt); // a string is not an int
  EXPECT_EQ(integer(get(n, "c")), 16);
  EXPECT_EQ(integer(get(n, "i")), 7);
  EXPECT_EQ(integer(get(n, "j")), std::nullopt); // out of range
  EXPECT_TRUE(is_true(get(n, "d")));
  EXPECT_FALSE(is_true(get(n, "e")));
  EXPECT_EQ(text(get(n, "f")), "");
  EXPECT_EQ(text(get(n, "g")), "");
  EXPECT_EQ(text_at(get(n, "h"), "k"), "v");
  EXPECT_EQ(get(get(n, "a"), "x"), nullptr); // a scalar has no fields
  EXPECT_EQ(items(get(n, "g")).size(), 2u);
  EXPECT_TRUE(items(get(n, "h")).empty());
  EXPECT_EQ(entries(get(n, "h")).size(), 1u);
  EXPECT_TRUE(non_empty(get(n, "g")));
  EXPECT_FALSE(non_empty(get(n, "a")));
  EXPECT_FALSE(non_empty(nullptr));
}

TEST(PolicyRead, AsciiCaseInsensitiveText) {
  EXPECT_TRUE(iequals("Net_Raw", "NET_RAW"));
  EXPECT_FALSE(iequals("NET_RAW", "NET_RA"));
  EXPECT_TRUE(icontains("db_password_x", "PASSWORD"));
  EXPECT_FALSE(icontains("PASS", "PASSWORD"));
  EXPECT_TRUE(istarts_with("cap_sys_admin", "CAP_"));
  EXPECT_TRUE(iends_with("noop@INTERNAL", "@internal"));
}

} // namespace
} // namespace berth::check::policy
