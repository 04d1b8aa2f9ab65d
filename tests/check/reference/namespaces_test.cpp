// Namespace consistency: namespace-inconsistent (seed 004: one file in `gauzian` while the rest
// of the kustomization is in `gauzian-v2`).
#include "check/reference/set_fixture.h"

namespace berth::check::test {
namespace {

std::string object(std::string_view kind, std::string_view name, std::string_view ns) {
  std::string api = kind == "Deployment" ? "apps/v1" : "v1";
  return "apiVersion: " + api + "\nkind: " + std::string(kind) +
         "\nmetadata:\n  name: " + std::string(name) + "\n  namespace: " + std::string(ns) + "\n";
}

// The seed 004 layout: a root kustomization without `namespace:`, the app in gauzian-v2, the
// monitoring stack in its own (declared) namespace, and the backend in `gauzian`.
SetRun seed004(std::string_view kustomization_ns = "") {
  SetRun s;
  s.add("k8s/kustomization.yaml",
        "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n" +
            (kustomization_ns.empty() ? std::string()
                                      : "namespace: " + std::string(kustomization_ns) + "\n") +
            "resources:\n  - namespace.yaml\n  - monitoring-namespace.yaml\n"
            "  - postgres-deployment.yaml\n  - redis-deployment.yaml\n"
            "  - backend-deployment.yaml\n  - prometheus-config.yaml\n"
            "  - grafana-datasources.yaml\n  - ./monitoring\n");
  s.add("k8s/namespace.yaml", "apiVersion: v1\nkind: Namespace\nmetadata: {name: gauzian-v2}\n");
  s.add("k8s/monitoring-namespace.yaml",
        "apiVersion: v1\nkind: Namespace\nmetadata: {name: monitoring}\n");
  s.add("k8s/postgres-deployment.yaml", object("ConfigMap", "postgres", "gauzian-v2") + "---\n" +
                                            object("Service", "postgres", "gauzian-v2"));
  s.add("k8s/redis-deployment.yaml", object("ConfigMap", "redis", "gauzian-v2") + "---\n" +
                                         object("Service", "redis", "gauzian-v2"));
  s.add("k8s/backend-deployment.yaml", object("ConfigMap", "backend", "gauzian") + "---\n" +
                                           object("Service", "backend", "gauzian-v2"));
  s.add("k8s/prometheus-config.yaml", object("ConfigMap", "prometheus", "monitoring"));
  s.add("k8s/grafana-datasources.yaml", object("ConfigMap", "grafana", "monitoring"));
  // A nested kustomization is its own group.
  s.add("k8s/monitoring/kustomization.yaml",
        "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n"
        "resources: [servicemonitor.yaml]\n");
  s.add("k8s/monitoring/servicemonitor.yaml", object("ConfigMap", "sm", "monitoring"));
  return s;
}

TEST(NamespaceConsistency, Seed004BackendInTheWrongNamespaceIsAnError) {
  SetRun s = seed004();
  Finding f = only(s.run(), "namespace-inconsistent");
  EXPECT_EQ(f.severity, Severity::Error);
  EXPECT_EQ(f.file, "k8s/backend-deployment.yaml");
  EXPECT_EQ(f.object, "ConfigMap/backend");
  EXPECT_EQ(at(f), "5:14");
  EXPECT_EQ(f.message, "metadata.namespace \"gauzian\" differs from \"gauzian-v2\" used by 5 other "
                       "object(s) of kustomization k8s/kustomization.yaml; no Namespace "
                       "\"gauzian\" is defined in the set");
  EXPECT_EQ(f.fix, "Set metadata.namespace: gauzian-v2 (or `namespace: gauzian-v2` in the "
                   "kustomization).");
}

TEST(NamespaceConsistency, KustomizationNamespaceOverridesEverything) {
  SetRun s = seed004("gauzian-v2");
  EXPECT_TRUE(of(s.run(), "namespace-inconsistent").empty()) << dump(s.run());
}

TEST(NamespaceConsistency, ConsistentKustomizationPasses) {
  SetRun s;
  s.add("app/kustomization.yaml", "apiVersion: kustomize.config.k8s.io/v1beta1\n"
                                  "kind: Kustomization\nresources: [a.yaml, b.yaml]\n");
  s.add("app/a.yaml", object("ConfigMap", "a", "shop"));
  s.add("app/b.yaml", object("ConfigMap", "b", "shop"));
  s.add("app/c.yaml", object("ConfigMap", "c", "other")); // not a resource: its own group
  EXPECT_TRUE(s.run().empty()) << dump(s.run());
}

TEST(NamespaceConsistency, DirectoryWithoutKustomizationFlagsVariants) {
  SetRun s;
  s.add("k8s/a.yaml", object("ConfigMap", "a", "shop-prod"));
  s.add("k8s/b.yaml", object("ConfigMap", "b", "shop-prod"));
  s.add("k8s/c.yaml", object("ConfigMap", "c", "shop-prd"));
  s.add("k8s/d.yaml", object("ConfigMap", "d", "monitoring")); // unrelated name: intentional
  Finding f = only(s.run(), "namespace-inconsistent");
  EXPECT_EQ(f.file, "k8s/c.yaml");
  EXPECT_EQ(f.message, "metadata.namespace \"shop-prd\" differs from \"shop-prod\" used by 2 "
                       "other object(s) of directory k8s");
}

TEST(NamespaceConsistency, DeclaredNamespacesAreIntentional) {
  SetRun s;
  s.add("k8s/ns.yaml", "apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n---\n"
                       "apiVersion: v1\nkind: Namespace\nmetadata: {name: shop-jobs}\n");
  s.add("k8s/a.yaml",
        object("ConfigMap", "a", "shop") + "---\n" + object("ConfigMap", "b", "shop"));
  s.add("k8s/c.yaml", object("ConfigMap", "c", "shop-jobs"));
  EXPECT_TRUE(s.run().empty()) << dump(s.run());
}

TEST(KustomizeNamespaces, OverlayNamespaceReachesItsFilesButNotSharedBases) {
  SetRun s;
  s.options.complete = true;
  const char* overlay = "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n"
                        "namespace: NS\nresources: [../../base, sa.yaml]\n";
  std::string prod = overlay, staging = overlay;
  prod.replace(prod.find("NS"), 2, "shop-prod");
  staging.replace(staging.find("NS"), 2, "shop-staging");
  s.add("overlays/prod/kustomization.yaml", prod);
  s.add("overlays/staging/kustomization.yaml", staging);
  s.add("base/kustomization.yaml", "apiVersion: kustomize.config.k8s.io/v1beta1\n"
                                   "kind: Kustomization\nresources: [pod.yaml]\n");
  s.add("overlays/prod/sa.yaml", "apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: sa}\n");
  // The base pod (no namespace) may land in either overlay: it matches the prod ServiceAccount.
  s.add("base/pod.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\n"
                         "spec: {serviceAccountName: sa, containers: [{name: c, image: 'c:1'}]}\n");
  EXPECT_TRUE(of(s.run(), "serviceaccount-ref-missing").empty()) << dump(s.run());
  // A pod written with the staging namespace does not see the prod ServiceAccount.
  s.add("other/pod.yaml",
        "apiVersion: v1\nkind: Pod\nmetadata: {name: q, namespace: shop-staging}\n"
        "spec: {serviceAccountName: sa, containers: [{name: c, image: 'c:1'}]}\n");
  EXPECT_EQ(of(s.run(), "serviceaccount-ref-missing").size(), 1u) << dump(s.run());
}

} // namespace
} // namespace berth::check::test
