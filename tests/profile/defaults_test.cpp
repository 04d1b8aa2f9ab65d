// The default profile carries every number of issue 3 / seed 000's migration guide.
#include <gtest/gtest.h>

#include "profile/profile.h"

using namespace berth::profile;

namespace {

const Environment& env(const Profile& p, const char* name) {
  const Environment* e = find_environment(p, name);
  if (!e) throw std::runtime_error(std::string("no environment ") + name);
  return *e;
}

} // namespace

TEST(ProfileDefaults, EnvironmentsInOrder) {
  Profile p = default_profile();
  EXPECT_EQ(p.version, 1);
  ASSERT_EQ(p.environments.size(), 2u);
  EXPECT_EQ(p.environments[0].name, "staging");
  EXPECT_EQ(p.environments[1].name, "production");
}

TEST(ProfileDefaults, Production) {
  const Profile p = default_profile();
  const Environment& e = env(p, "production");
  EXPECT_EQ(namespace_for(e, "shop"), "shop-prod");
  EXPECT_EQ(e.replicas, 2);
  EXPECT_EQ(e.priority_class, "production");
  EXPECT_EQ(e.image_tag_prefix, "prod-");
  EXPECT_EQ(e.quota.requests_cpu, "8");
  EXPECT_EQ(e.quota.limits_cpu, "16");
  EXPECT_EQ(e.quota.requests_memory, "32Gi");
  EXPECT_EQ(e.quota.limits_memory, "48Gi");
  EXPECT_EQ(e.quota.requests_storage, "500Gi");
  EXPECT_EQ(e.quota.persistentvolumeclaims, 20);
  EXPECT_EQ(e.quota.pods, 50);
  EXPECT_FALSE(e.quota.services);
  EXPECT_EQ(e.limit_range.min, (CpuMemory{"10m", "16Mi"}));
  EXPECT_EQ(e.limit_range.max, (CpuMemory{"4", "8Gi"}));
  EXPECT_EQ(e.limit_range.default_limit, (CpuMemory{"500m", "512Mi"}));
  EXPECT_EQ(e.limit_range.default_request, (CpuMemory{"100m", "128Mi"}));
}

TEST(ProfileDefaults, Staging) {
  const Profile p = default_profile();
  const Environment& e = env(p, "staging");
  EXPECT_EQ(namespace_for(e, "shop"), "shop-staging");
  EXPECT_EQ(e.replicas, 1);
  EXPECT_EQ(e.priority_class, "staging");
  EXPECT_EQ(e.image_tag_prefix, "staging-");
  EXPECT_EQ(e.quota.requests_cpu, "4");
  EXPECT_EQ(e.quota.limits_cpu, "8");
  EXPECT_EQ(e.quota.requests_memory, "16Gi");
  EXPECT_EQ(e.quota.limits_memory, "24Gi");
  EXPECT_EQ(e.quota.requests_storage, "300Gi");
  EXPECT_EQ(e.quota.persistentvolumeclaims, 25);
  EXPECT_FALSE(e.quota.pods); // "-" in seed 000's table
  EXPECT_EQ(e.limit_range.min, (CpuMemory{"10m", "16Mi"}));
  EXPECT_EQ(e.limit_range.max, (CpuMemory{"2", "4Gi"}));
  EXPECT_EQ(e.limit_range.default_limit, (CpuMemory{"250m", "256Mi"}));
  EXPECT_EQ(e.limit_range.default_request, (CpuMemory{"50m", "64Mi"}));
}

TEST(ProfileDefaults, HostsFollowSeedIngressTable) {
  Profile p = default_profile();
  p.ingress.domain = "vauban.tech";
  EXPECT_EQ(host_for(p, env(p, "production"), "api"), "api.vauban.tech");
  EXPECT_EQ(host_for(p, env(p, "staging"), "api"), "api.staging.vauban.tech");
  EXPECT_EQ(host_for(p, env(p, "production"), ""), "vauban.tech");
  EXPECT_EQ(host_for(p, env(p, "staging"), ""), "staging.vauban.tech");
}

TEST(ProfileDefaults, ClusterConventions) {
  Profile p = default_profile();
  EXPECT_EQ(p.ingress.mode, "ingress");
  EXPECT_EQ(p.ingress.class_name, "traefik");
  EXPECT_EQ(p.ingress.entrypoint, "websecure");
  EXPECT_EQ(p.ingress.cluster_issuer, "letsencrypt-prod");
  EXPECT_EQ(p.ingress.traefik_namespace, "kube-system");
  EXPECT_EQ(p.ingress.traefik_pod_labels,
            (std::map<std::string, std::string>{{"app.kubernetes.io/name", "traefik"}}));
  EXPECT_EQ(p.storage.class_name, "local-path");
  EXPECT_EQ(p.storage.database_size, "10Gi");
  EXPECT_EQ(p.secrets.method, "sealed-secrets");
  EXPECT_EQ(p.secrets.cert, "");
  EXPECT_EQ(p.secrets.controller_namespace, "sealed-secrets");
  EXPECT_EQ(p.secrets.scope, "strict");
  EXPECT_EQ(p.secrets.store, "berth-secrets");
  EXPECT_EQ(p.gitops.tool, "argocd");
  EXPECT_EQ(p.gitops.argocd_namespace, "argocd");
  EXPECT_EQ(p.gitops.project, "default");
  EXPECT_EQ(p.gitops.flux_namespace, "flux-system");
  EXPECT_EQ(p.gitops.revision, "main");
  EXPECT_EQ(p.registry.url, "ghcr.io/example");
  EXPECT_EQ(p.registry.pull_secret, "ghcr-secret");
  EXPECT_EQ(p.database.strategy, "single");
  EXPECT_EQ(p.backup.schedule, "0 2 * * *");
  EXPECT_EQ(p.backup.retention_days, 7);
  EXPECT_EQ(p.capacity.cpu, "16");
  EXPECT_EQ(p.capacity.memory, "128Gi");
  EXPECT_EQ(p.capacity.nodes, 1);
}

TEST(ProfileDefaults, Observability) {
  Profile p = default_profile();
  using Labels = std::map<std::string, std::string>;
  EXPECT_EQ(p.observability.servicemonitor_labels, (Labels{{"release", "kube-prometheus-stack"}}));
  EXPECT_EQ(p.observability.rules_namespace, "observability");
  EXPECT_EQ(p.observability.rule_labels, (Labels{{"release", "kube-prometheus-stack"},
                                                 {"prometheus", "kube-prometheus-stack"},
                                                 {"role", "alert-rules"}}));
  EXPECT_EQ(p.observability.monitoring_namespace, "observability");
  EXPECT_EQ(p.observability.otlp_endpoint, "");
}

TEST(ProfileDefaults, PriorityClassesOfSeedSection14) {
  Profile p = default_profile();
  EXPECT_EQ(p.priority_classes, (std::vector<PriorityClass>{{"critical-infrastructure", 1000000},
                                                            {"production", 100000},
                                                            {"tools", 5000},
                                                            {"staging", 1000}}));
}

TEST(ProfileDefaults, ExpandPlaceholders) {
  EXPECT_EQ(expand("deploy/{app}", "shop"), "deploy/shop");
  EXPECT_EQ(expand("s3://b/{app}/{env}", "shop", "staging"), "s3://b/shop/staging");
  EXPECT_EQ(expand("{x}", "shop"), "{x}");
}
