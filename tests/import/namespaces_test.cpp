// One application per import: its name from the (mapped) namespace or --name, namespaces per
// environment from the profile, and no namespace on base objects.
#include <gtest/gtest.h>

#include "fixture.h"
#include "import/pipeline.h"

namespace berth::import {
namespace {

const char* kTwo = R"(
- {apiVersion: v1, kind: ConfigMap, metadata: {name: a, namespace: shop-prod}}
- {apiVersion: v1, kind: ConfigMap, metadata: {name: b, namespace: legacy}}
)";

std::string as_list(const char* items) {
  return std::string("apiVersion: v1\nkind: List\nitems:\n") + items;
}

TEST(ImportNamespaces, ApplicationFromThePatternOfAnEnvironment) {
  profile::Profile p = profile::default_profile();
  EXPECT_EQ(app_for_namespace("shop-prod", p), "shop");
  EXPECT_EQ(app_for_namespace("shop-staging", p), "shop");
  EXPECT_EQ(app_for_namespace("vaultwarden", p), "vaultwarden");
  EXPECT_EQ(app_for_namespace("-prod", p), "-prod");
}

TEST(ImportNamespaces, SeveralNamespacesAreRefusedUnlessMapped) {
  try {
    test::run(as_list(kTwo));
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_NE(e.message().find("shop-prod, legacy"), std::string::npos) << e.message();
    EXPECT_NE(e.message().find("--namespace-map legacy=shop-prod"), std::string::npos);
    EXPECT_EQ(e.where().line, 6u); // the first object of the second namespace
  }
  ImportOptions o;
  o.namespace_map = {{"legacy", "shop-prod"}, {"unused", "x"}};
  generate::Output out = test::run(as_list(kTwo), o);
  EXPECT_NE(test::object(out, "ConfigMap", "b"), nullptr);
  EXPECT_EQ(test::object(out, "ConfigMap", "a")->find("metadata")->find("namespace"), nullptr);
  EXPECT_NE(test::file(out, "overlays/production/kustomization.yaml").find("namespace: shop-prod"),
            std::string::npos);
  EXPECT_NE(test::file(out, "overlays/staging/kustomization.yaml").find("namespace: shop-staging"),
            std::string::npos);
  EXPECT_TRUE(test::reported(out, "", "namespace-map.unused", generate::Disposition::Dropped));
}

TEST(ImportNamespaces, NameFlagAndObjectsWithoutNamespace) {
  const std::string helm = "{apiVersion: v1, kind: ConfigMap, metadata: {name: a}}\n";
  EXPECT_THROW(test::run(helm), Error);
  ImportOptions o;
  o.name = "Bad Name";
  EXPECT_THROW(test::run(helm, o), Error);
  o.name = "shop";
  generate::Output out = test::run(helm, o);
  EXPECT_NE(test::file(out, "argocd/shop-production.yaml"), "");
}

TEST(ImportNamespaces, Pairs) {
  EXPECT_EQ(parse_pairs({"a=b", "c=d"}, "--x"),
            (std::map<std::string, std::string>{{"a", "b"}, {"c", "d"}}));
  EXPECT_THROW(parse_pairs({"a"}, "--x"), Error);
  EXPECT_THROW(parse_pairs({"=b"}, "--x"), Error);
  EXPECT_THROW(parse_pairs({"a="}, "--x"), Error);
  EXPECT_THROW(parse_pairs({"a=b", "a=c"}, "--x"), Error);
}

} // namespace
} // namespace berth::import
