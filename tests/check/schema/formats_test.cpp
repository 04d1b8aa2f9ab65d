// Name, label, quantity, base64 and date-time grammars.
#include <gtest/gtest.h>

#include "check/schema/formats.h"

namespace berth::check::schema {
namespace {

TEST(SchemaFormats, Dns1123Label) {
  EXPECT_EQ(check_dns1123_label("web-1"), nullptr);
  EXPECT_EQ(check_dns1123_label("1web"), nullptr);
  EXPECT_NE(check_dns1123_label("Web"), nullptr);
  EXPECT_NE(check_dns1123_label("web-"), nullptr);
  EXPECT_NE(check_dns1123_label("a.b"), nullptr);
  EXPECT_NE(check_dns1123_label(""), nullptr);
  EXPECT_EQ(check_dns1123_label(std::string(63, 'a')), nullptr);
  EXPECT_NE(check_dns1123_label(std::string(64, 'a')), nullptr);
}

TEST(SchemaFormats, Dns1035Label) {
  EXPECT_EQ(check_dns1035_label("web-1"), nullptr);
  EXPECT_NE(check_dns1035_label("1web"), nullptr);
}

TEST(SchemaFormats, Dns1123Subdomain) {
  EXPECT_EQ(check_dns1123_subdomain("a.b-c.d"), nullptr);
  EXPECT_NE(check_dns1123_subdomain("a..b"), nullptr);
  EXPECT_NE(check_dns1123_subdomain(".a"), nullptr);
  EXPECT_NE(check_dns1123_subdomain("a_b"), nullptr);
  EXPECT_NE(check_dns1123_subdomain(std::string(254, 'a')), nullptr);
}

TEST(SchemaFormats, PathSegment) {
  EXPECT_EQ(check_path_segment("system:controller:x"), nullptr);
  EXPECT_NE(check_path_segment(".."), nullptr);
  EXPECT_NE(check_path_segment("a/b"), nullptr);
  EXPECT_NE(check_path_segment("a%b"), nullptr);
}

TEST(SchemaFormats, IanaSvcName) {
  EXPECT_EQ(check_iana_svc_name("http"), nullptr);
  EXPECT_EQ(check_iana_svc_name("h2c-alt"), nullptr);
  EXPECT_NE(check_iana_svc_name("metrics-endpoint"), nullptr); // 16 characters
  EXPECT_NE(check_iana_svc_name("a--b"), nullptr);
  EXPECT_NE(check_iana_svc_name("-a"), nullptr);
  EXPECT_NE(check_iana_svc_name("8080"), nullptr);
  EXPECT_NE(check_iana_svc_name("Http"), nullptr);
}

TEST(SchemaFormats, QualifiedNamesAndLabelValues) {
  EXPECT_EQ(check_qualified_name("app"), nullptr);
  EXPECT_EQ(check_qualified_name("app.kubernetes.io/name"), nullptr);
  EXPECT_EQ(check_qualified_name("A_b.c-D"), nullptr);
  EXPECT_NE(check_qualified_name("-app"), nullptr);
  EXPECT_NE(check_qualified_name("/name"), nullptr);
  EXPECT_NE(check_qualified_name("Example.com/name"), nullptr);
  EXPECT_NE(check_qualified_name("example.com/"), nullptr);
  EXPECT_NE(check_qualified_name("a/b/c"), nullptr);
  EXPECT_NE(check_qualified_name(std::string(64, 'a')), nullptr);
  EXPECT_EQ(check_label_value(""), nullptr);
  EXPECT_EQ(check_label_value("v1.2_3-x"), nullptr);
  EXPECT_NE(check_label_value("has space"), nullptr);
  EXPECT_NE(check_label_value("x-"), nullptr);
  EXPECT_NE(check_label_value(std::string(64, 'a')), nullptr);
}

TEST(SchemaFormats, ConfigKeys) {
  EXPECT_EQ(check_config_key("app.properties"), nullptr);
  EXPECT_EQ(check_config_key(".env"), nullptr);
  EXPECT_NE(check_config_key(".."), nullptr);
  EXPECT_NE(check_config_key("..data"), nullptr);
  EXPECT_NE(check_config_key("a/b"), nullptr);
  EXPECT_NE(check_config_key(""), nullptr);
}

TEST(SchemaFormats, Quantities) {
  for (const char* ok : {"1", "0", "500m", "0.5", ".5", "1.", "+1", "-1", "128Mi", "1Gi", "10G",
                         "1e3", "1E-2", "2.5k", "100n", "3u", "1Ei"})
    EXPECT_TRUE(is_quantity(ok)) << ok;
  for (const char* bad :
       {"", "Mi", "1 Gi", "1GB", "1gi", "1Mb", "1e", "1.2.3", "one", "1KiB", "--1", "1m1"})
    EXPECT_FALSE(is_quantity(bad)) << bad;
}

TEST(SchemaFormats, Base64) {
  EXPECT_TRUE(is_base64(""));
  EXPECT_TRUE(is_base64("aGVsbG8="));
  EXPECT_TRUE(is_base64("aGVs\nbG8="));
  EXPECT_FALSE(is_base64("aGVsbG8"));
  EXPECT_FALSE(is_base64("hello world"));
  EXPECT_FALSE(is_base64("aG=Vs"));
  EXPECT_FALSE(is_base64("a==="));
}

TEST(SchemaFormats, DateTimes) {
  EXPECT_TRUE(is_date_time("2024-05-01T10:00:00Z"));
  EXPECT_TRUE(is_date_time("2024-05-01t10:00:00.123456z"));
  EXPECT_TRUE(is_date_time("2024-05-01T10:00:00+02:00"));
  EXPECT_FALSE(is_date_time("2024-05-01 10:00:00Z"));
  EXPECT_FALSE(is_date_time("2024-13-01T10:00:00Z"));
  EXPECT_FALSE(is_date_time("2024-05-01T10:00:00"));
  EXPECT_FALSE(is_date_time("yesterday"));
  EXPECT_TRUE(is_full_date("2024-05-01"));
  EXPECT_FALSE(is_full_date("2024-5-1"));
}

} // namespace
} // namespace berth::check::schema
