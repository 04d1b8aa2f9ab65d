// The base layout: each object beside the workload it serves, under convert's file names, in the
// key order people write.
#include <gtest/gtest.h>

#include "fixture.h"
#include "import/layout.h"
#include "support/yaml_assert.h"
#include "yaml/emit.h"
#include "yaml/parse.h"

namespace berth::import {
namespace {

const char* kApp = R"(
apiVersion: v1
kind: List
items:
- apiVersion: apps/v1
  kind: Deployment
  metadata: {name: api, namespace: shop}
  spec:
    selector: {matchLabels: {app: api}}
    template:
      metadata: {labels: {app: api, tier: backend}}
      spec:
        containers:
        - {name: api, image: "api:1", envFrom: [{configMapRef: {name: shared}}, {configMapRef: {name: api-config}}]}
- apiVersion: apps/v1
  kind: Deployment
  metadata: {name: worker, namespace: shop}
  spec:
    selector: {matchLabels: {app: worker}}
    template:
      metadata: {labels: {app: worker}}
      spec: {containers: [{name: w, image: "w:1", envFrom: [{configMapRef: {name: shared}}]}]}
- {apiVersion: v1, kind: ConfigMap, metadata: {name: shared, namespace: shop}, data: {A: "1"}}
- {apiVersion: v1, kind: ConfigMap, metadata: {name: api-config, namespace: shop}, data: {B: "2"}}
- apiVersion: v1
  kind: Service
  metadata: {name: api, namespace: shop, labels: {app: api}}
  spec: {selector: {app: api}, ports: [{name: http, port: 80}]}
- apiVersion: v1
  kind: Service
  metadata: {name: api-internal, namespace: shop}
  spec: {selector: {app: api}, ports: [{port: 9090}]}
- apiVersion: autoscaling/v2
  kind: HorizontalPodAutoscaler
  metadata: {name: api-hpa, namespace: shop}
  spec: {scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}, minReplicas: 2, maxReplicas: 4}
- apiVersion: policy/v1
  kind: PodDisruptionBudget
  metadata: {name: worker, namespace: shop}
  spec: {minAvailable: 1, selector: {matchLabels: {app: worker}}}
- apiVersion: monitoring.coreos.com/v1
  kind: ServiceMonitor
  metadata: {name: api, namespace: shop}
  spec: {selector: {matchLabels: {app: api}}, endpoints: [{port: http}]}
- apiVersion: networking.k8s.io/v1
  kind: NetworkPolicy
  metadata: {name: default-deny, namespace: shop}
  spec: {podSelector: {}, policyTypes: [Ingress]}
- apiVersion: networking.k8s.io/v1
  kind: Ingress
  metadata: {name: public, namespace: shop}
  spec:
    ingressClassName: traefik
    rules: [{host: api.example.org, http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: api, port: {name: http}}}}]}}]
)";

TEST(ImportLayout, ObjectsJoinTheWorkloadTheyServe) {
  generate::Output out = test::run(kApp);
  EXPECT_EQ(test::path_of(out, "Deployment", "api"), "base/api/deployment.yaml");
  EXPECT_EQ(test::path_of(out, "Service", "api"), "base/api/service.yaml");
  EXPECT_EQ(test::path_of(out, "Service", "api-internal"), "base/api/service-internal.yaml");
  EXPECT_EQ(test::path_of(out, "ConfigMap", "api-config"), "base/api/configmap-config.yaml");
  EXPECT_EQ(test::path_of(out, "ConfigMap", "shared"), "base/_app/configmap-shared.yaml");
  EXPECT_EQ(test::path_of(out, "HorizontalPodAutoscaler", "api-hpa"), "base/api/hpa-hpa.yaml");
  EXPECT_EQ(test::path_of(out, "PodDisruptionBudget", "worker"), "base/worker/pdb.yaml");
  EXPECT_EQ(test::path_of(out, "ServiceMonitor", "api"), "base/api/servicemonitor.yaml");
  EXPECT_EQ(test::path_of(out, "NetworkPolicy", "default-deny"),
            "base/_app/networkpolicy-default-deny.yaml");
  EXPECT_EQ(test::path_of(out, "Ingress", "public"), "base/api/ingress-public.yaml");
  std::string kustomization = test::file(out, "base/kustomization.yaml");
  EXPECT_NE(kustomization.find("- api/deployment.yaml"), std::string::npos) << kustomization;
  // The HPA's Deployment is ignored by ArgoCD on spec.replicas, as convert does.
  EXPECT_NE(test::file(out, "argocd/shop-production.yaml").find("/spec/replicas"),
            std::string::npos);
}

TEST(ImportLayout, TidyPutsKeysInTheOrderPeopleWrite) {
  yaml::Node o = yaml::parse_document(R"(
apiVersion: apps/v1
kind: Deployment
metadata: {annotations: {a: b}, labels: {app: x}, name: x}
spec:
  template:
    spec:
      containers:
      - {env: [{value: "1", name: A}], image: "x:1", name: x, ports: [{containerPort: 80, name: http}]}
  selector: {matchLabels: {app: x}}
)",
                                      "t.yaml");
  tidy(o);
  EXPECT_EQ(yaml::emit(o), R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: x
  labels:
    app: x
  annotations:
    a: b
spec:
  template:
    spec:
      containers:
        - name: x
          image: x:1
          env:
            - name: A
              value: "1"
          ports:
            - name: http
              containerPort: 80
  selector:
    matchLabels:
      app: x
)");
  EXPECT_EQ(short_kind("PersistentVolumeClaim"), "pvc");
  EXPECT_EQ(short_kind("IngressRoute"), "ingressroute");
}

} // namespace
} // namespace berth::import
