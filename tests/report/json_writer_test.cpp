// JsonWriter: byte-identical to nlohmann's two-space dump for the same document (nesting, empty
// containers, escapes, Unicode), one-decimal numbers, invalid UTF-8 replaced.
#include <gtest/gtest.h>

#include <sstream>

#include <nlohmann/json.hpp>

#include "report/json_writer.h"

namespace berth::report {
namespace {

using ojson = nlohmann::ordered_json;

TEST(JsonWriter, MatchesNlohmannPrettyPrint) {
  const std::string tricky = "q\" b\\ \b\f\n\r\t \x01\x1f \x7f naïve ✓ 日本 😀 </script>";
  std::ostringstream out;
  {
    JsonWriter w(out);
    w.begin_object()
        .field("n", std::uint64_t{42})
        .field("big", std::uint64_t{18446744073709551615u})
        .field("t", true)
        .field("f", false)
        .field("s", tricky)
        .key(tricky)
        .value("key escaped too")
        .key("empty_a")
        .begin_array()
        .end_array()
        .key("empty_o")
        .begin_object()
        .end_object()
        .key("nested")
        .begin_array()
        .begin_object()
        .field("a", "x")
        .key("b")
        .begin_array()
        .value("1")
        .value(std::uint64_t{2})
        .begin_array()
        .end_array()
        .end_array()
        .end_object()
        .value("tail")
        .end_array()
        .end_object()
        .finish();
  }
  ojson j;
  j["n"] = 42;
  j["big"] = 18446744073709551615u;
  j["t"] = true;
  j["f"] = false;
  j["s"] = tricky;
  j[tricky] = "key escaped too";
  j["empty_a"] = ojson::array();
  j["empty_o"] = ojson::object();
  ojson inner;
  inner["a"] = "x";
  inner["b"] = ojson::array({"1", 2, ojson::array()});
  j["nested"] = ojson::array({inner, "tail"});
  EXPECT_EQ(out.str(), j.dump(2) + "\n");
}

TEST(JsonWriter, OneDecimalNumbers) {
  std::ostringstream out;
  JsonWriter(out)
      .begin_array()
      .value_one_decimal(10)
      .value_one_decimal(7.25)
      .value_one_decimal(0.04)
      .end_array()
      .finish();
  EXPECT_EQ(out.str(), "[\n  10.0,\n  7.2,\n  0.0\n]\n");
}

TEST(JsonWriter, InvalidUtf8BecomesReplacementCharacter) {
  std::ostringstream out;
  JsonWriter(out)
      .begin_array()
      .value("a\xff\xfe"
             "b\xC3")
      .end_array()
      .finish();
  std::string s = ojson::parse(out.str())[0];
  EXPECT_EQ(s, "a\xEF\xBF\xBD\xEF\xBF\xBD"
               "b\xEF\xBF\xBD");
}

TEST(JsonWriter, LargeOutputIsFlushedWhole) {
  std::ostringstream out;
  {
    JsonWriter w(out);
    w.begin_array();
    for (int i = 0; i < 100000; ++i)
      w.begin_object().field("i", std::uint64_t(i)).end_object();
    w.end_array().finish();
  }
  ojson j = ojson::parse(out.str());
  ASSERT_EQ(j.size(), 100000u);
  EXPECT_EQ(j[99999]["i"], 99999);
}

} // namespace
} // namespace berth::report
