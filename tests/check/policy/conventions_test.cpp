// The default profile's conventions (only with --cluster).
#include <gtest/gtest.h>

#include "check/policy/policy_fixture.h"

namespace berth::check::policy::test {
namespace {

const std::string kMonitor = R"(apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata:
  name: web
  labels:
    app: web
    release: kube-prometheus-stack
spec:
  selector:
    matchLabels:
      app: web
  endpoints:
    - port: http
)";

const std::string kRule = R"(apiVersion: monitoring.coreos.com/v1
kind: PrometheusRule
metadata:
  name: web
  namespace: observability
  labels:
    prometheus: kube-prometheus-stack
    release: kube-prometheus-stack
    role: alert-rules
spec:
  groups: []
)";

const std::string kIngress = R"(apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
  annotations:
    cert-manager.io/cluster-issuer: letsencrypt-prod
spec:
  ingressClassName: traefik
  tls:
    - hosts: [shop.example.org]
      secretName: shop-tls
  rules:
    - host: shop.example.org
)";

const std::string kClaims = R"(apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
spec:
  storageClassName: local-path
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 1Gi
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  template:
    spec:
      containers: []
  volumeClaimTemplates:
    - metadata:
        name: pgdata
      spec:
        storageClassName: local-path
)";

TEST(Conventions, OnlyWithAProfile) {
  std::string bad = replace(kMonitor, "    release: kube-prometheus-stack\n", "");
  EXPECT_FALSE(run(bad).has("convention-servicemonitor-labels"));
  EXPECT_TRUE(run(bad, with_profile()).has("convention-servicemonitor-labels"));
}

TEST(Conventions, ServiceMonitorLabels) {
  EXPECT_FALSE(run(kMonitor, with_profile()).has("convention-servicemonitor-labels"));
  Finding f = only(
      run(replace(kMonitor, "release: kube-prometheus-stack", "release: prom"), with_profile()),
      "convention-servicemonitor-labels");
  EXPECT_EQ(at(f), "6:5"); // the labels mapping
  EXPECT_NE(f.message.find("release=kube-prometheus-stack"), std::string::npos);
  EXPECT_EQ(f.fix, "Add release=kube-prometheus-stack to metadata.labels.");
  EXPECT_EQ(f.severity, Severity::Warning);
}

TEST(Conventions, PrometheusRuleLabelsAndNamespace) {
  EXPECT_TRUE(run(kRule, with_profile()).findings.empty()) << run(kRule, with_profile()).dump();
  Finding labels = only(run(replace(kRule, "    role: alert-rules\n", ""), with_profile()),
                        "convention-prometheusrule-labels");
  EXPECT_EQ(at(labels), "7:5");
  EXPECT_NE(labels.message.find("role=alert-rules"), std::string::npos);
  Finding ns =
      only(run(replace(kRule, "namespace: observability", "namespace: shop"), with_profile()),
           "convention-prometheusrule-namespace");
  EXPECT_EQ(at(ns), "5:14");
  Finding none = only(run(replace(kRule, "  namespace: observability\n", ""), with_profile()),
                      "convention-prometheusrule-namespace");
  EXPECT_EQ(at(none), "4:3"); // metadata
  EXPECT_NE(none.message.find("no metadata.namespace"), std::string::npos);
}

TEST(Conventions, IngressClassAndIssuer) {
  EXPECT_TRUE(run(kIngress, with_profile()).findings.empty())
      << run(kIngress, with_profile()).dump();
  Finding cls = only(run(replace(kIngress, "ingressClassName: traefik", "ingressClassName: nginx"),
                         with_profile()),
                     "convention-ingress-class");
  EXPECT_EQ(at(cls), "8:21");
  EXPECT_NE(cls.message.find("nginx, not the profile's traefik"), std::string::npos);
  Finding unset = only(run(replace(kIngress, "  ingressClassName: traefik\n", ""), with_profile()),
                       "convention-ingress-class");
  EXPECT_EQ(at(unset), "8:3");
  // The legacy annotation names the class too.
  EXPECT_FALSE(run(replace(replace(kIngress, "  ingressClassName: traefik\n", ""),
                           "    cert-manager.io/cluster-issuer: letsencrypt-prod\n",
                           "    cert-manager.io/cluster-issuer: letsencrypt-prod\n"
                           "    kubernetes.io/ingress.class: traefik\n"),
                   with_profile())
                   .has("convention-ingress-class"));
  Finding issuer =
      only(run(replace(kIngress, "letsencrypt-prod", "letsencrypt-staging"), with_profile()),
           "convention-ingress-issuer");
  EXPECT_EQ(at(issuer), "6:37");
  Finding no_issuer = only(
      run(replace(kIngress,
                  "  annotations:\n    cert-manager.io/cluster-issuer: letsencrypt-prod\n", ""),
          with_profile()),
      "convention-ingress-issuer");
  EXPECT_EQ(at(no_issuer), "4:3");
  EXPECT_EQ(no_issuer.severity, Severity::Warning);
}

TEST(Conventions, StorageClassOfClaimsAndTemplates) {
  EXPECT_FALSE(run(kClaims, with_profile()).has("convention-storage-class"));
  PolicyRun r =
      run(replace(replace(kClaims, "spec:\n  storageClassName: local-path\n", "spec:\n"),
                  "        storageClassName: local-path", "        storageClassName: longhorn"),
          with_profile());
  std::vector<Finding> f = r.of("convention-storage-class");
  ASSERT_EQ(f.size(), 2u) << r.dump();
  EXPECT_EQ(at(f[0]), "6:3");
  EXPECT_NE(f[0].message.find("PersistentVolumeClaim data sets no storageClassName"),
            std::string::npos);
  EXPECT_EQ(at(f[1]), "23:27");
  EXPECT_NE(f[1].message.find("volumeClaimTemplate pgdata uses storage class \"longhorn\""),
            std::string::npos);
}

TEST(Conventions, PullSecretForProfileRegistryImages) {
  EXPECT_FALSE(run(kCleanDeployment, with_profile()).has("convention-pull-secret"));
  std::string no_secret =
      replace(kCleanDeployment, "      imagePullSecrets:\n        - name: ghcr-secret\n", "");
  Finding f = only(run(no_secret, with_profile()), "convention-pull-secret");
  EXPECT_EQ(at(f), "32:18");
  EXPECT_NE(f.message.find("ghcr-secret"), std::string::npos);
  // Images from elsewhere need no pull secret; a look-alike prefix is elsewhere.
  EXPECT_FALSE(
      run(replace(no_secret, "ghcr.io/example/web", "ghcr.io/example-other/web"), with_profile())
          .has("convention-pull-secret"));
}

TEST(Conventions, PriorityClassMustExistInTheProfile) {
  EXPECT_FALSE(run(kCleanDeployment, with_profile()).has("convention-priority-class-unknown"));
  Finding f = only(
      run(replace(kCleanDeployment, "priorityClassName: production", "priorityClassName: prod"),
          with_profile()),
      "convention-priority-class-unknown");
  EXPECT_EQ(at(f), "17:26");
  EXPECT_EQ(f.fix, "Use one of critical-infrastructure, production, tools, staging.");
  EXPECT_FALSE(run(replace(kCleanDeployment, "priorityClassName: production",
                           "priorityClassName: system-cluster-critical"),
                   with_profile())
                   .has("convention-priority-class-unknown"));
}

} // namespace
} // namespace berth::check::policy::test
