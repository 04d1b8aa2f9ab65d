// The Kubernetes kind table against ../shared definitions.json, and the name rules by kind.
#include <gtest/gtest.h>

#include <set>

#include "check/schema/json_reader.h"
#include "check/schema/kinds.h"
#include "check/schema/source_file.h"
#include "support/test_support.h"

namespace berth::check::schema {
namespace {

TEST(SchemaKinds, TableMatchesTheDefinitionsGaAndBetaKinds) {
  auto shared = berth::test::shared_dir();
  if (shared.empty()) GTEST_SKIP() << "../shared is absent";
  std::string path = (shared / "schemas/kubernetes/definitions.json").string();
  yaml::Node doc = read_json(read_source_file(path), path);
  std::set<std::string> theirs;
  const std::set<std::string> meta = {"DeleteOptions", "WatchEvent",      "Status",     "APIGroup",
                                      "APIGroupList",  "APIResourceList", "APIVersions"};
  for (const yaml::Entry& e : doc.find("definitions")->entries())
    if (const yaml::Node* gvks = e.value.find("x-kubernetes-group-version-kind"))
      for (const yaml::Node& g : gvks->items()) {
        std::string group = g.text("group"), version = g.text("version"), kind = g.text("kind");
        if (version.find("alpha") != std::string::npos || kind.ends_with("List") ||
            meta.count(kind))
          continue;
        theirs.insert((group.empty() ? version : group + "/" + version) + " " + kind);
      }
  std::set<std::string> ours;
  for (const ApiKind& k : kubernetes_kinds())
    ours.insert(std::string(k.api_version) + " " + std::string(k.kind));
  for (const std::string& k : theirs)
    EXPECT_TRUE(ours.count(k)) << "missing from the table: " << k;
  for (const std::string& k : ours)
    EXPECT_TRUE(theirs.count(k)) << "not in definitions.json: " << k;
}

TEST(SchemaKinds, Lookups) {
  EXPECT_TRUE(is_kubernetes_kind("apps/v1", "Deployment"));
  EXPECT_FALSE(is_kubernetes_kind("apps/v1", "Deploymnet"));
  EXPECT_TRUE(is_kubernetes_group_version("rbac.authorization.k8s.io/v1"));
  EXPECT_FALSE(is_kubernetes_group_version("apps/v2"));
  EXPECT_TRUE(is_kubernetes_group(""));
  EXPECT_TRUE(is_kubernetes_group("apps"));
  EXPECT_TRUE(is_kubernetes_group("networking.k8s.io"));
  EXPECT_FALSE(is_kubernetes_group("monitoring.coreos.com"));
  EXPECT_FALSE(is_kubernetes_group("k8s.io"));
}

TEST(SchemaKinds, NameRules) {
  EXPECT_EQ(name_rule("", "Namespace").grammar, NameGrammar::Label);
  EXPECT_EQ(name_rule("", "Service").grammar, NameGrammar::Dns1035Label);
  EXPECT_EQ(name_rule("batch", "CronJob").max, 52u);
  EXPECT_EQ(name_rule("batch", "Job").max, 63u);
  EXPECT_EQ(name_rule("rbac.authorization.k8s.io", "Role").grammar, NameGrammar::PathSegment);
  EXPECT_EQ(name_rule("apps", "Deployment").grammar, NameGrammar::Subdomain);
  EXPECT_EQ(name_rule("monitoring.coreos.com", "ServiceMonitor").grammar, NameGrammar::Subdomain);
}

} // namespace
} // namespace berth::check::schema
