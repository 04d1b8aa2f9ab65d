// Naming rules: DNS-1123 labels, deterministic shortening, port names.
#include <gtest/gtest.h>

#include "kube/names.h"
#include "kube/object.h"

namespace berth::kube {
namespace {

TEST(Names, Dns1123Validity) {
  EXPECT_TRUE(is_dns1123_label("web"));
  EXPECT_TRUE(is_dns1123_label("a-1"));
  EXPECT_FALSE(is_dns1123_label("Web"));
  EXPECT_FALSE(is_dns1123_label("-web"));
  EXPECT_FALSE(is_dns1123_label("web_1"));
  EXPECT_FALSE(is_dns1123_label(""));
  EXPECT_FALSE(is_dns1123_label(std::string(64, 'a')));
}

TEST(Names, RewritesComposeNames) {
  EXPECT_EQ(dns1123_label("my_service"), "my-service");
  EXPECT_EQ(dns1123_label("Web.Front"), "web-front");
  EXPECT_EQ(dns1123_label("__a__"), "a");
  EXPECT_EQ(dns1123_label("!!!"), "x");
}

TEST(Names, ShortensWithStableDistinctHash) {
  std::string a(80, 'a'), b = std::string(79, 'a') + "b";
  std::string sa = dns1123_label(a), sb = dns1123_label(b);
  EXPECT_LE(sa.size(), 63u);
  EXPECT_TRUE(is_dns1123_label(sa));
  EXPECT_NE(sa, sb);
  EXPECT_EQ(sa, dns1123_label(a));
}

TEST(Names, PortNames) {
  EXPECT_EQ(port_name("http", 80), "http");
  EXPECT_EQ(port_name("postgres", 5432), "postgres");
  EXPECT_EQ(port_name("elasticsearch-transport", 9300).size(), 15u);
  EXPECT_EQ(port_name("8080", 8080), "p8080");
  EXPECT_EQ(port_name("", 53), "p53");
  EXPECT_EQ(port_name("My_Port", 1), "my-port");
}

TEST(Object, CanonicalKeyOrderAndLabels) {
  auto o = make_object("apps/v1", "Deployment", "web", "ns");
  set_label(o, "app.kubernetes.io/name", "web");
  set_annotation(o, "a", "yes");
  ASSERT_EQ(o.entries().size(), 3u);
  EXPECT_EQ(o.entries()[0].key.value(), "apiVersion");
  EXPECT_EQ(o.entries()[1].key.value(), "kind");
  EXPECT_EQ(o.find("metadata")->find("namespace")->value(), "ns");
  EXPECT_EQ(o.find("metadata")->find("labels")->find("app.kubernetes.io/name")->value(), "web");
  auto labels = standard_labels("shop", "web");
  EXPECT_EQ(labels.at("app.kubernetes.io/managed-by"), "berth");
  EXPECT_EQ(selector_labels("shop", "web").size(), 2u);
}

} // namespace
} // namespace berth::kube
