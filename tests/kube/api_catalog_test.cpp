// API catalog: table order and shape, lookups, and the removals the check and import rely on.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <tuple>

#include "kube/api_catalog.h"

namespace berth::kube {
namespace {

TEST(ApiCatalog, OrderedByRemovalThenApiVersionThenKind) {
  const auto& t = api_changes();
  ASSERT_FALSE(t.empty());
  for (std::size_t i = 1; i < t.size(); ++i) {
    auto key = [](const ApiChange& c) { return std::tie(c.removed_in, c.api_version, c.kind); };
    EXPECT_LT(key(t[i - 1]), key(t[i])) << t[i].api_version << " " << t[i].kind;
  }
}

TEST(ApiCatalog, RowsAreConsistent) {
  for (const ApiChange& c : api_changes()) {
    SCOPED_TRACE(std::string(c.api_version) + " " + std::string(c.kind));
    EXPECT_EQ(c.deprecated_in.major, 1);
    EXPECT_GT(c.deprecated_in.minor, 0);
    // Everything in the table is removed by 1.32 (no served-but-deprecated betas are known).
    EXPECT_EQ(c.removed_in.major, 1);
    EXPECT_GE(c.removed_in.minor, 16);
    EXPECT_LE(c.removed_in.minor, 32);
    EXPECT_LT(c.deprecated_in, c.removed_in);
    EXPECT_NE(c.replacement, c.api_version);
    // A replacement is never itself a removed version.
    if (!c.replacement.empty())
      EXPECT_EQ(find_api_change(c.replacement, c.kind), nullptr);
    else
      EXPECT_FALSE(c.note.empty()); // no replacement: the note says what to do instead
    EXPECT_EQ(find_api_change(c.api_version, c.kind), &c);
  }
}

TEST(ApiCatalog, KnownRemovals) {
  struct Case {
    const char* api;
    const char* kind;
    int removed;
    const char* replacement;
  };
  for (const Case& c : std::initializer_list<Case>{
           {"extensions/v1beta1", "Deployment", 16, "apps/v1"},
           {"apps/v1beta1", "StatefulSet", 16, "apps/v1"},
           {"apps/v1beta2", "DaemonSet", 16, "apps/v1"},
           {"extensions/v1beta1", "NetworkPolicy", 16, "networking.k8s.io/v1"},
           {"extensions/v1beta1", "Ingress", 22, "networking.k8s.io/v1"},
           {"networking.k8s.io/v1beta1", "Ingress", 22, "networking.k8s.io/v1"},
           {"networking.k8s.io/v1beta1", "IngressClass", 22, "networking.k8s.io/v1"},
           {"rbac.authorization.k8s.io/v1beta1", "ClusterRole", 22, "rbac.authorization.k8s.io/v1"},
           {"apiextensions.k8s.io/v1beta1", "CustomResourceDefinition", 22,
            "apiextensions.k8s.io/v1"},
           {"policy/v1beta1", "PodDisruptionBudget", 25, "policy/v1"},
           {"policy/v1beta1", "PodSecurityPolicy", 25, ""},
           {"batch/v1beta1", "CronJob", 25, "batch/v1"},
           {"autoscaling/v2beta1", "HorizontalPodAutoscaler", 25, "autoscaling/v2"},
           {"autoscaling/v2beta2", "HorizontalPodAutoscaler", 26, "autoscaling/v2"},
           {"flowcontrol.apiserver.k8s.io/v1beta1", "FlowSchema", 26,
            "flowcontrol.apiserver.k8s.io/v1"},
           {"flowcontrol.apiserver.k8s.io/v1beta2", "PriorityLevelConfiguration", 29,
            "flowcontrol.apiserver.k8s.io/v1"},
           {"flowcontrol.apiserver.k8s.io/v1beta3", "FlowSchema", 32,
            "flowcontrol.apiserver.k8s.io/v1"},
           {"storage.k8s.io/v1beta1", "CSIStorageCapacity", 27, "storage.k8s.io/v1"},
           {"discovery.k8s.io/v1beta1", "EndpointSlice", 25, "discovery.k8s.io/v1"},
           {"events.k8s.io/v1beta1", "Event", 25, "events.k8s.io/v1"},
           {"node.k8s.io/v1beta1", "RuntimeClass", 25, "node.k8s.io/v1"},
       }) {
    SCOPED_TRACE(std::string(c.api) + " " + c.kind);
    const ApiChange* ch = find_api_change(c.api, c.kind);
    ASSERT_NE(ch, nullptr);
    EXPECT_EQ(ch->removed_in, (MinorVersion{1, c.removed}));
    EXPECT_EQ(ch->replacement, c.replacement);
  }
}

TEST(ApiCatalog, StructuralNotes) {
  EXPECT_NE(find_api_change("extensions/v1beta1", "Deployment")->note.find("selector"),
            std::string_view::npos);
  const ApiChange* ing = find_api_change("networking.k8s.io/v1beta1", "Ingress");
  EXPECT_NE(ing->note.find("pathType"), std::string_view::npos);
  EXPECT_NE(ing->note.find("defaultBackend"), std::string_view::npos);
  EXPECT_NE(find_api_change("policy/v1beta1", "PodSecurityPolicy")->note.find("Pod Security"),
            std::string_view::npos);
}

TEST(ApiCatalog, CurrentAndUnknownPairsAreNotChanges) {
  EXPECT_EQ(find_api_change("apps/v1", "Deployment"), nullptr);
  EXPECT_EQ(find_api_change("v1", "Service"), nullptr);
  EXPECT_EQ(find_api_change("networking.k8s.io/v1", "Ingress"), nullptr);
  EXPECT_EQ(find_api_change("policy/v1", "PodDisruptionBudget"), nullptr);
  // The pair matters, not the version alone: batch/v1beta1 only ever served CronJob.
  EXPECT_EQ(find_api_change("batch/v1beta1", "Job"), nullptr);
  EXPECT_EQ(find_api_change("", ""), nullptr);
  EXPECT_EQ(find_api_change("example.com/v1beta1", "Widget"), nullptr);
}

} // namespace
} // namespace berth::kube
